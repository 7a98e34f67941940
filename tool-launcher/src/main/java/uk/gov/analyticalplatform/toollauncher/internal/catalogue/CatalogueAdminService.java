package uk.gov.analyticalplatform.toollauncher.internal.catalogue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionOperations;

import uk.gov.analyticalplatform.audit.Actor;
import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.toollauncher.InvalidCatalogueEntry;
import uk.gov.analyticalplatform.toollauncher.InvalidCatalogueEntry.FieldProblem;
import uk.gov.analyticalplatform.toollauncher.ReleaseStatus;
import uk.gov.analyticalplatform.toollauncher.ResourceProfile;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogueAdmin;
import uk.gov.analyticalplatform.toollauncher.ToolPermissionDenied;
import uk.gov.analyticalplatform.toollauncher.ToolRelease;
import uk.gov.analyticalplatform.toollauncher.ToolUser;

/**
 * Platform admins' changes to the catalogue: checked first (every wrong field at once),
 * then written with an audit event in one transaction. Retiring a release only records
 * the time: the tool sweep stops its instances when it comes.
 */
class CatalogueAdminService implements ToolCatalogueAdmin {

	private final CatalogueRows rows;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final Clock clock;

	CatalogueAdminService(CatalogueRows rows, AuditLog audit, TransactionOperations transactions, Clock clock) {
		this.rows = rows;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public List<ReleaseUse> releases(ToolUser admin) {
		requireAdmin(admin);
		Map<UUID, int[]> use = this.rows.use();
		return this.rows.releases().stream().map((release) -> {
			int[] counts = use.getOrDefault(release.id(), new int[2]);
			return new ReleaseUse(release, counts[0], counts[1]);
		}).toList();
	}

	@Override
	public ToolRelease addRelease(ToolUser admin, NewRelease wanted) {
		requireAdmin(admin);
		List<FieldProblem> problems = new ArrayList<>(CatalogueEntries.check(wanted));
		if (wanted.defaultProfile() != null && !wanted.defaultProfile().isBlank()
				&& this.rows.profile(wanted.defaultProfile()).isEmpty()) {
			problems.add(new FieldProblem("defaultProfile", "Choose a profile that exists"));
		}
		if (wanted.tool() != null && wanted.name() != null
				&& this.rows.release(wanted.tool(), wanted.name()).isPresent()) {
			problems.add(new FieldProblem("name",
					wanted.tool().slug() + " has a release " + wanted.name() + " already: enter another version name"));
		}
		refuse(problems);
		ToolRelease release = new ToolRelease(UUID.randomUUID(), wanted.tool(), wanted.name(),
				wanted.displayName().trim(), wanted.image(), wanted.port(), wanted.readinessPath(), wanted.args(),
				wanted.defaultProfile(), ReleaseStatus.ACTIVE, null, null, Set.of(), Set.of());
		try {
			this.transactions.executeWithoutResult((tx) -> {
				this.rows.insert(release, this.clock.instant());
				this.audit.record(event(admin, "tool.release.added", release.id().toString(), "tool_release")
					.with("tool", release.tool().slug())
					.with("release", release.name())
					.with("image", release.image())
					.with("defaultProfile", release.defaultProfile()));
			});
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidCatalogueEntry(List.of(new FieldProblem("name", wanted.tool().slug() + " has a release "
					+ wanted.name() + " already: enter another version name")));
		}
		return this.rows.release(release.id()).orElseThrow();
	}

	@Override
	public ToolRelease changeStatus(ToolUser admin, UUID releaseId, StatusChange change) {
		requireAdmin(admin);
		ToolRelease before = this.rows.release(releaseId)
			.orElseThrow(() -> new InvalidCatalogueEntry(List.of(new FieldProblem("release", "No such release"))));
		refuse(CatalogueEntries.check(change));
		String message = (change.message() == null || change.message().isBlank()) ? null : change.message().trim();
		boolean restricted = change.status() == ReleaseStatus.RESTRICTED;
		ToolRelease after = new ToolRelease(before.id(), before.tool(), before.name(), before.displayName(),
				before.image(), before.port(), before.readinessPath(), before.args(), before.defaultProfile(),
				change.status(), message, change.retireAt(), restricted ? change.allowedUsers() : Set.of(),
				restricted ? change.allowedGroups() : Set.of());
		this.transactions.executeWithoutResult((tx) -> {
			this.rows.updateStatus(after, this.clock.instant());
			AuditEvent event = event(admin, "tool.release.status.changed", releaseId.toString(), "tool_release")
				.with("tool", before.tool().slug())
				.with("release", before.name())
				.with("from", before.status().name())
				.with("to", after.status().name());
			if (message != null) {
				event = event.with("message", message);
			}
			if (after.retireAt() != null) {
				event = event.with("retireAt", after.retireAt().toString());
			}
			if (restricted) {
				event = event.with("allowedUsers", String.join(",", new TreeSet<>(after.allowedUsers())))
					.with("allowedGroups", String.join(",", new TreeSet<>(after.allowedGroups())));
			}
			this.audit.record(event);
		});
		return this.rows.release(releaseId).orElseThrow();
	}

	@Override
	public List<ResourceProfile> profiles(ToolUser admin) {
		requireAdmin(admin);
		return this.rows.profiles();
	}

	@Override
	public ResourceProfile createProfile(ToolUser admin, ResourceProfile profile) {
		requireAdmin(admin);
		refuse(CatalogueEntries.check(profile));
		Instant now = this.clock.instant();
		try {
			this.transactions.executeWithoutResult((tx) -> {
				this.rows.insert(profile, now);
				this.audit.record(profileEvent(admin, "tool.profile.created", profile));
			});
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidCatalogueEntry(
					List.of(new FieldProblem("name", "A profile is called " + profile.name() + " already")));
		}
		return this.rows.profile(profile.name()).orElseThrow();
	}

	@Override
	public ResourceProfile updateProfile(ToolUser admin, ResourceProfile profile) {
		requireAdmin(admin);
		refuse(CatalogueEntries.check(profile));
		boolean updated = Boolean.TRUE.equals(this.transactions.execute((tx) -> {
			if (!this.rows.update(profile, this.clock.instant())) {
				return false;
			}
			this.audit.record(profileEvent(admin, "tool.profile.changed", profile));
			return true;
		}));
		if (!updated) {
			throw new InvalidCatalogueEntry(
					List.of(new FieldProblem("name", "No profile is called " + profile.name())));
		}
		return this.rows.profile(profile.name()).orElseThrow();
	}

	private static AuditEvent profileEvent(ToolUser admin, String action, ResourceProfile profile) {
		AuditEvent event = event(admin, action, profile.name(), "tool_profile")
			.with("cpuRequestMilli", profile.cpuRequestMilli())
			.with("cpuLimitMilli", profile.cpuLimitMilli())
			.with("memoryRequestMib", profile.memoryRequestMib())
			.with("memoryLimitMib", profile.memoryLimitMib())
			.with("idleTimeoutMinutes", profile.idleTimeout().toMinutes());
		return (profile.restrictedGroup() != null) ? event.with("restrictedGroup", profile.restrictedGroup()) : event;
	}

	private static void refuse(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidCatalogueEntry(problems);
		}
	}

	private static void requireAdmin(ToolUser user) {
		if (!user.platformAdmin()) {
			throw new ToolPermissionDenied("Only platform admins change the tool catalogue");
		}
	}

	private static AuditEvent event(ToolUser admin, String action, String target, String targetType) {
		return AuditEvent.of(Actor.user(admin.userId().toString(), admin.username()), action, targetType, target);
	}

}
