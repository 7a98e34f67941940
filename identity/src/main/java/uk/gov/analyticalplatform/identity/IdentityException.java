package uk.gov.analyticalplatform.identity;

/**
 * Something a caller asked of the identity module that could not be done. Messages are
 * safe to show to the person who asked.
 */
public abstract class IdentityException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	protected IdentityException(String message) {
		super(message);
	}

}
