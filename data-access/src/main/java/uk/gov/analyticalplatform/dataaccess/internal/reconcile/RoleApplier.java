package uk.gov.analyticalplatform.dataaccess.internal.reconcile;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionOperations;

import uk.gov.analyticalplatform.audit.Actor;
import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.dataaccess.AppRoleChanges;
import uk.gov.analyticalplatform.dataaccess.UserRoleChanges;
import uk.gov.analyticalplatform.dataaccess.internal.access.EffectiveAccess;
import uk.gov.analyticalplatform.dataaccess.internal.policy.DesiredRole;
import uk.gov.analyticalplatform.dataaccess.internal.policy.PolicyCompiler;
import uk.gov.analyticalplatform.dataaccess.internal.reconcile.AwsGateway.RoleApplied;
import uk.gov.analyticalplatform.dataaccess.internal.status.RoleStatus;
import uk.gov.analyticalplatform.dataaccess.internal.status.RoleStatusRows;
import uk.gov.analyticalplatform.reconcile.AfterCommit;
import uk.gov.analyticalplatform.reconcile.Applied;
import uk.gov.analyticalplatform.reconcile.Applier;
import uk.gov.analyticalplatform.reconcile.Outcome;
import uk.gov.analyticalplatform.reconcile.Reasons;
import uk.gov.analyticalplatform.reconcile.StatusRow;

/**
 * Applies one user's desired IAM role (compiled from their effective grants) through the
 * {@link AwsGateway}, for the kernel's tracked reconciler over {@code access_roles}: a
 * user with access gets the role exactly as compiled, one without has none. What AWS
 * reports afterwards is recorded with the status; a difference found while the role was
 * believed applied is drift, corrected and audited ({@code access.drift_corrected}).
 * After a resync, roles the platform owns that no user's access justifies are deleted and
 * audited ({@code access.orphan_role_deleted}). A role that appears, changes ARN or goes
 * away is told after the commit, an app's to {@link AppRoleChanges} and a user's to
 * {@link UserRoleChanges}, so that their workloads follow.
 */
public class RoleApplier implements Applier<String> {

	private static final Logger log = LoggerFactory.getLogger(RoleApplier.class);

	static final Actor SYSTEM = Actor.system("dataaccess-reconciler");

	private final RoleStatusRows roles;

	private final EffectiveAccess effective;

	private final AwsGateway aws;

	private final Supplier<PolicyCompiler> compiler;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final String roleNamePrefix;

	private final AppRoleChanges appRoleChanges;

	private final UserRoleChanges userRoleChanges;

	/**
	 * @param roleNamePrefix the prefix of every user role's name, to find orphans
	 * @param appRoleChanges told once an app's role ARN, as recorded, changes
	 * @param userRoleChanges told once a user's role ARN, as recorded, changes
	 */
	public RoleApplier(RoleStatusRows roles, EffectiveAccess effective, AwsGateway aws,
			Supplier<PolicyCompiler> compiler, AuditLog audit, TransactionOperations transactions, Clock clock,
			String roleNamePrefix, AppRoleChanges appRoleChanges, UserRoleChanges userRoleChanges) {
		this.appRoleChanges = appRoleChanges;
		this.userRoleChanges = userRoleChanges;
		this.roles = roles;
		this.effective = effective;
		this.aws = aws;
		this.compiler = compiler;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
		this.roleNamePrefix = roleNamePrefix;
	}

	@Override
	public Applied apply(StatusRow<String> row) {
		record Desired(RoleStatus status, DesiredRole role) {
		}
		Desired desired = this.transactions.execute((tx) -> {
			RoleStatus current = this.roles.find(row.key()).orElseThrow();
			String app = RoleStatusRows.appOf(row.key());
			return new Desired(current, (app != null) ? this.effective.desiredForApp(this.compiler.get(), app)
					: this.effective.desired(this.compiler.get(), current.user()));
		});
		RoleStatus status = desired.status();
		String roleName = desired.role().roleName();
		if (!desired.role().hasAccess()) {
			boolean deleted = this.aws.deleteRole(roleName);
			return Applied.of(deleted ? Outcome.DELETED : Outcome.NOOP, () -> {
				this.roles.recordApplied(row.key(), null, null);
				tellIfRoleChanged(row.key(), status, null);
				if (deleted && row.believedApplied()) {
					drift(status, roleName, List.of("deleted a role that no grant justifies"));
				}
			});
		}
		RoleApplied applied = this.aws.applyRole(desired.role());
		String json = AppliedJson.write(applied.applied(), this.clock.instant());
		return Applied.of(outcome(applied.changes()), () -> {
			this.roles.recordApplied(row.key(), applied.applied().roleArn(), json);
			tellIfRoleChanged(row.key(), status, applied.applied().roleArn());
			if (row.believedApplied() && !applied.changes().isEmpty()) {
				drift(status, roleName, applied.changes());
			}
		});
	}

	/** Deletes the roles the platform owns that no user's role, as last applied, is. */
	@Override
	public int prune() {
		PolicyCompiler names = this.compiler.get();
		Set<String> justified = this.roles.usernamesWithRoles()
			.stream()
			.map(names::roleName)
			.collect(Collectors.toCollection(HashSet::new));
		this.roles.appsWithRoles().stream().map(names::appRoleName).forEach(justified::add);
		int deleted = 0;
		List<String> owned = new ArrayList<>(this.aws.ownedRoles(this.roleNamePrefix + "_user_"));
		owned.addAll(this.aws.ownedRoles(this.roleNamePrefix + "_app_"));
		for (String orphan : owned) {
			if (!justified.contains(orphan) && this.aws.deleteRole(orphan)) {
				this.transactions.executeWithoutResult((tx) -> this.audit
					.record(AuditEvent.of(SYSTEM, "access.orphan_role_deleted", "iam_role", orphan)
						.with("reason", "no grant justifies it")));
				deleted++;
			}
		}
		return deleted;
	}

	/**
	 * What a list of changes an AWS gateway call reported did: nothing, a creation (the
	 * gateway reports creating first) or a change.
	 */
	static Outcome outcome(List<String> changes) {
		if (changes.isEmpty()) {
			return Outcome.NOOP;
		}
		return changes.get(0).startsWith("created ") ? Outcome.CREATED : Outcome.PATCHED;
	}

	/**
	 * Tells app deployment or the tool launcher, once the recording transaction commits,
	 * that an app's or a user's role ARN changed: their workloads must be given the new
	 * role (or lose it). A failure to tell is logged, never thrown at the committed
	 * apply: the workloads' next resync applies the role anyway. This is the one guard:
	 * the listeners need none of their own ({@code AppAwsAccessIT} proves a throwing one
	 * neither fails the apply nor undoes the change).
	 */
	private void tellIfRoleChanged(String key, RoleStatus before, String after) {
		if (Objects.equals(before.roleArn(), after)) {
			return;
		}
		String app = RoleStatusRows.appOf(key);
		AfterCommit.run(() -> {
			try {
				if (app != null) {
					this.appRoleChanges.roleChanged(app);
				}
				else {
					this.userRoleChanges.roleChanged(before.user());
				}
			}
			catch (RuntimeException ex) {
				log.warn("The workloads of {} were not told that its IAM role changed; their next resync applies it "
						+ "({})", (app != null) ? "app " + app : before.user().username(), Reasons.of(ex));
			}
		});
	}

	private void drift(RoleStatus status, String roleName, List<String> corrections) {
		this.audit.record(AuditEvent.of(SYSTEM, "access.drift_corrected", "iam_role", roleName)
			.with("userId", status.user().userId())
			.with("username", status.user().username())
			.with("corrections", new ArrayList<>(corrections)));
	}

}
