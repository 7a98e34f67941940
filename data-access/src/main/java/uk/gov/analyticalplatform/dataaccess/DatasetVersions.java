package uk.gov.analyticalplatform.dataaccess;

import java.util.List;
import java.util.UUID;

/**
 * Immutable snapshots of S3 datasets. Registering a version makes its prefix read-only
 * for every analyst (the policy compiler denies writes to it) and is audited.
 */
public interface DatasetVersions {

	/**
	 * Registers a version (platform admins, the dataset's data admins, and holders of a
	 * {@code READ_WRITE} or {@code ADMIN} grant, such as a pipeline's account).
	 * @throws InvalidPath if the prefix is malformed or a manifest key is malformed
	 * @throws InvalidDataset if the dataset is not an S3 dataset or the manifest is empty
	 * @throws DuplicateDatasetVersion if the label or prefix is taken
	 */
	DatasetVersion register(Caller caller, UUID datasetId, NewDatasetVersion version);

	/** The dataset's versions, newest first (without manifests). */
	List<DatasetVersion> list(UUID datasetId);

	/**
	 * @throws DatasetVersionNotFound if there is none
	 */
	DatasetVersion get(UUID versionId);

	/**
	 * Reads every object under the version's prefix from S3 and compares it with the
	 * manifest. Runs outside any transaction.
	 * @throws DatasetVersionNotFound if there is none
	 */
	VersionVerification verify(UUID versionId);

}
