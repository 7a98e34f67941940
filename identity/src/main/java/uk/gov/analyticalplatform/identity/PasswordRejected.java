package uk.gov.analyticalplatform.identity;

/** A new password breaks the password rules; the message says which. */
public class PasswordRejected extends IdentityException {

	private static final long serialVersionUID = 1L;

	public PasswordRejected(String reason) {
		super(reason);
	}

}
