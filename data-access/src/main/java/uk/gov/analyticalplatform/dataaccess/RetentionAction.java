package uk.gov.analyticalplatform.dataaccess;

/** What happens to a proposed dataset's objects once its retention period has passed. */
public enum RetentionAction {

	/** They move to the archive storage class by lifecycle rule. */
	ARCHIVE,
	/** They are deleted by lifecycle rule, old versions included. */
	DELETE

}
