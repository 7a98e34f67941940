package uk.gov.analyticalplatform.appdeploy;

/**
 * Something app deployment refused, named for what happened. The {@link Kind} says how a
 * caller should present it (the REST layer maps it to a status code).
 */
public abstract class AppException extends RuntimeException {

	private final Kind kind;

	protected AppException(Kind kind, String message) {
		super(message);
		this.kind = kind;
	}

	public Kind kind() {
		return this.kind;
	}

	/** How a refusal should be presented. */
	public enum Kind {

		/** The thing does not exist, or the caller may not know it does (404). */
		NOT_FOUND,
		/** The input is malformed (400). */
		INVALID,
		/** The caller may not do this (403). */
		FORBIDDEN,
		/** It clashes with the current state (409). */
		CONFLICT

	}

}
