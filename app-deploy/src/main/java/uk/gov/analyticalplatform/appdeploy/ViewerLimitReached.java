package uk.gov.analyticalplatform.appdeploy;

/**
 * The app has as many viewers as it may have ({@code platform.apps.max-viewers}); a
 * viewer must be removed before another can be added.
 */
public class ViewerLimitReached extends AppException {

	private final int limit;

	public ViewerLimitReached(String app, int limit) {
		super(Kind.CONFLICT, "App '" + app + "' already has " + limit + " viewers, the most an app may have: "
				+ "remove a viewer before adding another");
		this.limit = limit;
	}

	public int limit() {
		return this.limit;
	}

}
