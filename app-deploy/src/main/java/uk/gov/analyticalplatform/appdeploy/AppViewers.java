package uk.gov.analyticalplatform.appdeploy;

/**
 * Who may open an app besides its owners: at most {@code platform.apps.max-viewers}
 * people by email. The limit holds under any concurrency: when more people are added at
 * once than there are places, exactly as many as fit are added and every other addition
 * is refused with {@link ViewerLimitReached}.
 */
public interface AppViewers {

	/**
	 * @throws AppNotFound if there is none the caller may see
	 */
	Viewers list(Caller caller, String app);

	/**
	 * Adds a viewer; adding one already there changes nothing and is not refused.
	 * @throws AppNotFound if there is none the caller may see
	 * @throws InvalidApp if the email is malformed
	 * @throws ViewerLimitReached if the app has as many viewers as it may
	 */
	Viewers add(Caller caller, String app, String email);

	/**
	 * Removes a viewer (idempotent), freeing a place.
	 * @throws AppNotFound if there is none the caller may see
	 */
	Viewers remove(Caller caller, String app, String email);

}
