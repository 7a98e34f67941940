package uk.gov.analyticalplatform.reconcile;

/** Failures as the reason a status records: what happened, short enough to store. */
public final class Reasons {

	/** The longest reason stored; longer ones are cut. */
	public static final int MAX_LENGTH = 2000;

	private Reasons() {
	}

	/**
	 * An {@link ApplyFailed}'s message, which is the whole reason; any other failure's
	 * type and message. Never blank, at most {@link #MAX_LENGTH} characters.
	 */
	public static String of(Throwable failure) {
		String message = failure.getMessage();
		if (failure instanceof ApplyFailed) {
			return cut(message);
		}
		return cut(failure.getClass().getSimpleName() + ((message != null) ? ": " + message : ""));
	}

	/** The reason, or "unknown failure" when blank, at most {@link #MAX_LENGTH}. */
	public static String cut(String reason) {
		String text = (reason != null && !reason.isBlank()) ? reason : "unknown failure";
		return (text.length() > MAX_LENGTH) ? text.substring(0, MAX_LENGTH) : text;
	}

}
