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
import uk.gov.analyticalplatform.dataaccess.RetentionAction;
import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.reconcile.AfterCommit;
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
		String rootPrefix = check(dataset);
		Dataset created = this.transactions.execute((tx) -> insert(caller, dataset, rootPrefix, null));
		this.signal.changed();
		return created;
	}

	/**
	 * Registers a dataset that a governance decision approved, with its retention, in the
	 * caller's transaction; the reconciler is told once that transaction commits. The
	 * caller (the decider) has been checked by the proposal workflow.
	 * @throws InvalidDataset if the name, bucket or prefix is malformed
	 * @throws DuplicateDataset if the name or the S3 location is taken
	 */
	public Dataset createApproved(Caller decider, NewDataset dataset, Retention retention) {
		Dataset created = insert(decider, dataset, check(dataset), retention);
		AfterCommit.run(this.signal::changed);
		return created;
	}

	/**
	 * A proposed dataset's retention.
	 *
	 * @param days how many days objects are kept
	 * @param action what happens to them then
	 */
	public record Retention(int days, RetentionAction action) {

	}

	private static String check(NewDataset dataset) {
		DatasetPaths.checkName(dataset.name());
		if (dataset.kind() == DatasetKind.S3) {
			DatasetPaths.checkBucket(dataset.bucket());
			return DatasetPaths.prefix(dataset.rootPrefix());
		}
		DatasetPaths.checkGlue(dataset.glueDatabase(), dataset.tables());
		return "";
	}

	private Dataset insert(Caller caller, NewDataset dataset, String rootPrefix, Retention retention) {
		if (this.datasets.nameTaken(dataset.name())) {
			throw new DuplicateDataset("A dataset called '" + dataset.name() + "' already exists");
		}
		if (dataset.kind() == DatasetKind.S3 && this.datasets.locationTaken(dataset.bucket(), rootPrefix)) {
			throw new DuplicateDataset("Another dataset is already at s3://" + dataset.bucket() + "/" + rootPrefix);
		}
		this.groups.ref(dataset.ownerGroupId());
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.datasets.insert(id, dataset, rootPrefix, now, caller.username(), retention);
		Dataset saved = this.datasets.get(id);
		this.audit.record(AuditEvent.of(caller.actor(), "dataset.created", "dataset", id.toString())
			.with("name", saved.name())
			.with("kind", saved.kind().name())
			.with("location", saved.location())
			.with("tables", saved.tables())
			.with("classification", saved.classification().label())
			.with("owner", saved.owner().name())
			.with("retentionDays", (retention != null) ? retention.days() : null)
			.with("retentionAction", (retention != null) ? retention.action().name() : null));
		for (UserRef admin : dataset.dataAdmins()) {
			addAdmin(caller, saved, admin, now);
		}
		return this.datasets.get(id);
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
