package uk.gov.analyticalplatform.dataaccess;

/** Who a grant is to: one user, or every member of a group. */
public enum PrincipalType {

	USER, GROUP

}
