package uk.gov.analyticalplatform.dataaccess;

/**
 * Told when a user's IAM role changes as AWS holds it: created (their first grant
 * applied), replaced, or deleted (their last grant ended), the moments their workloads'
 * service accounts must carry the role or lose it. The tool launcher provides it, so that
 * a decision on a user's data reaches their tools' service accounts at once rather than
 * at the tools' next resync (a running tool's pod keeps the credentials it was created
 * with until it restarts); without it, nobody is told.
 * <p>
 * Data access calls it as it calls {@link AppRoleChanges}: on its reconciler's thread
 * once the transaction that recorded the role's new ARN (see
 * {@link AccessStatus#userRoleArn}) commits, never when it rolls back, and not for a
 * change in what the role allows with the same ARN. Implementations must be quick; what
 * they throw is logged (the next resync of the user's workloads applies the role anyway).
 */
@FunctionalInterface
public interface UserRoleChanges {

	/** The user's role ARN is now {@link AccessStatus#userRoleArn(String)}. */
	void roleChanged(UserRef user);

}
