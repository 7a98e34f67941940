package uk.gov.analyticalplatform.dataaccess;

/** Nobody decides their own access request or grants access to themselves. */
public class SelfApprovalForbidden extends DataAccessException {

	public SelfApprovalForbidden(String message) {
		super(Kind.FORBIDDEN, message);
	}

}
