package uk.gov.analyticalplatform.toollauncher.internal.instances;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.gov.analyticalplatform.kubernetes.KubernetesObjects;
import uk.gov.analyticalplatform.kubernetes.Owner;
import uk.gov.analyticalplatform.testing.PlatformDatabase;
import uk.gov.analyticalplatform.testing.PlatformServices;
import uk.gov.analyticalplatform.toollauncher.InstancePhase;
import uk.gov.analyticalplatform.toollauncher.ToolInstance;
import uk.gov.analyticalplatform.toollauncher.ToolInstances;
import uk.gov.analyticalplatform.toollauncher.ToolUser;
import uk.gov.analyticalplatform.toollauncher.internal.manifests.ToolManifests;
import uk.gov.analyticalplatform.toollauncher.internal.manifests.UserNamespaces;

import static org.awaitility.Awaitility.await;

/**
 * The fixture of tests that start users' tools on the real local cluster: the tool
 * launcher on a database of the test class's own, pointed at the cluster with the control
 * plane's credentials; users made per test whose instances (homes and namespaces
 * included) are deleted afterwards and waited for, so that no pod outlives its test.
 */
@SpringBootTest
@PlatformDatabase
abstract class ToolsOnTheCluster {

	@Autowired
	ToolInstances instances;

	@Autowired
	KubernetesObjects objects;

	@Autowired
	JdbcClient jdbc;

	final List<ToolUser> users = new ArrayList<>();

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		registry.add("platform.kubernetes.kubeconfig", () -> PlatformServices.get().controlPlaneKubeconfig());
	}

	@AfterEach
	void deleteInstancesAndHomes() {
		for (ToolUser user : this.users) {
			this.instances.mine(user).forEach((instance) -> this.instances.delete(user, instance.id(), true));
		}
		// the reconciler deletes the objects (namespaces included) before the rows go
		await().atMost(Duration.ofMinutes(3))
			.until(() -> this.users.stream().allMatch((user) -> this.instances.mine(user).isEmpty()));
	}

	/** A new user of this test, named {@code name} and a random suffix. */
	ToolUser user(String name) {
		ToolUser user = new ToolUser(UUID.randomUUID(), name + "-" + UUID.randomUUID().toString().substring(0, 6),
				Set.of(), false);
		this.users.add(user);
		return user;
	}

	ToolInstance awaitPhase(ToolUser user, UUID id, InstancePhase phase) {
		return await().atMost(Duration.ofSeconds(60))
			.until(() -> this.instances.get(user, id), (instance) -> instance.phase() == phase);
	}

	/** The instance's objects of the given kinds that are not being deleted. */
	List<HasMetadata> owned(UUID id, List<Class<? extends HasMetadata>> kinds) {
		Owner owner = Owner.of(ToolManifests.INSTANCE_LABEL, id.toString());
		List<HasMetadata> owned = new ArrayList<>();
		for (Class<? extends HasMetadata> kind : kinds) {
			this.objects.owned(kind, owner)
				.stream()
				.filter((object) -> object.getMetadata().getDeletionTimestamp() == null)
				.forEach(owned::add);
		}
		return owned;
	}

	/** The uid of the user's object, or null when there is none (or it is going). */
	<T extends HasMetadata> String uid(Class<T> kind, ToolUser user, String name) {
		return this.objects.get(kind, UserNamespaces.namespace(user.username()), name)
			.filter((object) -> object.getMetadata().getDeletionTimestamp() == null)
			.map((object) -> object.getMetadata().getUid())
			.orElse(null);
	}

	Deployment deployment(ToolUser user, String name) {
		return this.objects.get(Deployment.class, UserNamespaces.namespace(user.username()), name).orElseThrow();
	}

	int audited(String action, UUID id) {
		return this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :action AND target_id = :id")
			.param("action", action)
			.param("id", id.toString())
			.query(Integer.class)
			.single();
	}

	/** A profile small enough that a few hundred tools fit the local cluster's node. */
	static void tinyProfile(JdbcClient jdbc) {
		jdbc.sql("INSERT INTO tool_profiles (name, display_name, cpu_request_milli, cpu_limit_milli, "
				+ "memory_request_mib, memory_limit_mib, idle_timeout_s, created_at, updated_at) VALUES ('tiny', "
				+ "'Tiny', 10, 100, 32, 64, 3600, now(), now()) ON CONFLICT DO NOTHING")
			.update();
	}

}
