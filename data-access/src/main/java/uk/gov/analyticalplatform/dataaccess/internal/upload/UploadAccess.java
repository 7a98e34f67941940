package uk.gov.analyticalplatform.dataaccess.internal.upload;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.InvalidPath;
import uk.gov.analyticalplatform.dataaccess.PermissionDenied;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetCatalogService;

/**
 * Who may write where in a dataset: its managers anywhere; holders of an active
 * {@code READ_WRITE} or {@code ADMIN} grant (directly or through a group) anywhere their
 * grant allows writing; nobody inside a sealed version.
 */
class UploadAccess {

	private final JdbcClient jdbc;

	private final DatasetCatalogService catalog;

	UploadAccess(JdbcClient jdbc, DatasetCatalogService catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	/**
	 * @param path a file or a prefix, relative to the dataset's root
	 */
	void requireWriter(Caller caller, Dataset dataset, String path) {
		String key = dataset.rootPrefix() + path;
		boolean sealed = this.jdbc
			.sql("SELECT count(*) FROM dataset_versions WHERE dataset_id = :dataset AND starts_with(:key, s3_prefix)")
			.param("dataset", dataset.id())
			.param("key", key)
			.query(Integer.class)
			.single() > 0;
		if (sealed) {
			throw new InvalidPath(path + " is inside a sealed version of " + dataset.name() + ", which is immutable");
		}
		if (this.catalog.canManage(caller, dataset)) {
			return;
		}
		boolean writer = this.jdbc.sql("""
				SELECT count(*) FROM grants g LEFT JOIN access_group_members m ON m.group_id = g.group_id
				 WHERE g.dataset_id = :dataset AND g.revoked_at IS NULL AND g.level IN ('READ_WRITE', 'ADMIN')
				   AND (g.user_id = :user OR m.user_id = :user)
				   AND (NOT EXISTS (SELECT 1 FROM grant_paths p WHERE p.grant_id = g.id)
				        OR EXISTS (SELECT 1 FROM grant_paths p WHERE p.grant_id = g.id AND p.level = 'READ_WRITE'
				                   AND starts_with(:path, p.path)))
				""")
			.param("dataset", dataset.id())
			.param("user", caller.userId())
			.param("path", path)
			.query(Integer.class)
			.single() > 0;
		if (!writer) {
			throw new PermissionDenied(caller.username() + " may not write " + path + " in " + dataset.name());
		}
	}

}
