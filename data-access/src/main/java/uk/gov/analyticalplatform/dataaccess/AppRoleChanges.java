package uk.gov.analyticalplatform.dataaccess;

/**
 * Told when an app's IAM role changes as AWS holds it: created (its first grant applied),
 * replaced, or deleted (its last grant ended), the moments its pods must be given the
 * role or lose it. App deployment provides it, so that a decision on an app's data
 * reaches the app's pods at once rather than at the app's next resync; without it, nobody
 * is told.
 * <p>
 * Data access calls it on its reconciler's thread once the transaction that recorded the
 * role's new ARN (see {@link AccessStatus#appRoleArn}) commits, never when it rolls back;
 * a change in what the role allows, with the same ARN, needs nothing of the pods and is
 * not told. Implementations must be quick; what they throw is logged and changes nothing
 * of the role's apply (the app's next resync applies the role anyway).
 */
@FunctionalInterface
public interface AppRoleChanges {

	/** The app's role ARN is now {@link AccessStatus#appRoleArn(String)}. */
	void roleChanged(String app);

}
