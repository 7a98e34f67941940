package uk.gov.analyticalplatform.dataaccess.internal.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.transaction.support.TransactionOperations;

import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetCatalog;
import uk.gov.analyticalplatform.dataaccess.DatasetKind;
import uk.gov.analyticalplatform.dataaccess.DatasetNotFound;
import uk.gov.analyticalplatform.dataaccess.DuplicateDataset;
import uk.gov.analyticalplatform.dataaccess.NewDataset;
import uk.gov.analyticalplatform.dataaccess.PermissionDenied;
import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.reconcile.ReconcileSignal;

/** Registers datasets and manages their data admins. */
public class DatasetCatalogService implements DatasetCatalog {

	private final DatasetRows datasets;

	private final GroupRows groups;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final ReconcileSignal signal;

	public DatasetCatalogService(DatasetRows datasets, GroupRows groups, AuditLog audit,
			TransactionOperations transactions, Clock clock, ReconcileSignal signal) {
		this.datasets = datasets;
		this.groups = groups;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
		this.signal = signal;
	}

	@Override
	public Dataset create(Caller caller, NewDataset dataset) {
		GroupService.requirePlatformAdmin(caller);
		DatasetPaths.checkName(dataset.name());
		String rootPrefix;
		if (dataset.kind() == DatasetKind.S3) {
			DatasetPaths.checkBucket(dataset.bucket());
			rootPrefix = DatasetPaths.prefix(dataset.rootPrefix());
		}
		else {
			DatasetPaths.checkGlue(dataset.glueDatabase(), dataset.tables());
			rootPrefix = "";
		}
		Dataset created = this.transactions.execute((tx) -> {
			if (this.datasets.nameTaken(dataset.name())) {
				throw new DuplicateDataset("A dataset called '" + dataset.name() + "' already exists");
			}
			if (dataset.kind() == DatasetKind.S3 && this.datasets.locationTaken(dataset.bucket(), rootPrefix)) {
				throw new DuplicateDataset("Another dataset is already at s3://" + dataset.bucket() + "/" + rootPrefix);
			}
			this.groups.ref(dataset.ownerGroupId());
			UUID id = UUID.randomUUID();
			Instant now = this.clock.instant();
			this.datasets.insert(id, dataset, rootPrefix, now, caller.username());
			Dataset saved = this.datasets.get(id);
			this.audit.record(AuditEvent.of(caller.actor(), "dataset.created", "dataset", id.toString())
				.with("name", saved.name())
				.with("kind", saved.kind().name())
				.with("location", saved.location())
				.with("tables", saved.tables())
				.with("classification", saved.classification().label())
				.with("owner", saved.owner().name()));
			for (UserRef admin : dataset.dataAdmins()) {
				addAdmin(caller, saved, admin, now);
			}
			return this.datasets.get(id);
		});
		this.signal.changed();
		return created;
	}

	@Override
	public Dataset get(UUID id) {
		return this.datasets.get(id);
	}

	@Override
	public Dataset getByName(String name) {
		return this.datasets.get(this.datasets.idOf(name).orElseThrow(() -> DatasetNotFound.forName(name)));
	}

	@Override
	public List<Dataset> search(String text) {
		return this.datasets.search((text != null) ? text.trim() : "");
	}

	@Override
	public Dataset addDataAdmin(Caller caller, UUID datasetId, UserRef user) {
		return this.transactions.execute((tx) -> {
			Dataset dataset = this.datasets.lock(datasetId);
			requireManager(caller, dataset);
			addAdmin(caller, dataset, user, this.clock.instant());
			return this.datasets.get(datasetId);
		});
	}

	@Override
	public Dataset removeDataAdmin(Caller caller, UUID datasetId, String userId) {
		return this.transactions.execute((tx) -> {
			Dataset dataset = this.datasets.lock(datasetId);
			requireManager(caller, dataset);
			this.datasets.removeAdmin(datasetId, userId)
				.ifPresent(
						(removed) -> this.audit.record(adminEvent(caller, "dataset.admin_removed", dataset, removed)));
			return this.datasets.get(datasetId);
		});
	}

	@Override
	public boolean canManageAccess(Caller caller, UUID datasetId) {
		return canManage(caller, this.datasets.get(datasetId));
	}

	@Override
	public List<Dataset> administeredBy(Caller caller) {
		return this.datasets.administeredBy(caller.userId())
			.stream()
			.map(this.datasets::get)
			.sorted(Comparator.comparing(Dataset::name))
			.toList();
	}

	/** Whether the caller may manage the dataset's access. */
	public boolean canManage(Caller caller, Dataset dataset) {
		return caller.platformAdmin() || dataset.isDataAdmin(caller.userId())
				|| this.datasets.holdsAdminGrant(dataset.id(), caller.userId());
	}

	/** Refuses a caller who may not manage the dataset's access. */
	public void requireManager(Caller caller, Dataset dataset) {
		if (!canManage(caller, dataset)) {
			throw new PermissionDenied(
					caller.username() + " is not a data admin of " + dataset.name() + " nor a platform admin");
		}
	}

	private void addAdmin(Caller caller, Dataset dataset, UserRef admin, Instant at) {
		if (this.datasets.addAdmin(dataset.id(), admin, at, caller.username())) {
			this.audit.record(adminEvent(caller, "dataset.admin_added", dataset, admin));
		}
	}

	private static AuditEvent adminEvent(Caller caller, String action, Dataset dataset, UserRef admin) {
		return AuditEvent.of(caller.actor(), action, "dataset", dataset.id().toString())
			.with("dataset", dataset.name())
			.with("userId", admin.userId())
			.with("username", admin.username());
	}

}
