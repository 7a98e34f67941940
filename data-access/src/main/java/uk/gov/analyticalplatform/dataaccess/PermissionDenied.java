package uk.gov.analyticalplatform.dataaccess;

/**
 * The caller may not do this, for example manage access to a dataset they do not
 * administer.
 */
public class PermissionDenied extends DataAccessException {

	public PermissionDenied(String message) {
		super(Kind.FORBIDDEN, message);
	}

}
