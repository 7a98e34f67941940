package uk.gov.analyticalplatform.dataaccess;

import java.util.List;
import java.util.UUID;

/**
 * Registers and finds datasets and manages their data admins. Every change is recorded in
 * the audit log in the same transaction; provisioning the bucket (or the Glue database)
 * happens afterwards in the reconciler and shows in {@link Dataset#status()}.
 */
public interface DatasetCatalog {

	/**
	 * Registers a dataset (platform admins only). For S3 the bucket is created or adopted
	 * with default encryption, versioning, all public access blocked, a TLS-only bucket
	 * policy and a lifecycle rule. For Athena the Glue database is created or adopted,
	 * tagged as the platform's, and the Athena workgroup users query through is created
	 * if missing; tables are not created (pipelines and crawlers create them), and the
	 * dataset's status is failed, naming the table, until every table it lists exists.
	 * @throws PermissionDenied if the caller is not a platform admin
	 * @throws InvalidDataset if the name, bucket, prefix, database or tables are
	 * malformed
	 * @throws DuplicateDataset if the name or the S3 location is taken
	 * @throws GroupNotFound if the owner group does not exist
	 */
	Dataset create(Caller caller, NewDataset dataset);

	/**
	 * @throws DatasetNotFound if there is none
	 */
	Dataset get(UUID id);

	/**
	 * @throws DatasetNotFound if there is none
	 */
	Dataset getByName(String name);

	/**
	 * Datasets whose name or description contains the text (any case), by name; all for
	 * blank text.
	 */
	List<Dataset> search(String text);

	/**
	 * Makes a user a data admin of the dataset (platform admins and the dataset's data
	 * admins).
	 * @throws PermissionDenied if the caller may not manage the dataset's access
	 */
	Dataset addDataAdmin(Caller caller, UUID datasetId, UserRef user);

	/**
	 * Removes a data admin (platform admins and the dataset's data admins).
	 * @throws PermissionDenied if the caller may not manage the dataset's access
	 */
	Dataset removeDataAdmin(Caller caller, UUID datasetId, String userId);

	/**
	 * Whether the caller may decide requests and grant or revoke access on the dataset: a
	 * platform admin, one of its data admins, or a holder of an active {@code ADMIN}
	 * grant.
	 */
	boolean canManageAccess(Caller caller, UUID datasetId);

	/**
	 * The datasets the caller manages in their own right, as a named data admin or the
	 * holder (directly or through a group) of an active {@code ADMIN} grant, by name.
	 * Being a platform admin does not count here.
	 */
	List<Dataset> administeredBy(Caller caller);

}
