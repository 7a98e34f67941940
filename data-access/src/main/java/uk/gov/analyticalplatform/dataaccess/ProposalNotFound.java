package uk.gov.analyticalplatform.dataaccess;

import java.util.UUID;

/** No dataset proposal has that id, or the caller may not see it. */
public class ProposalNotFound extends DataAccessException {

	public ProposalNotFound(String message) {
		super(Kind.NOT_FOUND, message);
	}

	public static ProposalNotFound forId(UUID id) {
		return new ProposalNotFound("No dataset proposal has id " + id);
	}

}
