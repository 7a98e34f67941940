package uk.gov.analyticalplatform.toollauncher.internal.instances;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import uk.gov.analyticalplatform.kubernetes.KubernetesFailure;
import uk.gov.analyticalplatform.kubernetes.Owner;
import uk.gov.analyticalplatform.toollauncher.InstancePhase;
import uk.gov.analyticalplatform.toollauncher.Tool;
import uk.gov.analyticalplatform.toollauncher.ToolInstance;
import uk.gov.analyticalplatform.toollauncher.ToolInstanceChanges;
import uk.gov.analyticalplatform.toollauncher.ToolUser;
import uk.gov.analyticalplatform.toollauncher.internal.manifests.ToolManifests;
import uk.gov.analyticalplatform.toollauncher.internal.manifests.UserNamespaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Users' tool instances against the real local cluster: what the API server stores, and
 * what stop, switch, reset and delete do to it.
 */
class ToolInstancesIT extends ToolsOnTheCluster {

	static final String JUPYTER_IMAGE = "quay.io/jupyter/scipy-notebook@sha256:"
			+ "234da96996f255d9f6b63b880ff41e8537865b96f2f07707b35b59e830199a2d";

	@Autowired
	ToolInstanceChanges changes;

	@Test
	void startCreatesExactlyTheObjectsWithTheSecuritySettingsAndEndsReady() {
		ToolUser alice = user("alice");

		ToolInstance started = this.instances.create(alice, Tool.JUPYTERLAB, null, null);

		ToolInstance ready = awaitPhase(alice, started.id(), InstancePhase.READY);
		assertThat(ready.observedImage()).isEqualTo(JUPYTER_IMAGE);
		assertThat(ready.url()).isEqualTo("https://" + alice.username() + "-jupyterlab.tools.test/");
		String namespace = UserNamespaces.namespace(alice.username());
		assertThat(this.objects.get(Namespace.class, null, namespace)).isPresent();
		assertThat(this.objects.get(ResourceQuota.class, namespace, "tools")).isPresent();
		assertThat(this.objects.get(LimitRange.class, namespace, "tools")).isPresent();
		assertThat(this.objects.get(ServiceAccount.class, namespace, "analyst")).isPresent();
		assertThat(this.objects.get(NetworkPolicy.class, namespace, "default-deny-except-ingress")).isPresent();
		assertThat(this.objects.get(PersistentVolumeClaim.class, namespace, "home-jupyterlab")).isPresent();
		assertThat(this.objects.get(Service.class, namespace, "jupyterlab")).isPresent();
		Ingress ingress = this.objects.get(Ingress.class, namespace, "jupyterlab").orElseThrow();
		assertThat(ingress.getSpec().getRules().get(0).getHost())
			.isEqualTo(alice.username() + "-jupyterlab.tools.test");
		assertThat(ingress.getMetadata().getAnnotations()).containsKey("nginx.ingress.kubernetes.io/auth-url");
		Deployment deployment = deployment(alice);
		assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
		PodSecurityContext security = deployment.getSpec().getTemplate().getSpec().getSecurityContext();
		assertThat(security.getRunAsNonRoot()).isTrue();
		assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
		assertThat(deployment.getSpec()
			.getTemplate()
			.getSpec()
			.getContainers()
			.get(0)
			.getSecurityContext()
			.getCapabilities()
			.getDrop()).containsExactly("ALL");
		assertThat(owned(alice, started.id())).extracting(HasMetadata::getKind)
			.containsExactlyInAnyOrder("PersistentVolumeClaim", "Deployment", "Service", "Ingress");
		assertThat(audited("tool.started", started.id())).isOne();
	}

	@Test
	void aFollowerSeesTheStartGoForwardAsTheReconcilerWritesItUntilReady() {
		ToolUser dora = user("dora");
		ToolInstance started = this.instances.create(dora, Tool.JUPYTERLAB, null, null);
		InstanceStatusIT.Following seen = new InstanceStatusIT.Following();

		try (ToolInstanceChanges.Watch watch = this.changes.follow(dora, started.id(), seen)) {
			await().atMost(Duration.ofSeconds(60))
				.until(() -> seen.latest() != null && seen.latest().phase() == InstancePhase.READY);
		}
		// the follower reads the instance once per change it is told of, so two changes
		// in quick succession may reach it as one: the states it sees go forward only,
		// from a start under way to READY, whichever steps they skip
		assertThat(seen.states().get(0).starting()).isTrue();
		assertThat(seen.states()).isSortedAccordingTo(Comparator.naturalOrder()).endsWith(InstancePhase.READY);
		assertThat(seen.latest().observedImage()).isEqualTo(JUPYTER_IMAGE);
	}

	@Test
	void stopScalesToZeroKeepingTheHomeAndStartBringsItBack() {
		ToolUser bob = user("bob");
		ToolInstance started = this.instances.create(bob, Tool.JUPYTERLAB, null, null);
		awaitPhase(bob, started.id(), InstancePhase.READY);
		String home = uid(PersistentVolumeClaim.class, bob, "home-jupyterlab");

		this.instances.stop(bob, started.id());

		awaitPhase(bob, started.id(), InstancePhase.STOPPED);
		assertThat(deployment(bob).getSpec().getReplicas()).isZero();
		this.instances.start(bob, started.id());
		awaitPhase(bob, started.id(), InstancePhase.READY);
		assertThat(uid(PersistentVolumeClaim.class, bob, "home-jupyterlab")).isEqualTo(home);
		assertThat(audited("tool.stopped", started.id())).isOne();
	}

	@Test
	void switchingReleaseRunsTheOtherImageAndSaysSo() {
		ToolUser carol = user("carol");
		String older = "quay.io/jupyter/base-notebook@sha256:" + "b".repeat(64);
		this.jdbc.sql("INSERT INTO tool_releases (id, tool, name, display_name, image, port, readiness_path, "
				+ "default_profile, status, status_message, created_at, updated_at) VALUES (:id, 'JUPYTERLAB', "
				+ ":name, 'JupyterLab (older)', :image, 8888, '/api', 'small', 'DEPRECATED', 'Moving on', now(), now())")
			.param("id", UUID.randomUUID())
			.param("name", "old-" + carol.username())
			.param("image", older)
			.update();
		ToolInstance started = this.instances.create(carol, Tool.JUPYTERLAB, null, null);
		awaitPhase(carol, started.id(), InstancePhase.READY);

		this.instances.change(carol, started.id(), "old-" + carol.username(), null);

		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.instances.get(carol, started.id()),
					(instance) -> instance.phase() == InstancePhase.READY && older.equals(instance.observedImage()));
		assertThat(deployment(carol).getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
			.isEqualTo(older);
		assertThat(audited("tool.release.switched", started.id())).isOne();
	}

	@Test
	void resetRecreatesTheDeploymentButKeepsTheHome() {
		ToolUser dan = user("dan");
		ToolInstance started = this.instances.create(dan, Tool.VSCODE, null, null);
		awaitPhase(dan, started.id(), InstancePhase.READY);
		String deployment = uid(Deployment.class, dan, "vscode");
		String home = uid(PersistentVolumeClaim.class, dan, "home-vscode");

		this.instances.reset(dan, started.id());

		await().atMost(Duration.ofSeconds(60)).until(() -> {
			String now = uid(Deployment.class, dan, "vscode");
			return now != null && !now.equals(deployment);
		});
		awaitPhase(dan, started.id(), InstancePhase.READY);
		assertThat(uid(PersistentVolumeClaim.class, dan, "home-vscode")).isEqualTo(home);
	}

	@Test
	void deleteWithTheHomeRemovesEveryObjectAndTheNamespace() {
		ToolUser erin = user("erin");
		ToolInstance started = this.instances.create(erin, Tool.RSTUDIO, null, null);
		awaitPhase(erin, started.id(), InstancePhase.READY);

		this.instances.delete(erin, started.id(), true);

		String namespace = UserNamespaces.namespace(erin.username());
		// the reconciler's pass that deletes ends with the row: wait for all of it
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(this.objects.get(Namespace.class, null, namespace)
				.map((ns) -> ns.getMetadata().getDeletionTimestamp() != null)
				.orElse(true)).as("namespace deleted or deleting").isTrue();
			assertThat(owned(erin, started.id())).isEmpty();
			assertThat(this.instances.mine(erin)).isEmpty();
		});
	}

	@Test
	void aDeploymentDeletedByHandIsRecreatedAndTheCorrectionAudited() {
		ToolUser frank = user("frank");
		ToolInstance started = this.instances.create(frank, Tool.JUPYTERLAB, null, null);
		awaitPhase(frank, started.id(), InstancePhase.READY);
		String before = uid(Deployment.class, frank, "jupyterlab");

		this.objects.converge(Owner.of(ToolManifests.INSTANCE_LABEL, started.id().toString()), List.of(),
				List.of(Deployment.class));

		await().atMost(Duration.ofSeconds(60)).until(() -> {
			String after = uid(Deployment.class, frank, "jupyterlab");
			return after != null && !after.equals(before);
		});
		await().atMost(Duration.ofSeconds(30)).until(() -> audited("tool.drift.corrected", started.id()) > 0);
		awaitPhase(frank, started.id(), InstancePhase.READY);
	}

	@Test
	void aServiceMadeWithAClusterIpBeforeServicesWereHeadlessIsReplacedAndTheCorrectionAudited() {
		ToolUser grace = user("grace");
		ToolInstance started = this.instances.create(grace, Tool.JUPYTERLAB, null, null);
		awaitPhase(grace, started.id(), InstancePhase.READY);
		Owner owner = Owner.of(ToolManifests.INSTANCE_LABEL, started.id().toString());
		Service headless = this.objects.get(Service.class, UserNamespaces.namespace(grace.username()), "jupyterlab")
			.orElseThrow();
		assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");

		// the Service as the platform made it before: same labels and ports, a cluster IP
		// (the reconciler restores what it sees deleted, so this may take a few goes)
		Service old = new ServiceBuilder()
			.withMetadata(new ObjectMetaBuilder().withName(headless.getMetadata().getName())
				.withNamespace(headless.getMetadata().getNamespace())
				.withLabels(headless.getMetadata().getLabels())
				.build())
			.withNewSpec()
			.withSelector(headless.getSpec().getSelector())
			.withPorts(headless.getSpec().getPorts())
			.endSpec()
			.build();
		String[] oldUid = new String[1];
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			this.objects.converge(owner, List.of(), List.of(Service.class));
			try {
				this.objects.create(owner, List.of(old));
			}
			catch (KubernetesFailure ex) {
				return false;
			}
			Service made = this.objects.get(Service.class, old.getMetadata().getNamespace(), "jupyterlab").orElse(null);
			oldUid[0] = (made != null) ? made.getMetadata().getUid() : null;
			return made != null && !"None".equals(made.getSpec().getClusterIP());
		});

		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc
				.sql("SELECT count(*) FROM audit_event WHERE action = 'tool.drift.corrected' AND target_id = :id "
						+ "AND details -> 'objects' @> jsonb_build_array(CAST(:replaced AS text))")
				.param("id", started.id().toString())
				.param("replaced", "Service " + old.getMetadata().getNamespace() + "/jupyterlab REPLACED")
				.query(Integer.class)
				.single() > 0);
		Service stored = this.objects.get(Service.class, old.getMetadata().getNamespace(), "jupyterlab").orElseThrow();
		assertThat(stored.getSpec().getClusterIP()).isEqualTo("None");
		assertThat(stored.getMetadata().getUid()).isNotEqualTo(oldUid[0]);
		awaitPhase(grace, started.id(), InstancePhase.READY);
	}

	private Deployment deployment(ToolUser user) {
		return deployment(user, "jupyterlab");
	}

	private List<HasMetadata> owned(ToolUser user, UUID id) {
		return owned(id, ToolManifests.instanceKinds());
	}

}
