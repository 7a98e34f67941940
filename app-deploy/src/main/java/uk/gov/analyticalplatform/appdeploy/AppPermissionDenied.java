package uk.gov.analyticalplatform.appdeploy;

/** The caller may see the app but not do this to it. */
public class AppPermissionDenied extends AppException {

	public AppPermissionDenied(String message) {
		super(Kind.FORBIDDEN, message);
	}

}
