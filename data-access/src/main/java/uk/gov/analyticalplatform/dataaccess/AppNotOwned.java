package uk.gov.analyticalplatform.dataaccess;

/** Only an owner of an app asks for access for it. */
public class AppNotOwned extends DataAccessException {

	public AppNotOwned(String message) {
		super(Kind.FORBIDDEN, message);
	}

}
