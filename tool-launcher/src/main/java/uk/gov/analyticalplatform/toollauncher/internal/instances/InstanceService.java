package uk.gov.analyticalplatform.toollauncher.internal.instances;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionOperations;

import uk.gov.analyticalplatform.audit.Actor;
import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.toollauncher.DuplicateToolInstance;
import uk.gov.analyticalplatform.toollauncher.InstancePhase;
import uk.gov.analyticalplatform.toollauncher.InvalidToolRequest;
import uk.gov.analyticalplatform.toollauncher.ReleaseStatus;
import uk.gov.analyticalplatform.toollauncher.ResourceProfile;
import uk.gov.analyticalplatform.toollauncher.Tool;
import uk.gov.analyticalplatform.toollauncher.ToolHosts;
import uk.gov.analyticalplatform.toollauncher.ToolInstance;
import uk.gov.analyticalplatform.toollauncher.ToolInstance.Wanted;
import uk.gov.analyticalplatform.toollauncher.ToolInstanceNotFound;
import uk.gov.analyticalplatform.toollauncher.ToolInstances;
import uk.gov.analyticalplatform.toollauncher.ToolNotLaunchable;
import uk.gov.analyticalplatform.toollauncher.ToolPermissionDenied;
import uk.gov.analyticalplatform.toollauncher.ToolRelease;
import uk.gov.analyticalplatform.toollauncher.ToolUser;
import uk.gov.analyticalplatform.toollauncher.internal.catalogue.CatalogueRows;
import uk.gov.analyticalplatform.toollauncher.internal.manifests.UserNamespaces;

/**
 * Users' instances: each change is written with its audit event in one transaction, and
 * the reconciler is woken once it commits. Nothing here calls Kubernetes.
 */
class InstanceService implements ToolInstances, ToolHosts {

	private final InstanceRows rows;

	private final CatalogueRows catalogue;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final String domain;

	private final Runnable slotFreed;

	InstanceService(InstanceRows rows, CatalogueRows catalogue, AuditLog audit, TransactionOperations transactions,
			Clock clock, String domain, Runnable slotFreed) {
		this.rows = rows;
		this.catalogue = catalogue;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
		this.domain = domain;
		this.slotFreed = slotFreed;
	}

	@Override
	public Map<InstancePhase, Long> countByPhase() {
		return this.rows.countByPhase();
	}

	@Override
	public List<ToolInstance> mine(ToolUser user) {
		return this.rows.ofUser(user.userId()).stream().map(this::view).toList();
	}

	@Override
	public ToolInstance get(ToolUser user, UUID id) {
		return view(owned(user, id));
	}

	@Override
	public ToolInstance create(ToolUser user, Tool tool, String releaseName, String profileName) {
		ToolRelease release = launchable(user, tool, releaseName);
		ResourceProfile profile = usable(user, (profileName != null) ? profileName : release.defaultProfile());
		if (this.rows.ofUser(user.userId()).stream().anyMatch((row) -> row.tool() == tool)) {
			throw new DuplicateToolInstance(tool);
		}
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("user_id", user.userId());
		columns.put("username", user.username());
		columns.put("namespace", UserNamespaces.namespace(user.username()));
		columns.put("host_label", UserNamespaces.hostLabel(user.username(), tool.slug()));
		columns.put("tool", tool.name());
		columns.put("release_id", release.id());
		columns.put("profile", profile.name());
		columns.put("desired", Wanted.RUNNING.name());
		columns.put("start_requested_at", java.sql.Timestamp.from(now));
		columns.put("phase", InstancePhase.PENDING.name());
		columns.put("step", "Waiting to start");
		columns.put("phase_since", java.sql.Timestamp.from(now));
		columns.put("created_at", java.sql.Timestamp.from(now));
		columns.put("pod_role_renew", true);
		try {
			this.transactions.executeWithoutResult((tx) -> {
				this.rows.insert(id, columns);
				this.audit.record(event(user, "tool.started", id).with("tool", tool.slug())
					.with("release", release.name())
					.with("profile", profile.name())
					.with("image", release.image()));
			});
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateToolInstance(tool);
		}
		return get(user, id);
	}

	@Override
	public ToolInstance start(ToolUser user, UUID id) {
		InstanceRow row = owned(user, id);
		ToolRelease release = this.catalogue.release(row.releaseId()).orElseThrow();
		if (release.status() == ReleaseStatus.RETIRED) {
			throw new ToolNotLaunchable(release.displayName() + " is retired: switch to another release to start it");
		}
		if (row.wantsRunning()) {
			return view(row);
		}
		change(row, starting(), event(user, "tool.started", id));
		return get(user, id);
	}

	@Override
	public ToolInstance stop(ToolUser user, UUID id) {
		InstanceRow row = owned(user, id);
		if (row.desired() != Wanted.STOPPED) {
			change(row, stopping(null), event(user, "tool.stopped", id));
		}
		return get(user, id);
	}

	@Override
	public ToolInstance restart(ToolUser user, UUID id) {
		InstanceRow row = owned(user, id);
		Map<String, Object> columns = starting();
		columns.put("restarts", row.restarts() + 1);
		change(row, columns, event(user, "tool.restarted", id));
		return get(user, id);
	}

	@Override
	public ToolInstance cancel(ToolUser user, UUID id) {
		InstanceRow row = owned(user, id);
		if (!row.wantsRunning() || !row.phase().starting()) {
			throw new InvalidToolRequest("Only a start that has not finished can be cancelled");
		}
		change(row, stopping(null), event(user, "tool.start.cancelled", id));
		return get(user, id);
	}

	@Override
	public ToolInstance change(ToolUser user, UUID id, String releaseName, String profileName) {
		InstanceRow row = owned(user, id);
		ToolRelease before = this.catalogue.release(row.releaseId()).orElseThrow();
		ToolRelease release = (releaseName != null) ? launchable(user, row.tool(), releaseName) : before;
		ResourceProfile profile = usable(user, (profileName != null) ? profileName : row.profile());
		// a running instance restarts on the new release or profile, so its start time is
		// now, as a restart's (and so is its place in the start queue, behind the starts
		// asked for before); a start still waiting for a slot keeps its place
		boolean waiting = row.admittedAt() == null && row.phase() == InstancePhase.PENDING;
		Map<String, Object> columns = (row.wantsRunning() && !waiting) ? starting() : new LinkedHashMap<>();
		columns.put("release_id", release.id());
		columns.put("profile", profile.name());
		if (!release.id().equals(row.releaseId()) || !profile.name().equals(row.profile())) {
			// the switch makes a new pod: it gets the owner's current role
			columns.put("pod_role_renew", true);
		}
		change(row, columns,
				event(user, "tool.release.switched", id).with("tool", row.tool().slug())
					.change(Map.of("release", before.name(), "profile", row.profile()),
							Map.of("release", release.name(), "profile", profile.name())));
		return get(user, id);
	}

	@Override
	public ToolInstance reset(ToolUser user, UUID id) {
		InstanceRow row = owned(user, id);
		Map<String, Object> columns = starting();
		columns.put("resets", row.resets() + 1);
		change(row, columns, event(user, "tool.reset", id));
		return get(user, id);
	}

	@Override
	public void delete(ToolUser user, UUID id, boolean deleteHome) {
		InstanceRow row = owned(user, id);
		Map<String, Object> columns = stopping(null);
		columns.put("desired", Wanted.DELETED.name());
		columns.put("delete_home", deleteHome);
		columns.put("phase", InstancePhase.DELETING.name());
		change(row, columns,
				event(user, "tool.deleted", id).with("tool", row.tool().slug()).with("homeDeleted", deleteHome));
	}

	@Override
	public List<ToolInstance> all(ToolUser admin) {
		requireAdmin(admin);
		return this.rows.all().stream().map(this::view).toList();
	}

	@Override
	public ToolInstance stopAsAdmin(ToolUser admin, UUID id) {
		requireAdmin(admin);
		InstanceRow row = this.rows.find(id).orElseThrow(() -> new ToolInstanceNotFound(id));
		change(row, stopping(null), event(admin, "tool.stopped.by_admin", id).with("owner", row.username()));
		return view(this.rows.find(id).orElseThrow());
	}

	/** Stops an instance nobody used for longer than its idle timeout. */
	void idle(UUID id) {
		this.rows.find(id)
			.filter(InstanceRow::wantsRunning)
			.ifPresent((row) -> change(row, stopping(this.clock.instant()),
					AuditEvent.of(InstanceApplier.RECONCILER, "tool.idled", "tool_instance", id.toString())
						.with("owner", row.username())
						.with("lastActivityAt", String.valueOf(row.lastActivityAt()))));
	}

	/** Stops an instance whose release was retired. */
	void retire(UUID id) {
		this.rows.find(id)
			.filter(InstanceRow::wantsRunning)
			.ifPresent((row) -> change(row, stopping(null),
					AuditEvent.of(InstanceApplier.RECONCILER, "tool.stopped.retired", "tool_instance", id.toString())
						.with("owner", row.username())));
	}

	/** Fails a start that did not reach READY in time, freeing its slot. */
	void timedOut(UUID id, Duration timeout) {
		this.rows.observe(id, InstancePhase.FAILED, null,
				"Start timeout: not ready within " + timeout.toMinutes() + " minutes", null);
		if (this.rows.releaseSlot(id)) {
			this.slotFreed.run();
		}
	}

	@Override
	public Optional<HostedInstance> byHostLabel(String hostLabel) {
		return this.rows.byHostLabel(hostLabel)
			.filter((row) -> row.desired() != Wanted.DELETED)
			.map((row) -> new HostedInstance(row.id(), row.userId(), row.phase(), row.wantsRunning()));
	}

	@Override
	public String domain() {
		return this.domain;
	}

	@Override
	public void wake(UUID instanceId, UUID ownerId) {
		this.rows.find(instanceId)
			.filter((row) -> row.userId().equals(ownerId) && row.desired() == Wanted.STOPPED)
			.ifPresent((row) -> change(row, starting(), AuditEvent.of(Actor.user(ownerId.toString(), row.username()),
					"tool.woken", "tool_instance", instanceId.toString())));
	}

	@Override
	public void recordActivity(Map<UUID, Instant> lastRequests) {
		this.transactions.executeWithoutResult((tx) -> this.rows.recordActivity(lastRequests));
	}

	private void change(InstanceRow row, Map<String, Object> columns, AuditEvent event) {
		this.transactions.executeWithoutResult((tx) -> {
			this.rows.want(row.id(), columns);
			this.audit.record(event);
		});
		if (row.admittedAt() != null && !Wanted.RUNNING.name().equals(columns.getOrDefault("desired", "RUNNING"))) {
			this.slotFreed.run();
		}
	}

	private Map<String, Object> starting() {
		Instant now = this.clock.instant();
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("desired", Wanted.RUNNING.name());
		columns.put("start_requested_at", java.sql.Timestamp.from(now));
		columns.put("idled_at", null);
		columns.put("phase", InstancePhase.PENDING.name());
		columns.put("step", "Waiting to start");
		columns.put("phase_reason", null);
		columns.put("phase_since", java.sql.Timestamp.from(now));
		// a new pod is made: it gets the owner's current IAM role
		columns.put("pod_role_renew", true);
		return columns;
	}

	private Map<String, Object> stopping(Instant idledAt) {
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("desired", Wanted.STOPPED.name());
		columns.put("admitted_at", null);
		columns.put("idled_at", (idledAt != null) ? java.sql.Timestamp.from(idledAt) : null);
		columns.put("phase", InstancePhase.STOPPING.name());
		columns.put("step", "Stopping");
		columns.put("phase_reason", null);
		columns.put("phase_since", java.sql.Timestamp.from(this.clock.instant()));
		return columns;
	}

	private ToolRelease launchable(ToolUser user, Tool tool, String releaseName) {
		if (releaseName == null) {
			return this.catalogue.releases()
				.stream()
				.filter((release) -> release.tool() == tool && release.launchableBy(user))
				.min((a, b) -> Boolean.compare(a.status() == ReleaseStatus.DEPRECATED,
						b.status() == ReleaseStatus.DEPRECATED))
				.orElseThrow(() -> new ToolNotLaunchable("No release of " + tool.slug() + " is open to you"));
		}
		ToolRelease release = this.catalogue.release(tool, releaseName)
			.orElseThrow(() -> new InvalidToolRequest("No release " + releaseName + " of " + tool.slug()));
		if (!release.launchableBy(user)) {
			throw new ToolNotLaunchable(release.displayName() + " is not open to you"
					+ ((release.status() == ReleaseStatus.RETIRED) ? ": it is retired" : ""));
		}
		return release;
	}

	private ResourceProfile usable(ToolUser user, String name) {
		ResourceProfile profile = this.catalogue.profile(name)
			.orElseThrow(() -> new InvalidToolRequest("No resource profile " + name));
		if (!profile.usableBy(user)) {
			throw new ToolNotLaunchable(
					"The " + profile.displayName() + " profile is for group " + profile.restrictedGroup() + " only");
		}
		return profile;
	}

	private InstanceRow owned(ToolUser user, UUID id) {
		return this.rows.find(id)
			.filter((row) -> row.userId().equals(user.userId()) && row.desired() != Wanted.DELETED)
			.orElseThrow(() -> new ToolInstanceNotFound(id));
	}

	private static void requireAdmin(ToolUser user) {
		if (!user.platformAdmin()) {
			throw new ToolPermissionDenied("Only platform admins see and stop every tool instance");
		}
	}

	private static AuditEvent event(ToolUser user, String action, UUID id) {
		return AuditEvent.of(Actor.user(user.userId().toString(), user.username()), action, "tool_instance",
				id.toString());
	}

	ToolInstance view(InstanceRow row) {
		ToolRelease release = this.catalogue.release(row.releaseId()).orElseThrow();
		ResourceProfile profile = this.catalogue.profile(row.profile()).orElseThrow();
		Instant idlesAt = (row.wantsRunning() && row.phase() == InstancePhase.READY)
				? latest(row.lastActivityAt(), row.phaseSince()).plus(profile.idleTimeout()) : null;
		return new ToolInstance(row.id(), row.userId(), row.username(), row.tool(), release, profile,
				"https://" + row.hostLabel() + "." + this.domain + "/", row.desired(), row.phase(), row.step(),
				row.phaseReason(), row.phaseSince(), row.observedImage(), row.lastActivityAt(), idlesAt,
				this.rows.queuePosition(row), row.startRequestedAt(), row.createdAt(), row.dataAccessChanged(),
				row.status().status());
	}

	private static Instant latest(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return a.isAfter(b) ? a : b;
	}

}
