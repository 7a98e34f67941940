package uk.gov.analyticalplatform.dataaccess;

import java.util.List;

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
	 * The ARN of the user's IAM role once AWS has it (their tools' pods assume it through
	 * their service account), or {@code null} when they have no access: one indexed read,
	 * unlike {@link #of}.
	 * @param userId the user's id
	 */
	String userRoleArn(String userId);

	/**
	 * The ARN of the app's IAM role once AWS has it (its pods assume it through their
	 * service account), or {@code null} when the app has no access.
	 */
	String appRoleArn(String app);

	/** The app's active, unexpired grants. */
	List<Grant> appGrants(String app);

	/**
	 * Resynchronises every user's role and every dataset with AWS now, on the calling
	 * thread: applies pending changes, corrects drift (audited) and deletes roles no
	 * grant justifies. Platform admins only.
	 * @return how many roles and datasets were checked
	 * @throws PermissionDenied if the caller is not a platform admin
	 */
	int resyncNow(Caller caller);

}
