package uk.gov.analyticalplatform.dataaccess;

import java.time.Instant;
import java.util.List;

import uk.gov.analyticalplatform.reconcile.ApplyStatus;

/**
 * One user's data access: what the database grants them (directly and through groups),
 * the state of their IAM role in AWS, and what AWS actually allows, read back from IAM
 * after the last apply.
 *
 * @param user the user
 * @param roleName the name of their IAM role
 * @param datasets each dataset they can use, with the level and where it comes from
 * @param status the reconciler's status for their role
 * @param applied what AWS allowed when last read back, or {@code null} if nothing was
 * applied yet
 */
public record UserAccess(UserRef user, String roleName, List<DatasetAccess> datasets, ApplyStatus status,
		AppliedRole applied) {

	/**
	 * Access to one dataset.
	 *
	 * @param dataset the dataset
	 * @param kind S3 or Athena
	 * @param location where it is
	 * @param level the highest level held
	 * @param paths the sub-paths or tables, empty for the whole dataset
	 * @param via {@code direct} or {@code group:<name>} for each grant that gives it
	 * @param expiresAt the earliest expiry among those grants, or {@code null}
	 */
	public record DatasetAccess(DatasetRef dataset, DatasetKind kind, String location, AccessLevel level,
			List<PathAccess> paths, List<String> via, Instant expiresAt) {

	}

	/**
	 * The role as AWS reported it.
	 *
	 * @param roleArn the role's ARN, or {@code null} when the user has no role (no
	 * access)
	 * @param policies each policy document attached, by name, as JSON
	 * @param lakeFormation each Lake Formation permission held, as
	 * {@code PERMS on db.table}
	 * @param readAt when it was read back
	 */
	public record AppliedRole(String roleArn, List<AppliedPolicy> policies, List<String> lakeFormation,
			Instant readAt) {

	}

	/**
	 * One policy as applied.
	 *
	 * @param name the policy's name ({@code trust} for the trust policy)
	 * @param document its JSON document
	 */
	public record AppliedPolicy(String name, String document) {

	}

}
