package uk.gov.analyticalplatform.dataaccess;

/**
 * Who a grant is to: one user, every member of a group, or an app (its pods, through the
 * app's own IAM role).
 */
public enum PrincipalType {

	USER, GROUP, APP

}
