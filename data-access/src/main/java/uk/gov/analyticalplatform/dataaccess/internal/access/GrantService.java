package uk.gov.analyticalplatform.dataaccess.internal.access;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import uk.gov.analyticalplatform.audit.Actor;
import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.dataaccess.AccessLevel;
import uk.gov.analyticalplatform.dataaccess.AccessReviewEntry;
import uk.gov.analyticalplatform.dataaccess.AppNotOwned;
import uk.gov.analyticalplatform.dataaccess.AppOwnership;
import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.Grant;
import uk.gov.analyticalplatform.dataaccess.GrantDoesNotFit;
import uk.gov.analyticalplatform.dataaccess.Grants;
import uk.gov.analyticalplatform.dataaccess.InvalidGrant;
import uk.gov.analyticalplatform.dataaccess.NewGrant;
import uk.gov.analyticalplatform.dataaccess.PathAccess;
import uk.gov.analyticalplatform.dataaccess.Principal;
import uk.gov.analyticalplatform.dataaccess.PrincipalType;
import uk.gov.analyticalplatform.dataaccess.SelfApprovalForbidden;
import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetCatalogService;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetPaths;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetRows;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.GroupRows;
import uk.gov.analyticalplatform.dataaccess.internal.policy.PolicyCompiler;
import uk.gov.analyticalplatform.dataaccess.internal.policy.PolicyLimitExceeded;
import uk.gov.analyticalplatform.dataaccess.internal.status.RoleStatusRows;

/**
 * Grants and revokes access. Every change locks the dataset's row (so changes to one
 * dataset's access happen one at a time), is audited, marks the holders' roles for the
 * reconciler, and is refused if a holder's compiled policies would not fit IAM's limits.
 */
public class GrantService implements Grants {

	private final GrantRows grants;

	private final DatasetRows datasets;

	private final GroupRows groups;

	private final DatasetCatalogService catalog;

	private final EffectiveAccess effective;

	private final PolicyCompiler compiler;

	private final RoleStatusRows roles;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final Supplier<AppOwnership> appOwnership;

	private final LastReads lastReads;

	/** When each user last read a dataset, by username (data-flow tracking's). */
	@FunctionalInterface
	public interface LastReads {

		Map<String, Instant> of(UUID datasetId);

	}

	public GrantService(JdbcClient jdbc, DatasetRows datasets, GroupRows groups, DatasetCatalogService catalog,
			EffectiveAccess effective, PolicyCompiler compiler, RoleStatusRows roles, AuditLog audit,
			TransactionOperations transactions, Clock clock, Supplier<AppOwnership> appOwnership, LastReads lastReads) {
		this.appOwnership = appOwnership;
		this.grants = new GrantRows(jdbc);
		this.lastReads = lastReads;
		this.datasets = datasets;
		this.groups = groups;
		this.catalog = catalog;
		this.effective = effective;
		this.compiler = compiler;
		this.roles = roles;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public Grant grant(Caller caller, NewGrant grant) {
		return this.transactions.execute((tx) -> {
			Dataset dataset = this.datasets.lock(grant.datasetId());
			this.catalog.requireManager(caller, dataset);
			Principal principal = resolve(grant.principal());
			if (holds(principal, caller.userId())) {
				throw new SelfApprovalForbidden("Nobody grants access to themselves or to a group they belong to");
			}
			if (principal.type() == PrincipalType.APP && appOwners(principal.id()).contains(caller.userId())) {
				throw new SelfApprovalForbidden("An owner of an app does not grant access to it: its owners deploy "
						+ "the code that runs as the app's role, so another data admin decides");
			}
			return create(caller.actor(), caller.asUser(), dataset, principal, grant.level(),
					paths(dataset, grant.level(), grant.paths()), grant.expiresAt(), null);
		});
	}

	@Override
	public Grant revoke(Caller caller, UUID grantId, String reason) {
		return this.transactions.execute((tx) -> {
			Grant grant = this.grants.get(grantId);
			Dataset dataset = this.datasets.lock(grant.dataset().id());
			this.catalog.requireManager(caller, dataset);
			end(caller.actor(), grant, "grant.revoked", (reason != null && !reason.isBlank()) ? reason : "revoked");
			return this.grants.get(grantId);
		});
	}

	GrantRows rows() {
		return this.grants;
	}

	@Override
	public Grant get(UUID grantId) {
		return this.grants.get(grantId);
	}

	@Override
	public List<Grant> activeOn(Caller caller, UUID datasetId) {
		this.catalog.requireManager(caller, this.datasets.get(datasetId));
		return this.grants.onDataset(datasetId, true);
	}

	@Override
	public List<AccessReviewEntry> review(Caller caller, UUID datasetId) {
		this.catalog.requireManager(caller, this.datasets.get(datasetId));
		return new AccessReview(this.grants, this.groups, this.appOwnership.get()).of(datasetId,
				this.lastReads.of(datasetId));
	}

	/**
	 * Creates a grant in the caller's transaction, replacing the principal's active grant
	 * on the dataset if there is one, and refuses it if it does not fit.
	 */
	Grant create(Actor actor, UserRef grantedBy, Dataset dataset, Principal principal, AccessLevel level,
			List<PathAccess> paths, Instant expiresAt, UUID requestId) {
		Instant now = this.clock.instant();
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			throw new InvalidGrant("An expiry must be in the future, not " + expiresAt);
		}
		UUID id = UUID.randomUUID();
		this.grants.activeFor(dataset.id(), principal)
			.ifPresent((previous) -> end(actor, previous, "grant.revoked", "replaced by grant " + id));
		this.grants.insert(id, dataset.id(), principal, level, paths, expiresAt, grantedBy, now, requestId);
		List<UserRef> holders = holders(principal);
		this.roles.bump(holders);
		checkFits(holders);
		if (principal.type() == PrincipalType.APP) {
			this.roles.bumpApp(principal.id());
			checkAppFits(principal.id());
		}
		Grant created = this.grants.get(id);
		this.audit.record(event(actor, "grant.created", created).with("requestId",
				(requestId != null) ? requestId.toString() : null));
		return created;
	}

	/** Ends an active grant in the caller's transaction; nothing if it already ended. */
	void end(Actor actor, Grant grant, String action, String reason) {
		if (this.grants.revoke(grant.id(), this.clock.instant(), actor.username(), reason)) {
			this.roles.bump(holders(grant.principal()));
			if (grant.principal().type() == PrincipalType.APP) {
				this.roles.bumpApp(grant.principal().id());
			}
			this.audit.record(event(actor, action, grant).with("reason", reason));
		}
	}

	/** Sub-paths normalised, each no higher than the grant's level. */
	static List<PathAccess> paths(Dataset dataset, AccessLevel level, List<PathAccess> paths) {
		Map<String, PathAccess> normalised = new LinkedHashMap<>();
		for (PathAccess path : paths) {
			if (path.level() == AccessLevel.ADMIN || !level.includes(path.level())) {
				throw new InvalidGrant("Path " + path.path() + " asks for " + path.level() + " within a " + level
						+ " grant; a path's level is READ or READ_WRITE and no higher than the grant's");
			}
			String subPath = DatasetPaths.subPath(dataset, path.path());
			normalised.merge(subPath, new PathAccess(subPath, path.level()),
					(a, b) -> a.level().includes(b.level()) ? a : b);
		}
		return new ArrayList<>(normalised.values());
	}

	private void checkFits(List<UserRef> holders) {
		for (UserRef holder : holders) {
			try {
				this.effective.desired(this.compiler, holder);
			}
			catch (PolicyLimitExceeded ex) {
				throw new GrantDoesNotFit("This access does not fit " + holder.username()
						+ "'s IAM policies, so it is refused: " + ex.getMessage());
			}
		}
	}

	/** The app's active, unexpired grants, oldest first. */
	public List<Grant> activeForApp(String app) {
		return this.grants.activeForApp(app, this.clock.instant());
	}

	/**
	 * The user ids of the app's owners, as app deployment says now.
	 * @throws AppNotOwned if there is no such app, or apps are not deployed here
	 */
	public Set<String> appOwners(String app) {
		AppOwnership ownership = this.appOwnership.get();
		if (ownership == null) {
			throw new AppNotOwned("Apps are not deployed by this platform, so no app holds access");
		}
		return ownership.owners(app).orElseThrow(() -> new AppNotOwned("There is no app called " + app));
	}

	private void checkAppFits(String app) {
		try {
			this.effective.desiredForApp(this.compiler, app);
		}
		catch (PolicyLimitExceeded ex) {
			throw new GrantDoesNotFit(
					"This access does not fit app " + app + "'s IAM policies, so it is refused: " + ex.getMessage());
		}
	}

	private Principal resolve(Principal principal) {
		if (principal.type() == PrincipalType.GROUP) {
			return new Principal(PrincipalType.GROUP, principal.id(), this.groups.ref(principal.groupId()).name());
		}
		return principal;
	}

	private boolean holds(Principal principal, String userId) {
		return holders(principal).stream().anyMatch((holder) -> holder.userId().equals(userId));
	}

	private List<UserRef> holders(Principal principal) {
		return switch (principal.type()) {
			case USER -> List.of(new UserRef(principal.id(), principal.name()));
			case GROUP -> this.groups.members(principal.groupId());
			case APP -> List.of();
		};
	}

	private static AuditEvent event(Actor actor, String action, Grant grant) {
		return AuditEvent.of(actor, action, "grant", grant.id().toString())
			.with("datasetId", grant.dataset().id().toString())
			.with("dataset", grant.dataset().name())
			.with("principalType", grant.principal().type().name())
			.with("principalId", grant.principal().id())
			.with("principal", grant.principal().name())
			.with("level", grant.level().name())
			.with("paths", grant.paths().stream().map((p) -> p.path() + "=" + p.level()).toList())
			.with("expiresAt", (grant.expiresAt() != null) ? grant.expiresAt().toString() : null);
	}

}
