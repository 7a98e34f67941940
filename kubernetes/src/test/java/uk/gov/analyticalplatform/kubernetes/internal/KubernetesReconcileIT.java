package uk.gov.analyticalplatform.kubernetes.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.analyticalplatform.kubernetes.KubernetesObjects;
import uk.gov.analyticalplatform.kubernetes.KubernetesObjects.Subscription;
import uk.gov.analyticalplatform.kubernetes.Owner;
import uk.gov.analyticalplatform.reconcile.Applied;
import uk.gov.analyticalplatform.reconcile.ApplyState;
import uk.gov.analyticalplatform.reconcile.Backoff;
import uk.gov.analyticalplatform.reconcile.Leadership;
import uk.gov.analyticalplatform.reconcile.ReconcileLoop;
import uk.gov.analyticalplatform.reconcile.ReconcileSignals;
import uk.gov.analyticalplatform.reconcile.StatusRow;
import uk.gov.analyticalplatform.reconcile.StatusRows;
import uk.gov.analyticalplatform.reconcile.TrackedReconciler;
import uk.gov.analyticalplatform.testing.PlatformDatabase;
import uk.gov.analyticalplatform.testing.PlatformServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reconcile kernel and the Kubernetes adapter together, as the tool launcher and app
 * deployment use them: desired state in a PostgreSQL status table, a level-triggered loop
 * applying it to the real API server, the server's refusal becoming the row's reason, and
 * a watch bringing back what someone deleted by hand.
 */
@SpringBootTest
@PlatformDatabase
class KubernetesReconcileIT {

	static final String APP = "analytical-platform.uk/web-app";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	KubernetesObjects objects;

	@Autowired
	Leadership leadership;

	LocalCluster cluster;

	StatusRows<String> rows;

	ReconcileLoop<String> loop;

	Subscription watch;

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		registry.add("platform.kubernetes.kubeconfig", () -> PlatformServices.get().controlPlaneKubeconfig());
	}

	@BeforeEach
	void startLoop() {
		this.cluster = new LocalCluster();
		ReconcileSignals signals = new ReconcileSignals();
		this.rows = new StatusRows<>(this.jdbc, Clock.systemUTC(), signals, "web_apps", "name", String.class);
		TrackedReconciler<String> reconciler = new TrackedReconciler<>(this.rows, this::apply,
				new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)), this.transactions);
		this.loop = new ReconcileLoop<>("web-apps", reconciler, this.leadership,
				new ReconcileLoop.Settings(true, Duration.ofSeconds(1), Duration.ofMinutes(10)));
		signals.listen(this.loop);
		this.loop.start();
		this.watch = this.objects.watch(List.of(Deployment.class), APP, (name) -> this.rows.requeue(name));
	}

	@AfterEach
	void stopLoop() {
		this.watch.close();
		this.loop.stop();
		this.cluster.close();
	}

	@Test
	void desiredStateIsAppliedAndTheRowEndsReady() {
		String namespace = this.cluster.namespace();

		want("ready-app", namespace, 1);

		await().atMost(Duration.ofSeconds(20)).until(() -> state("ready-app"), ApplyState.READY::equals);
		Deployment stored = this.cluster.admin()
			.apps()
			.deployments()
			.inNamespace(namespace)
			.withName("ready-app")
			.get();
		assertThat(stored.getSpec().getReplicas()).isEqualTo(1);
		assertThat(stored.getMetadata().getLabels()).containsEntry(APP, "ready-app");
	}

	@Test
	void anObjectTheApiServerRefusesFailsTheRowWithTheServersReason() {
		String namespace = this.cluster.namespace();

		want("refused-app", namespace, -1);

		await().atMost(Duration.ofSeconds(20)).until(() -> state("refused-app"), ApplyState.FAILED::equals);
		StatusRow<String> row = this.rows.find("refused-app").orElseThrow();
		assertThat(row.reason()).startsWith("Deployment " + namespace + "/refused-app was rejected")
			.contains("spec.replicas")
			.contains("must be greater than or equal to 0");
		assertThat(row.failures()).isPositive();

		want("refused-app", namespace, 1);
		await().atMost(Duration.ofSeconds(20)).until(() -> state("refused-app"), ApplyState.READY::equals);
	}

	@Test
	void aDeploymentDeletedByHandIsRecreatedWithoutWaitingForAResync() {
		String namespace = this.cluster.namespace();
		want("restored-app", namespace, 1);
		await().atMost(Duration.ofSeconds(20)).until(() -> state("restored-app"), ApplyState.READY::equals);
		String before = uid(namespace);

		this.cluster.admin().apps().deployments().inNamespace(namespace).withName("restored-app").delete();

		await().atMost(Duration.ofSeconds(20)).until(() -> {
			String after = uid(namespace);
			return after != null && !after.equals(before);
		});
	}

	private Applied apply(StatusRow<String> row) {
		record Desired(String namespace, int replicas) {
		}
		Desired desired = this.jdbc.sql("SELECT namespace, replicas FROM web_apps WHERE name = :name")
			.param("name", row.key())
			.query((rs, n) -> new Desired(rs.getString("namespace"), rs.getInt("replicas")))
			.single();
		List<HasMetadata> objects = List
			.of(KubernetesObjectsIT.deployment(desired.namespace(), row.key(), desired.replicas()));
		return Applied
			.of(this.objects.converge(Owner.of(APP, row.key()), objects, List.of(Deployment.class)).summary());
	}

	private void want(String name, String namespace, int replicas) {
		this.transactions
			.executeWithoutResult((tx) -> this.rows.bump(name, Map.of("namespace", namespace, "replicas", replicas)));
	}

	private ApplyState state(String name) {
		return this.rows.find(name).map(StatusRow::state).orElse(null);
	}

	private String uid(String namespace) {
		Deployment deployment = this.cluster.admin()
			.apps()
			.deployments()
			.inNamespace(namespace)
			.withName("restored-app")
			.get();
		return (deployment != null) ? deployment.getMetadata().getUid() : null;
	}

}
