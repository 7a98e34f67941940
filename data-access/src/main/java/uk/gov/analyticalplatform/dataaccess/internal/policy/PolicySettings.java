package uk.gov.analyticalplatform.dataaccess.internal.policy;

import java.util.regex.Pattern;

/**
 * What the compiler needs to know about the AWS account and the cluster.
 *
 * @param partition the ARN partition, {@code aws} normally
 * @param accountId the AWS account that holds the roles, Glue catalogue and Athena
 * workgroup
 * @param region the region of Glue and Athena
 * @param rolePrefix the prefix of every user role's name:
 * {@code <prefix>_user_<username>}
 * @param oidcProviderArn the cluster's IAM OIDC provider, trusted for IRSA
 * @param serviceAccount the name of the service account, in namespace
 * {@code user-<username>}, that the user's tools run as
 * @param athenaWorkgroup the Athena workgroup users query through
 * @param athenaResultsBucket the bucket holding query results, one prefix per user
 * @param inlineLimit the most characters of the inline role policy (IAM: 10,240)
 * @param managedLimit the most characters of one customer-managed policy (IAM: 6,144)
 * @param maxManaged the most customer-managed policies attached to the role (IAM: 10)
 */
public record PolicySettings(String partition, String accountId, String region, String rolePrefix,
		String oidcProviderArn, String serviceAccount, String athenaWorkgroup, String athenaResultsBucket,
		int inlineLimit, int managedLimit, int maxManaged) {

	private static final Pattern ROLE_PREFIX = Pattern.compile("[A-Za-z0-9+=,.@-]{1,32}");

	public PolicySettings {
		if (rolePrefix == null || !ROLE_PREFIX.matcher(rolePrefix).matches()) {
			throw new IllegalArgumentException(
					"A role prefix is 1 to 32 of [A-Za-z0-9+=,.@-], not '" + rolePrefix + "'");
		}
		if (oidcProviderArn == null || !oidcProviderArn.contains(":oidc-provider/")) {
			throw new IllegalArgumentException("An OIDC provider ARN looks like "
					+ "arn:aws:iam::<account>:oidc-provider/<issuer host and path>, not '" + oidcProviderArn + "'");
		}
	}

	/** The IAM limits as AWS sets them. */
	public static PolicySettings withIamLimits(String partition, String accountId, String region, String rolePrefix,
			String oidcProviderArn, String serviceAccount, String athenaWorkgroup, String athenaResultsBucket) {
		return new PolicySettings(partition, accountId, region, rolePrefix, oidcProviderArn, serviceAccount,
				athenaWorkgroup, athenaResultsBucket, 10_240, 6_144, 10);
	}

	/**
	 * The issuer as it appears in trust policy condition keys: host and path, no scheme.
	 */
	String oidcIssuer() {
		return this.oidcProviderArn.substring(this.oidcProviderArn.indexOf(":oidc-provider/") + 15);
	}

}
