package uk.gov.analyticalplatform.identity;

import java.util.UUID;

/** The user has no live token with the given id. */
public class ApiTokenNotFound extends IdentityException {

	private static final long serialVersionUID = 1L;

	public ApiTokenNotFound(UUID id) {
		super("You have no live API token with id " + id + ".");
	}

}
