package uk.gov.analyticalplatform.appdeploy;

/** The app has no version with that number (never registered, or pruned). */
public class AppVersionNotFound extends AppException {

	public AppVersionNotFound(String app, int number) {
		super(Kind.NOT_FOUND, "App '" + app + "' has no version " + number);
	}

}
