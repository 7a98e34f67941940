package uk.gov.analyticalplatform.dataaccess.internal.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetKind;
import uk.gov.analyticalplatform.dataaccess.RetentionAction;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetRows;
import uk.gov.analyticalplatform.dataaccess.internal.policy.PolicyCompiler;
import uk.gov.analyticalplatform.dataaccess.internal.reconcile.AwsGateway.BucketRetention;
import uk.gov.analyticalplatform.dataaccess.internal.reconcile.AwsGateway.BucketSpec;
import uk.gov.analyticalplatform.dataaccess.internal.reconcile.AwsGateway.WorkgroupSpec;
import uk.gov.analyticalplatform.reconcile.ApplyFailed;
import uk.gov.analyticalplatform.reconcile.Applied;
import uk.gov.analyticalplatform.reconcile.Applier;
import uk.gov.analyticalplatform.reconcile.Outcome;
import uk.gov.analyticalplatform.reconcile.Reasons;
import uk.gov.analyticalplatform.reconcile.StatusRow;

/**
 * Brings datasets' AWS side to their desired state, as the applier of the kernel's
 * tracked reconciler over {@code dataset_status}, keyed by dataset id: an S3 dataset's
 * bucket created or adopted and configured; an Athena dataset's Glue database created or
 * adopted and its tables checked, and the Athena workgroup the compiled policies name
 * made sure of. The kernel records each dataset's status: a failed one is retried after
 * its own backoff, like a user's role.
 */
public class DatasetProvisioner implements Applier<UUID> {

	private final DatasetRows datasets;

	private final AwsGateway aws;

	private final Supplier<PolicyCompiler> compiler;

	private final Settings settings;

	public DatasetProvisioner(DatasetRows datasets, AwsGateway aws, Supplier<PolicyCompiler> compiler,
			Settings settings) {
		this.datasets = datasets;
		this.aws = aws;
		this.compiler = compiler;
		this.settings = settings;
	}

	/**
	 * How datasets' buckets and the Athena workgroup are set up.
	 *
	 * @param infrequentAccessDays bucket lifecycle: days to infrequent access
	 * @param archiveDays bucket lifecycle: days to archive
	 * @param kmsKeyId the KMS key of bucket default encryption and of the Athena
	 * workgroup's minimum results encryption, or {@code null} for S3-managed keys
	 * @param tlsOnly whether bucket policies deny requests without TLS
	 * @param archiveStorageClass where a proposed dataset's objects move when its
	 * retention says archive
	 * @param logBucket the platform's bucket for server access logs, or {@code null} for
	 * none
	 * @param corsOrigins control panel origins allowed to upload straight to buckets
	 */
	public record Settings(int infrequentAccessDays, int archiveDays, String kmsKeyId, boolean tlsOnly,
			String archiveStorageClass, String logBucket, List<String> corsOrigins) {

		public Settings(int infrequentAccessDays, int archiveDays, String kmsKeyId, boolean tlsOnly) {
			this(infrequentAccessDays, archiveDays, kmsKeyId, tlsOnly, "DEEP_ARCHIVE", null, List.of());
		}

	}

	@Override
	public Applied apply(StatusRow<UUID> row) {
		Dataset dataset = this.datasets.find(row.key()).orElse(null);
		return Applied.of((dataset != null) ? provision(dataset) : Outcome.NOOP);
	}

	private Outcome provision(Dataset dataset) {
		if (dataset.kind() == DatasetKind.S3) {
			List<String> changes = new ArrayList<>();
			if (this.settings.logBucket() != null) {
				changes.addAll(this.aws.provisionLogBucket(this.settings.logBucket()));
			}
			BucketRetention retention = this.datasets.retention(dataset.id())
				.map((r) -> new BucketRetention(r.days(), r.action() == RetentionAction.DELETE,
						this.settings.archiveStorageClass()))
				.orElse(null);
			changes.addAll(this.aws.provisionBucket(new BucketSpec(dataset.bucket(),
					this.settings.infrequentAccessDays(), this.settings.archiveDays(), this.settings.kmsKeyId(),
					this.settings.tlsOnly(), retention, this.settings.logBucket(), this.settings.corsOrigins())));
			return RoleApplier.outcome(changes);
		}
		Outcome database = RoleApplier
			.outcome(this.aws.provisionGlueDatabase(dataset.glueDatabase(), dataset.tables()));
		try {
			Outcome workgroup = RoleApplier.outcome(this.aws.provisionWorkgroup(
					new WorkgroupSpec(this.compiler.get().athenaWorkgroup(), this.settings.kmsKeyId())));
			return (database == Outcome.NOOP) ? workgroup : database;
		}
		catch (RuntimeException ex) {
			throw new WorkgroupFailed(ex);
		}
	}

	/** The Athena workgroup could not be made sure of: the reason names it. */
	private static final class WorkgroupFailed extends ApplyFailed {

		WorkgroupFailed(RuntimeException cause) {
			super("Athena workgroup: " + Reasons.of(cause), cause);
		}

	}

}
