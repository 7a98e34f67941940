package uk.gov.analyticalplatform.toollauncher.internal.instances;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;

import org.springframework.transaction.support.TransactionOperations;

import uk.gov.analyticalplatform.audit.Actor;
import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.kubernetes.Converged;
import uk.gov.analyticalplatform.kubernetes.KubernetesObjects;
import uk.gov.analyticalplatform.kubernetes.Owner;
import uk.gov.analyticalplatform.reconcile.Applied;
import uk.gov.analyticalplatform.reconcile.Applier;
import uk.gov.analyticalplatform.reconcile.Leadership;
import uk.gov.analyticalplatform.reconcile.Outcome;
import uk.gov.analyticalplatform.reconcile.StatusRow;
import uk.gov.analyticalplatform.toollauncher.InstancePhase;
import uk.gov.analyticalplatform.toollauncher.ResourceProfile;
import uk.gov.analyticalplatform.toollauncher.ToolRelease;
import uk.gov.analyticalplatform.toollauncher.internal.catalogue.CatalogueRows;
import uk.gov.analyticalplatform.toollauncher.internal.manifests.DesiredInstance;
import uk.gov.analyticalplatform.toollauncher.internal.manifests.DesiredUser;
import uk.gov.analyticalplatform.toollauncher.internal.manifests.ToolManifests;
import uk.gov.analyticalplatform.toollauncher.internal.manifests.ToolSettings;

/**
 * Brings one instance's objects to what its owner wants: the user's namespace-wide
 * objects, then the instance's, with one replica once the start holds a slot of the start
 * limit (else none, and the instance waits in the queue); on delete, prunes the
 * instance's objects (the home volume only when asked) and, with the user's last
 * instance, the namespace. Objects a resync had to restore are audited as drift.
 */
class InstanceApplier implements Applier<UUID> {

	static final Actor RECONCILER = Actor.system("tool-launcher");

	private final InstanceRows rows;

	private final CatalogueRows catalogue;

	private final KubernetesObjects objects;

	private final InstanceObserver observer;

	private final AuditLog audit;

	private final ToolSettings settings;

	private final Function<InstanceRow, String> roleArns;

	private final int startLimit;

	private final TransactionOperations transactions;

	private final Leadership leadership;

	/**
	 * Each user's namespace-wide objects as this replica last applied them, and in which
	 * of its leadership terms: a user's further starts and changes skip applying them
	 * again while they are the same and this replica has led throughout (another replica
	 * that led meanwhile may have applied something else). Resyncs apply them regardless
	 * (drift), and a failure forgets the user.
	 */
	private final Map<UUID, UserApplied> usersApplied = new ConcurrentHashMap<>();

	InstanceApplier(InstanceRows rows, CatalogueRows catalogue, KubernetesObjects objects, InstanceObserver observer,
			AuditLog audit, ToolSettings settings, Function<InstanceRow, String> roleArns, int startLimit,
			TransactionOperations transactions, Leadership leadership) {
		this.transactions = transactions;
		this.leadership = leadership;
		this.rows = rows;
		this.catalogue = catalogue;
		this.objects = objects;
		this.observer = observer;
		this.audit = audit;
		this.settings = settings;
		this.roleArns = roleArns;
		this.startLimit = startLimit;
	}

	@Override
	public Applied apply(StatusRow<UUID> status) {
		Optional<InstanceRow> found = this.rows.find(status.key());
		if (found.isEmpty()) {
			return Applied.of(Outcome.NOOP);
		}
		InstanceRow row = found.get();
		return switch (row.desired()) {
			case DELETED -> delete(row);
			case RUNNING, STOPPED -> converge(row, status);
		};
	}

	private Applied converge(InstanceRow row, StatusRow<UUID> status) {
		try {
			return convergeOnce(row, status);
		}
		catch (RuntimeException ex) {
			this.usersApplied.remove(row.userId());
			throw ex;
		}
	}

	private Applied convergeOnce(InstanceRow row, StatusRow<UUID> status) {
		// only a start not yet under way (PENDING) needs a slot: one seen starting, ready
		// or
		// failed since keeps running even after its slot was freed
		boolean admitted = row.wantsRunning()
				&& (row.admittedAt() != null || row.phase() != InstancePhase.PENDING || admit(row));
		List<Converged> results = new ArrayList<>();
		String roleArn = this.roleArns.apply(row);
		List<HasMetadata> userObjects = ToolManifests
			.userObjects(new DesiredUser(row.userId().toString(), row.namespace(), roleArn), this.settings);
		UserApplied user = new UserApplied(this.leadership.term(), userObjects.hashCode());
		boolean first = firstApply(row, status);
		if (status.believedApplied() || user.term() == 0 || !user.equals(this.usersApplied.get(row.userId()))) {
			results.add(first ? this.objects.create(userOwner(row), userObjects)
					: this.objects.converge(userOwner(row), userObjects, ToolManifests.userKinds()));
			this.usersApplied.put(row.userId(), user);
		}
		// the pod keeps the role it was created with until something makes a new pod
		String podRole = row.podRoleRenew() ? Objects.requireNonNullElse(roleArn, "") : row.podRoleArn();
		DesiredInstance desired = desired(row, admitted, podRole);
		if (row.resets() > row.appliedResets()) {
			results.add(this.objects.converge(instanceOwner(row),
					List.of(ToolManifests.instanceObjects(desired, this.settings).get(0)),
					ToolManifests.instanceKinds()));
		}
		List<HasMetadata> instanceObjects = ToolManifests.instanceObjects(desired, this.settings);
		results.add(first ? this.objects.create(instanceOwner(row), instanceObjects)
				: this.objects.converge(instanceOwner(row), instanceObjects, ToolManifests.instanceKinds()));
		if (row.resets() > row.appliedResets()) {
			this.rows.resetApplied(row.id(), row.resets());
		}
		// a start still queued renews again once admitted: its pod is made then
		boolean renewed = row.podRoleRenew() && (admitted || !row.wantsRunning());
		if (renewed || !Objects.equals(row.roleArn(), roleArn)) {
			// the row read at the start of this apply says whether there is anything to
			// record: no round trip on the start path when nothing changed
			this.rows.recordRoles(row.id(), roleArn, renewed ? podRole : null);
		}
		if (row.wantsRunning() && !admitted) {
			this.rows.observe(row.id(), InstancePhase.PENDING, "Queued", null, null);
		}
		else {
			this.observer.refresh(row.id());
		}
		Outcome outcome = summary(results);
		boolean drift = status.believedApplied() && outcome.changed();
		return Applied.of(outcome, () -> {
			if (drift) {
				this.audit
					.record(AuditEvent.of(RECONCILER, "tool.drift.corrected", "tool_instance", row.id().toString())
						.with("owner", row.username())
						.with("tool", row.tool().slug())
						.with("objects", changed(results)));
			}
		});
	}

	/**
	 * Whether this is the instance's first apply: never applied nor tried and failed, so
	 * no object of the instance's can exist but the desired ones (the instance is new),
	 * and the user's, always the same five, need no list to prune either. Its objects are
	 * applied without listing the owners' objects first (the LISTs were half of a first
	 * start's API calls); every later apply, resync and delete converges and prunes.
	 */
	private static boolean firstApply(InstanceRow row, StatusRow<UUID> status) {
		return status.appliedAt() == null && status.failures() == 0 && row.resets() == row.appliedResets();
	}

	private boolean admit(InstanceRow row) {
		return Boolean.TRUE.equals(this.transactions.execute((tx) -> this.rows.admit(row.id(), this.startLimit)));
	}

	private Applied delete(InstanceRow row) {
		List<Class<? extends HasMetadata>> kinds = new ArrayList<>(ToolManifests.workloadKinds());
		if (row.deleteHome()) {
			kinds.add(PersistentVolumeClaim.class);
		}
		Converged removed = this.objects.converge(instanceOwner(row), List.of(), kinds);
		Outcome outcome = removed.summary();
		if (row.deleteHome() && !this.rows.othersOfUser(row.userId(), row.id())) {
			this.usersApplied.remove(row.userId());
			Converged namespace = this.objects.converge(userOwner(row), List.of(), ToolManifests.userKinds());
			outcome = namespace.changed() ? Outcome.DELETED : outcome;
		}
		this.rows.delete(row.id());
		return Applied.of(outcome);
	}

	private DesiredInstance desired(InstanceRow row, boolean running, String podRole) {
		ToolRelease release = this.catalogue.release(row.releaseId()).orElseThrow();
		ResourceProfile profile = this.catalogue.profile(row.profile()).orElseThrow();
		return new DesiredInstance(row.id(), row.namespace(), row.hostLabel(), row.tool(), release.image(),
				release.port(), release.readinessPath(), release.args(), profile, running, row.restarts(), podRole);
	}

	/** A user's namespace-wide objects (their hash) as applied in a leadership term. */
	private record UserApplied(long term, int objects) {

	}

	static Owner userOwner(InstanceRow row) {
		return Owner.of(ToolManifests.USER_LABEL, row.userId().toString());
	}

	static Owner instanceOwner(InstanceRow row) {
		return Owner.of(ToolManifests.INSTANCE_LABEL, row.id().toString());
	}

	private static Outcome summary(List<Converged> results) {
		Outcome strongest = Outcome.NOOP;
		for (Converged result : results) {
			Outcome outcome = result.summary();
			if (outcome.compareTo(strongest) > 0) {
				strongest = outcome;
			}
		}
		return strongest;
	}

	private static List<String> changed(List<Converged> results) {
		List<String> changed = new ArrayList<>();
		results.forEach((result) -> result.outcomes().forEach((ref, outcome) -> {
			if (outcome.changed()) {
				changed.add(ref + " " + outcome);
			}
		}));
		return changed;
	}

}
