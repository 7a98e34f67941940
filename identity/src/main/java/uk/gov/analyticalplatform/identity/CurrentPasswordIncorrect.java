package uk.gov.analyticalplatform.identity;

/** The current password given to change a password was wrong. */
public class CurrentPasswordIncorrect extends IdentityException {

	private static final long serialVersionUID = 1L;

	public CurrentPasswordIncorrect() {
		super("The current password is not right.");
	}

}
