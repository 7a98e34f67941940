package uk.gov.analyticalplatform.appdeploy.internal.apps;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.appdeploy.AppStatus;
import uk.gov.analyticalplatform.reconcile.ReconcileSignal;
import uk.gov.analyticalplatform.reconcile.ReconcileSignals;
import uk.gov.analyticalplatform.reconcile.StatusRow;
import uk.gov.analyticalplatform.reconcile.StatusRows;

/**
 * The reconciler's status of each app in Kubernetes ({@code app_rollouts}, keyed by the
 * app's name so that it outlives a deleted app until its objects are gone), and the
 * version seen serving.
 */
public class Rollouts {

	private final JdbcClient jdbc;

	private final StatusRows<String> rows;

	private final ReconcileSignals signals = new ReconcileSignals();

	public Rollouts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.rows = new StatusRows<>(jdbc, clock, this.signals, "app_rollouts", "name", String.class);
	}

	/** Wakes the listener once a change to an app's desired state commits. */
	public void listen(ReconcileSignal listener) {
		this.signals.listen(listener);
	}

	/** The status rows, for the reconciler. */
	public StatusRows<String> rows() {
		return this.rows;
	}

	/**
	 * Marks the app's desired state in Kubernetes as changed, in the caller's
	 * transaction.
	 */
	void changed(String app) {
		this.rows.bump(app, Map.of());
	}

	AppStatus status(String app) {
		Optional<StatusRow<String>> row = this.rows.find(app);
		if (row.isEmpty()) {
			return AppStatus.pending();
		}
		StatusRow<String> status = row.get();
		String state = status.believedApplied() ? "READY" : status.state().name();
		return new AppStatus(state, status.reason(), serving(app), status.appliedAt());
	}

	/** The version last seen rolled out and ready, or {@code null}. */
	public Integer serving(String app) {
		return this.jdbc.sql("SELECT serving_version FROM app_rollouts WHERE name = ?")
			.param(app)
			.query((rs, n) -> (Integer) rs.getObject(1))
			.optional()
			.orElse(null);
	}

	/**
	 * Records the version now serving (in the transaction that records the app ready).
	 */
	public void serving(String app, Integer version) {
		this.jdbc.sql("UPDATE app_rollouts SET serving_version = ? WHERE name = ?").params(version, app).update();
	}

	/** Forgets a deleted app once Kubernetes holds nothing of it. */
	public void forget(String app) {
		this.jdbc.sql("DELETE FROM app_rollouts WHERE name = ?").param(app).update();
	}

}
