package uk.gov.analyticalplatform.dataaccess.internal.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Data access settings ({@code platform.data-access.*}).
 *
 * @param rolePrefix the prefix of user roles, {@code <prefix>_user_<username>}, and of
 * the platform's tags
 * @param oidcProviderArn the cluster's IAM OIDC provider ARN trusted for IRSA; unset to
 * build it from the account and {@code oidcIssuer}
 * @param oidcIssuer the cluster's OIDC issuer host and path, such as
 * {@code oidc.eks.eu-west-2.amazonaws.com/id/EXAMPLE}
 * @param serviceAccount the service account user tools run as, in namespace
 * {@code user-<username>}
 * @param athenaWorkgroup the Athena workgroup users query through; the reconciler creates
 * it when an Athena dataset needs it and no workgroup has the name
 * @param athenaResultsBucket the bucket for Athena query results, a prefix per user;
 * unset if Athena datasets are not used
 * @param requestTtl how long a request may wait for a decision before it expires
 * @param buckets how dataset buckets are set up
 * @param reconciler how the reconciler runs
 * @param notifications how notifications of access requests are delivered, when the
 * application sends them
 */
@ConfigurationProperties("platform.data-access")
public record DataAccessProperties(@DefaultValue("ap") String rolePrefix, String oidcProviderArn,
		@DefaultValue("oidc.cluster.local") String oidcIssuer, @DefaultValue("analyst") String serviceAccount,
		@DefaultValue("analytical-platform") String athenaWorkgroup, String athenaResultsBucket,
		@DefaultValue("30d") Duration requestTtl, @DefaultValue Buckets buckets, @DefaultValue Reconciler reconciler,
		@DefaultValue Notifications notifications) {

	/**
	 * How dataset buckets are set up.
	 *
	 * @param infrequentAccessDays days before objects move to Standard-IA
	 * @param archiveDays days before objects move to Glacier
	 * @param kmsKeyId the KMS key for default encryption, and the least encryption of
	 * Athena query results in the workgroup the platform creates; unset for S3-managed
	 * keys
	 * @param tlsOnly whether bucket policies deny every request made without TLS; only an
	 * emulator that cannot evaluate the condition (moto treats it as an explicit deny)
	 * needs it off
	 * @param archiveStorageClass the storage class a proposed dataset's objects move to
	 * when its retention period ends and its proposal said archive
	 * @param accessLogBucket the platform's own bucket that receives the server access
	 * logs of every dataset bucket, read by the flows collector; unset for no logging and
	 * no data-flow tracking
	 * @param uploadOrigins the control panel's origins (such as
	 * {@code https://control.example.gov.uk}) that a CORS rule on each dataset bucket
	 * allows to send upload parts straight to S3 with presigned URLs; empty to stream
	 * every upload through the control plane
	 */
	public record Buckets(@DefaultValue("30") int infrequentAccessDays, @DefaultValue("365") int archiveDays,
			String kmsKeyId, @DefaultValue("true") boolean tlsOnly,
			@DefaultValue("DEEP_ARCHIVE") String archiveStorageClass, String accessLogBucket,
			@DefaultValue List<String> uploadOrigins) {

	}

	/**
	 * How the reconciler runs.
	 *
	 * @param enabled whether this instance reconciles at all
	 * @param pollInterval how often it looks for changes besides change signals
	 * @param resyncInterval how often it re-applies everything, correcting drift
	 * @param sweepInterval how often it ends expired grants and requests
	 * @param baseBackoff the wait after a first failure, doubled after each further one
	 * @param maxBackoff the longest wait between attempts
	 */
	public record Reconciler(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration pollInterval,
			@DefaultValue("10m") Duration resyncInterval, @DefaultValue("30s") Duration sweepInterval,
			@DefaultValue("5s") Duration baseBackoff, @DefaultValue("5m") Duration maxBackoff) {

	}

	/**
	 * How notifications of access requests are delivered from the outbox, when the
	 * application sends them ({@code platform.notifications.email.enabled}).
	 *
	 * @param pollInterval how often each replica looks for due notifications besides
	 * those it queued itself
	 * @param maxAttempts attempts before a notification is given up
	 * @param baseBackoff the wait after a first failed attempt, doubled after each
	 * further one
	 * @param maxBackoff the longest wait between attempts
	 */
	public record Notifications(@DefaultValue("10s") Duration pollInterval, @DefaultValue("20") int maxAttempts,
			@DefaultValue("30s") Duration baseBackoff, @DefaultValue("1h") Duration maxBackoff) {

	}

}
