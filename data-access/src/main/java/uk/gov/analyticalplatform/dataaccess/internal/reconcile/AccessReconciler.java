package uk.gov.analyticalplatform.dataaccess.internal.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionOperations;

import uk.gov.analyticalplatform.audit.Actor;
import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.dataaccess.ReconcilerLeadership;
import uk.gov.analyticalplatform.dataaccess.internal.access.EffectiveAccess;
import uk.gov.analyticalplatform.dataaccess.internal.access.ExpirySweep;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetRows;
import uk.gov.analyticalplatform.dataaccess.internal.policy.DesiredRole;
import uk.gov.analyticalplatform.dataaccess.internal.policy.PolicyCompiler;
import uk.gov.analyticalplatform.dataaccess.internal.reconcile.AwsGateway.RoleApplied;
import uk.gov.analyticalplatform.dataaccess.internal.status.AccessRoles;
import uk.gov.analyticalplatform.dataaccess.internal.status.ReconcileSignal;
import uk.gov.analyticalplatform.dataaccess.internal.status.RoleStatus;
import uk.gov.analyticalplatform.dataaccess.internal.status.WorkerThread;

/**
 * Converges AWS on the database, one thing at a time on its own thread: on every change
 * signal and every poll it applies the users whose generation moved and the datasets not
 * yet provisioned; on every resync it re-applies everyone (correcting and auditing
 * drift), deletes roles no grant justifies and re-provisions every dataset; on every
 * sweep it ends expired grants. Failures become status with a reason and are retried with
 * exponential backoff.
 */
public class AccessReconciler implements ReconcileSignal, SmartLifecycle {

	static final Actor SYSTEM = Actor.system("dataaccess-reconciler");

	private static final Log logger = LogFactory.getLog(AccessReconciler.class);

	private final AccessRoles roles;

	private final DatasetRows datasets;

	private final EffectiveAccess effective;

	private final ExpirySweep expiry;

	private final AwsGateway aws;

	private final Supplier<PolicyCompiler> compiler;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final ReconcilerLeadership leadership;

	private final Clock clock;

	private final Settings settings;

	private final DatasetProvisioner provisioner;

	private final AtomicBoolean drainQueued = new AtomicBoolean();

	private final WorkerThread thread = new WorkerThread("dataaccess-reconciler");

	public AccessReconciler(AccessRoles roles, DatasetRows datasets, EffectiveAccess effective, ExpirySweep expiry,
			AwsGateway aws, Supplier<PolicyCompiler> compiler, AuditLog audit, TransactionOperations transactions,
			ReconcilerLeadership leadership, Clock clock, Settings settings) {
		this.roles = roles;
		this.datasets = datasets;
		this.effective = effective;
		this.expiry = expiry;
		this.aws = aws;
		this.compiler = compiler;
		this.audit = audit;
		this.transactions = transactions;
		this.leadership = leadership;
		this.clock = clock;
		this.settings = settings;
		this.provisioner = new DatasetProvisioner(datasets, aws, compiler, clock, settings);
	}

	/**
	 * How often and how patiently the reconciler works.
	 *
	 * @param enabled whether it starts with the application
	 * @param pollInterval how often to look for changes besides change signals
	 * @param resyncInterval how often to re-apply everything, correcting drift
	 * @param sweepInterval how often to end expired grants
	 * @param baseBackoff the wait after a first failure, doubled after each further one
	 * @param maxBackoff the longest wait between attempts
	 * @param roleNamePrefix the prefix of every user role's name, to find orphans
	 * @param infrequentAccessDays bucket lifecycle: days to infrequent access
	 * @param archiveDays bucket lifecycle: days to archive
	 * @param kmsKeyId the KMS key of bucket default encryption and of the Athena
	 * workgroup's minimum results encryption, or {@code null} for S3-managed keys
	 * @param tlsOnly whether bucket policies deny requests without TLS
	 */
	public record Settings(boolean enabled, Duration pollInterval, Duration resyncInterval, Duration sweepInterval,
			Duration baseBackoff, Duration maxBackoff, String roleNamePrefix, int infrequentAccessDays, int archiveDays,
			String kmsKeyId, boolean tlsOnly) {

	}

	@Override
	public void changed() {
		ScheduledExecutorService running = this.thread.running();
		if (running != null && this.drainQueued.compareAndSet(false, true)) {
			running.execute(this::drainSafely);
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService started = this.thread.start();
		started.scheduleWithFixedDelay(this::drainSafely, 0, this.settings.pollInterval().toMillis(),
				TimeUnit.MILLISECONDS);
		started.scheduleWithFixedDelay(() -> safely("resync", this::resync), this.settings.resyncInterval().toMillis(),
				this.settings.resyncInterval().toMillis(), TimeUnit.MILLISECONDS);
		started.scheduleWithFixedDelay(() -> safely("expiry sweep", this::sweep), 0,
				this.settings.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		this.thread.stop();
	}

	@Override
	public boolean isAutoStartup() {
		return this.settings.enabled();
	}

	@Override
	public boolean isRunning() {
		return this.thread.isRunning();
	}

	/**
	 * Runs a full resync on the reconciler's thread and waits for it; returns what it
	 * checked.
	 */
	public int resyncNow() {
		ScheduledExecutorService running = this.thread.running();
		if (running == null) {
			return resync();
		}
		try {
			return running.submit(this::resync).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while resynchronising", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Resynchronising failed: " + ex.getCause().getMessage(), ex.getCause());
		}
	}

	/** Applies every pending change whose backoff has passed. */
	void drain() {
		if (!this.leadership.isLeader()) {
			return;
		}
		List<RoleStatus> due = this.roles.due(50);
		Set<String> seen = new HashSet<>();
		while (!due.isEmpty()) {
			for (RoleStatus status : due) {
				seen.add(status.user().userId());
				reconcile(status.user().userId());
			}
			due = this.roles.due(50).stream().filter((status) -> !seen.contains(status.user().userId())).toList();
		}
		this.provisioner.provision(this.datasets.needingApply(false));
	}

	/**
	 * Re-applies everything, deletes orphaned roles, re-provisions datasets; returns how
	 * many it checked.
	 */
	int resync() {
		if (!this.leadership.isLeader()) {
			return 0;
		}
		int checked = 0;
		Set<String> justified = new HashSet<>();
		for (RoleStatus status : this.roles.all()) {
			if (reconcile(status.user().userId())) {
				justified.add(this.compiler.get().roleName(status.user().username()));
			}
			checked++;
		}
		for (String orphan : this.aws.ownedRoles(this.settings.roleNamePrefix() + "_user_")) {
			if (!justified.contains(orphan) && this.aws.deleteRole(orphan)) {
				this.transactions.executeWithoutResult((tx) -> this.audit
					.record(AuditEvent.of(SYSTEM, "access.orphan_role_deleted", "iam_role", orphan)
						.with("reason", "no grant justifies it")));
			}
			checked++;
		}
		return checked + this.provisioner.provision(this.datasets.needingApply(true));
	}

	/**
	 * Applies one user's desired role; returns whether the user should have a role (or
	 * keeps the one they have because applying failed).
	 */
	boolean reconcile(String userId) {
		RoleStatus status = null;
		try {
			record Desired(RoleStatus status, DesiredRole role) {
			}
			Desired desired = this.transactions.execute((tx) -> {
				RoleStatus current = this.roles.find(userId).orElseThrow();
				return new Desired(current, this.effective.desired(this.compiler.get(), current.user()));
			});
			status = desired.status();
			if (!status.believedApplied()) {
				this.roles.applying(userId);
			}
			apply(desired.status(), desired.role());
			return desired.role().hasAccess();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not apply the data access of user " + userId + ": " + ex.getMessage());
			this.roles.failed(userId, describe(ex), this.settings.baseBackoff(), this.settings.maxBackoff());
			return status == null || status.roleArn() != null;
		}
	}

	private void apply(RoleStatus status, DesiredRole desired) {
		if (!desired.hasAccess()) {
			boolean deleted = this.aws.deleteRole(desired.roleName());
			this.transactions.executeWithoutResult((tx) -> {
				this.roles.ready(status.user().userId(), status.generation(), null, null);
				if (deleted && status.believedApplied()) {
					drift(status, desired.roleName(), List.of("deleted a role that no grant justifies"));
				}
			});
			return;
		}
		RoleApplied applied = this.aws.applyRole(desired);
		String json = AppliedJson.write(applied.applied(), this.clock.instant());
		this.transactions.executeWithoutResult((tx) -> {
			this.roles.ready(status.user().userId(), status.generation(), applied.applied().roleArn(), json);
			if (status.believedApplied() && !applied.changes().isEmpty()) {
				drift(status, desired.roleName(), applied.changes());
			}
		});
	}

	private void drift(RoleStatus status, String roleName, List<String> corrections) {
		this.audit.record(AuditEvent.of(SYSTEM, "access.drift_corrected", "iam_role", roleName)
			.with("userId", status.user().userId())
			.with("username", status.user().username())
			.with("corrections", new ArrayList<>(corrections)));
	}

	private int sweep() {
		return this.leadership.isLeader() ? this.expiry.run() : 0;
	}

	private void drainSafely() {
		this.drainQueued.set(false);
		safely("apply", () -> {
			drain();
			return 0;
		});
	}

	private static void safely(String what, Supplier<Integer> work) {
		try {
			work.get();
		}
		catch (RuntimeException ex) {
			logger.error("Data access reconciler: " + what + " failed", ex);
		}
	}

	static String describe(RuntimeException ex) {
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

}
