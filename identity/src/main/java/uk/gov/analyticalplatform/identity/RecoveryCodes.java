package uk.gov.analyticalplatform.identity;

import java.util.List;

/**
 * One-time recovery codes, in clear text only at the moment they are issued.
 *
 * @param codes the codes
 */
public record RecoveryCodes(List<String> codes) {

	public RecoveryCodes {
		codes = List.copyOf(codes);
	}

}
