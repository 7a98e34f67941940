package uk.gov.analyticalplatform.identity;

import java.util.Set;
import java.util.UUID;

/**
 * A caller that presented a live API token.
 *
 * @param user the token's owner
 * @param tokenId the token's id
 * @param scopes what the token may be used for
 */
public record AuthenticatedToken(UserAccount user, UUID tokenId, Set<ApiScope> scopes) {

	public AuthenticatedToken {
		scopes = Set.copyOf(scopes);
	}

}
