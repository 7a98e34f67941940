package uk.gov.analyticalplatform.identity;

/** A token could not be issued as asked; the message says why. */
public class ApiTokenRequestRefused extends IdentityException {

	private static final long serialVersionUID = 1L;

	public ApiTokenRequestRefused(String reason) {
		super(reason);
	}

}
