package uk.gov.analyticalplatform.dataaccess.internal.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import uk.gov.analyticalplatform.dataaccess.AccessLevel;
import uk.gov.analyticalplatform.dataaccess.AccessStatus;
import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.DatasetKind;
import uk.gov.analyticalplatform.dataaccess.Grant;
import uk.gov.analyticalplatform.dataaccess.PathAccess;
import uk.gov.analyticalplatform.dataaccess.PermissionDenied;
import uk.gov.analyticalplatform.dataaccess.UserAccess;
import uk.gov.analyticalplatform.dataaccess.UserAccess.DatasetAccess;
import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.dataaccess.internal.access.EffectiveAccess;
import uk.gov.analyticalplatform.dataaccess.internal.access.EffectiveAccess.Entry;
import uk.gov.analyticalplatform.dataaccess.internal.policy.PolicyCompiler;
import uk.gov.analyticalplatform.dataaccess.internal.status.RoleStatus;
import uk.gov.analyticalplatform.dataaccess.internal.status.RoleStatusRows;
import uk.gov.analyticalplatform.reconcile.ApplyState;
import uk.gov.analyticalplatform.reconcile.ApplyStatus;
import uk.gov.analyticalplatform.reconcile.Pass;
import uk.gov.analyticalplatform.reconcile.ReconcileLoop;

/** A user's access as the database grants it and as AWS last reported it. */
public class AccessStatusService implements AccessStatus {

	private final EffectiveAccess effective;

	private final RoleStatusRows roles;

	private final PolicyCompiler names;

	private final List<ReconcileLoop<?>> loops;

	private final Function<String, List<Grant>> appGrants;

	/**
	 * @param loops the loops a resync on demand runs, in order (users' roles, then
	 * datasets)
	 */
	public AccessStatusService(EffectiveAccess effective, RoleStatusRows roles, PolicyCompiler names,
			List<ReconcileLoop<?>> loops, Function<String, List<Grant>> appGrants) {
		this.appGrants = appGrants;
		this.effective = effective;
		this.roles = roles;
		this.names = names;
		this.loops = List.copyOf(loops);
	}

	@Override
	public UserAccess of(UserRef user) {
		List<DatasetAccess> datasets = datasets(this.effective.of(user.userId()));
		RoleStatus role = this.roles.find(user.userId()).orElse(null);
		ApplyStatus status = (role != null) ? role.status() : new ApplyStatus(ApplyState.READY, null, 0, 0, null);
		return new UserAccess(user, this.names.roleName(user.username()), datasets, status,
				(role != null) ? AppliedJson.read(role.appliedPolicies()) : null);
	}

	@Override
	public String userRoleArn(String userId) {
		return this.roles.find(userId).map(RoleStatus::roleArn).orElse(null);
	}

	@Override
	public String appRoleArn(String app) {
		return this.roles.find(RoleStatusRows.appKey(app)).map(RoleStatus::roleArn).orElse(null);
	}

	@Override
	public List<Grant> appGrants(String app) {
		return this.appGrants.apply(app);
	}

	@Override
	public int resyncNow(Caller caller) {
		if (!caller.platformAdmin()) {
			throw new PermissionDenied("Only platform admins may resynchronise data access with AWS");
		}
		return this.loops.stream().map(ReconcileLoop::resyncNow).reduce(Pass.none(), Pass::plus).checked();
	}

	private static List<DatasetAccess> datasets(List<Entry> entries) {
		Map<UUID, List<Entry>> byDataset = new LinkedHashMap<>();
		entries
			.forEach((entry) -> byDataset.computeIfAbsent(entry.dataset().id(), (id) -> new ArrayList<>()).add(entry));
		List<DatasetAccess> result = new ArrayList<>();
		for (List<Entry> grants : byDataset.values()) {
			Entry first = grants.get(0);
			AccessLevel level = AccessLevel.READ;
			boolean whole = false;
			Map<String, AccessLevel> paths = new TreeMap<>();
			Instant expiresAt = null;
			List<String> via = new ArrayList<>();
			for (Entry grant : grants) {
				level = grant.level().includes(level) ? grant.level() : level;
				whole |= grant.paths().isEmpty();
				for (PathAccess path : grant.paths()) {
					paths.merge(path.path(), path.level(), (a, b) -> a.includes(b) ? a : b);
				}
				if (grant.expiresAt() != null && (expiresAt == null || grant.expiresAt().isBefore(expiresAt))) {
					expiresAt = grant.expiresAt();
				}
				via.add(grant.via());
			}
			List<PathAccess> pathList = whole ? List.of()
					: paths.entrySet().stream().map((e) -> new PathAccess(e.getKey(), e.getValue())).toList();
			result.add(new DatasetAccess(first.dataset(), first.location().kind(), location(first), level, pathList,
					via, expiresAt));
		}
		return result;
	}

	private static String location(Entry entry) {
		return (entry.location().kind() == DatasetKind.S3)
				? "s3://" + entry.location().bucket() + "/" + entry.location().rootPrefix()
				: "glue://" + entry.location().glueDatabase();
	}

}
