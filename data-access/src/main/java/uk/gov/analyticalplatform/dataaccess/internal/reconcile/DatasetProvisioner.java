package uk.gov.analyticalplatform.dataaccess.internal.reconcile;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetKind;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetRows;
import uk.gov.analyticalplatform.dataaccess.internal.policy.PolicyCompiler;
import uk.gov.analyticalplatform.dataaccess.internal.reconcile.AwsGateway.BucketSpec;
import uk.gov.analyticalplatform.dataaccess.internal.reconcile.AwsGateway.WorkgroupSpec;

/**
 * Brings datasets' AWS side to their desired state: an S3 dataset's bucket created or
 * adopted and configured; an Athena dataset's Glue database created or adopted and its
 * tables checked, and the Athena workgroup the compiled policies name made sure of once
 * for all the Athena datasets in hand. Each dataset's status records the outcome; a
 * failed dataset is retried on the next resync.
 */
class DatasetProvisioner {

	private static final Log logger = LogFactory.getLog(DatasetProvisioner.class);

	private final DatasetRows datasets;

	private final AwsGateway aws;

	private final Supplier<PolicyCompiler> compiler;

	private final Clock clock;

	private final AccessReconciler.Settings settings;

	DatasetProvisioner(DatasetRows datasets, AwsGateway aws, Supplier<PolicyCompiler> compiler, Clock clock,
			AccessReconciler.Settings settings) {
		this.datasets = datasets;
		this.aws = aws;
		this.compiler = compiler;
		this.clock = clock;
		this.settings = settings;
	}

	/** Provisions the datasets; returns how many. */
	int provision(List<Dataset> datasets) {
		boolean athena = datasets.stream().anyMatch((dataset) -> dataset.kind() == DatasetKind.ATHENA);
		String workgroupFailure = athena ? ensureWorkgroup() : null;
		datasets.forEach((dataset) -> provision(dataset, workgroupFailure));
		return datasets.size();
	}

	/** Makes sure of the workgroup; returns why that failed, or {@code null}. */
	private String ensureWorkgroup() {
		try {
			this.aws
				.provisionWorkgroup(new WorkgroupSpec(this.compiler.get().athenaWorkgroup(), this.settings.kmsKeyId()));
			return null;
		}
		catch (RuntimeException ex) {
			logger.warn("Could not provision the Athena workgroup: " + ex.getMessage());
			return "Athena workgroup: " + AccessReconciler.describe(ex);
		}
	}

	private void provision(Dataset dataset, String workgroupFailure) {
		try {
			if (dataset.kind() == DatasetKind.S3) {
				this.aws.provisionBucket(new BucketSpec(dataset.bucket(), this.settings.infrequentAccessDays(),
						this.settings.archiveDays(), this.settings.kmsKeyId(), this.settings.tlsOnly()));
			}
			else {
				this.aws.provisionGlueDatabase(dataset.glueDatabase(), dataset.tables());
				if (workgroupFailure != null) {
					this.datasets.failed(dataset.id(), workgroupFailure);
					return;
				}
			}
			this.datasets.applied(dataset.id(), dataset.status().generation(), this.clock.instant());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not provision dataset " + dataset.name() + ": " + ex.getMessage());
			this.datasets.failed(dataset.id(), AccessReconciler.describe(ex));
		}
	}

}
