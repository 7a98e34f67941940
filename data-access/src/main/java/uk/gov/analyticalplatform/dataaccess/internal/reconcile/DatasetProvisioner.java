package uk.gov.analyticalplatform.dataaccess.internal.reconcile;

import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetKind;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetRows;
import uk.gov.analyticalplatform.dataaccess.internal.reconcile.AwsGateway.BucketSpec;

/**
 * Brings a dataset's AWS side to its desired state: an S3 dataset's bucket created or
 * adopted and configured, an Athena dataset's Glue database and tables checked. The
 * dataset's status records the outcome; a failed dataset is retried on the next resync.
 */
class DatasetProvisioner {

	private static final Log logger = LogFactory.getLog(DatasetProvisioner.class);

	private final DatasetRows datasets;

	private final AwsGateway aws;

	private final Clock clock;

	private final AccessReconciler.Settings settings;

	DatasetProvisioner(DatasetRows datasets, AwsGateway aws, Clock clock, AccessReconciler.Settings settings) {
		this.datasets = datasets;
		this.aws = aws;
		this.clock = clock;
		this.settings = settings;
	}

	void provision(Dataset dataset) {
		try {
			if (dataset.kind() == DatasetKind.S3) {
				this.aws.provisionBucket(new BucketSpec(dataset.bucket(), this.settings.infrequentAccessDays(),
						this.settings.archiveDays(), this.settings.kmsKeyId(), this.settings.tlsOnly()));
			}
			else {
				this.aws.checkGlueDatabase(dataset.glueDatabase(), dataset.tables());
			}
			this.datasets.applied(dataset.id(), dataset.status().generation(), this.clock.instant());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not provision dataset " + dataset.name() + ": " + ex.getMessage());
			this.datasets.failed(dataset.id(), AccessReconciler.describe(ex));
		}
	}

}
