package uk.gov.analyticalplatform.appdeploy;

/**
 * No app has that name, or the caller is neither one of its owners nor a platform admin
 * (so that strangers cannot learn which apps exist).
 */
public class AppNotFound extends AppException {

	public AppNotFound(String name) {
		super(Kind.NOT_FOUND, "No app is called '" + name + "'");
	}

}
