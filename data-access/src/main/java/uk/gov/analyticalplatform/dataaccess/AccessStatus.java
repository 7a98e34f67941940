package uk.gov.analyticalplatform.dataaccess;

/**
 * What each user can use and what AWS actually allows them, for "my data" and the admins'
 * view, and a way to ask the reconciler to resynchronise everything now.
 */
public interface AccessStatus {

	/**
	 * The user's access: datasets from their active, unexpired grants (direct and through
	 * groups), the role's apply status and the policies read back from AWS after the last
	 * apply.
	 */
	UserAccess of(UserRef user);

	/**
	 * Resynchronises every user's role and every dataset with AWS now, on the calling
	 * thread: applies pending changes, corrects drift (audited) and deletes roles no
	 * grant justifies. Platform admins only.
	 * @return how many roles and datasets were checked
	 * @throws PermissionDenied if the caller is not a platform admin
	 */
	int resyncNow(Caller caller);

}
