package uk.gov.analyticalplatform.dataaccess;

/** Another group already has that name. */
public class DuplicateGroup extends DataAccessException {

	public DuplicateGroup(String message) {
		super(Kind.CONFLICT, message);
	}

}
