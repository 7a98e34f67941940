package uk.gov.analyticalplatform.kubernetes.internal;

import java.time.Duration;
import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.kubernetes.Converged;
import uk.gov.analyticalplatform.kubernetes.KubernetesFailure;
import uk.gov.analyticalplatform.kubernetes.ObjectRef;
import uk.gov.analyticalplatform.kubernetes.ObjectRejected;
import uk.gov.analyticalplatform.kubernetes.Owner;
import uk.gov.analyticalplatform.reconcile.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The upgrade path for objects whose immutable fields change, proven against the real
 * local API server: a Service made with a cluster IP (before tools' Services became
 * headless) is replaced by the headless one; a home volume's claim is never recreated.
 */
class ObjectRecreationIT {

	static final String INSTANCE = "analytical-platform.uk/instance";

	static final List<Class<? extends HasMetadata>> KINDS = List.of(Service.class, PersistentVolumeClaim.class);

	static LocalCluster cluster;

	static Fabric8Objects objects;

	@BeforeAll
	static void connect() {
		cluster = new LocalCluster();
		objects = new Fabric8Objects(cluster.admin(), "analytical-platform");
	}

	@AfterAll
	static void disconnect() {
		cluster.close();
	}

	@Test
	void aServiceMadeWithAClusterIpIsReplacedByTheHeadlessOneWithANewUid() {
		String namespace = cluster.namespace();
		Owner owner = Owner.of(INSTANCE, "upgraded");
		Service old = service(namespace, null);
		old.getMetadata().setLabels(owner.selector());
		Service made = cluster.admin().services().inNamespace(namespace).resource(old).create();
		assertThat(made.getSpec().getClusterIP()).isNotBlank().isNotEqualTo("None");

		Converged converged = objects.converge(owner, List.of(service(namespace, "None")), KINDS);

		assertThat(converged.outcome(new ObjectRef("Service", namespace, "tool"))).isEqualTo(Outcome.REPLACED);
		assertThat(converged.summary()).isEqualTo(Outcome.REPLACED);
		Service stored = cluster.admin().services().inNamespace(namespace).withName("tool").get();
		assertThat(stored.getSpec().getClusterIP()).isEqualTo("None");
		assertThat(stored.getMetadata().getUid()).isNotEqualTo(made.getMetadata().getUid());
		assertThat(stored.getMetadata().getLabels()).containsAllEntriesOf(owner.selector());
		assertThat(stored.getMetadata().getManagedFields()).singleElement()
			.satisfies((field) -> assertThat(field.getManager()).isEqualTo("analytical-platform"));
		assertThat(objects.converge(owner, List.of(service(namespace, "None")), KINDS).summary())
			.isEqualTo(Outcome.NOOP);
	}

	@Test
	void aFirstApplyThatMeetsAnOldServiceOfTheOwnersReplacesItToo() {
		String namespace = cluster.namespace();
		Owner owner = Owner.of(INSTANCE, "first");
		Service old = service(namespace, null);
		old.getMetadata().setLabels(owner.selector());
		Service made = cluster.admin().services().inNamespace(namespace).resource(old).create();

		Converged created = objects.create(owner, List.of(service(namespace, "None")));

		assertThat(created.outcome(new ObjectRef("Service", namespace, "tool"))).isEqualTo(Outcome.REPLACED);
		Service stored = cluster.admin().services().inNamespace(namespace).withName("tool").get();
		assertThat(stored.getSpec().getClusterIP()).isEqualTo("None");
		assertThat(stored.getMetadata().getUid()).isNotEqualTo(made.getMetadata().getUid());
	}

	@Test
	void theDeleteOfARecreationNeverTakesANewerObjectThanTheOneRead() {
		String namespace = cluster.namespace();
		Owner owner = Owner.of(INSTANCE, "raced");
		Service old = service(namespace, null);
		old.getMetadata().setLabels(owner.selector());
		Service read = cluster.admin().services().inNamespace(namespace).resource(old).create();
		cluster.admin().services().inNamespace(namespace).withName("tool").delete();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> cluster.admin().services().inNamespace(namespace).withName("tool").get() == null);
		Service newer = cluster.admin().services().inNamespace(namespace).resource(old).create();

		assertThatExceptionOfType(KubernetesFailure.class)
			.isThrownBy(() -> objects.recreate(owner, service(namespace, "None"), read))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(409))
			.withMessageContaining("the UID in the precondition");

		Service stored = cluster.admin().services().inNamespace(namespace).withName("tool").get();
		assertThat(stored.getMetadata().getUid()).isEqualTo(newer.getMetadata().getUid());
		assertThat(stored.getSpec().getClusterIP()).isNotEqualTo("None");
	}

	@Test
	void aServiceThatIsNotTheOwnersIsRefusedAndLeftAsItIs() {
		String namespace = cluster.namespace();
		Service made = cluster.admin().services().inNamespace(namespace).resource(service(namespace, null)).create();

		assertThatExceptionOfType(ObjectRejected.class)
			.isThrownBy(() -> objects.apply(Owner.of(INSTANCE, "someone"), service(namespace, "None")))
			.withMessageContaining("Service " + namespace + "/tool");

		Service stored = cluster.admin().services().inNamespace(namespace).withName("tool").get();
		assertThat(stored.getMetadata().getUid()).isEqualTo(made.getMetadata().getUid());
		assertThat(stored.getSpec().getClusterIP()).isEqualTo(made.getSpec().getClusterIP());
	}

	@Test
	void aClaimWhoseImmutableFieldChangesIsNeverRecreatedButRefusedWithTheApiServersReason() {
		String namespace = cluster.namespace();
		Owner owner = Owner.of(INSTANCE, "home");
		objects.converge(owner, List.of(claim(namespace, "standard")), KINDS);
		PersistentVolumeClaim made = cluster.admin()
			.persistentVolumeClaims()
			.inNamespace(namespace)
			.withName("home")
			.get();

		assertThatExceptionOfType(ObjectRejected.class)
			.isThrownBy(() -> objects.converge(owner, List.of(claim(namespace, "faster")), KINDS))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(422))
			.withMessageContaining("PersistentVolumeClaim " + namespace + "/home")
			.withMessageContaining("immutable");

		PersistentVolumeClaim stored = cluster.admin()
			.persistentVolumeClaims()
			.inNamespace(namespace)
			.withName("home")
			.get();
		assertThat(stored.getMetadata().getUid()).isEqualTo(made.getMetadata().getUid());
		assertThat(stored.getMetadata().getDeletionTimestamp()).isNull();
		assertThat(stored.getSpec().getStorageClassName()).isEqualTo("standard");
	}

	static Service service(String namespace, String clusterIp) {
		return new ServiceBuilder().withNewMetadata()
			.withName("tool")
			.withNamespace(namespace)
			.endMetadata()
			.withNewSpec()
			.withClusterIP(clusterIp)
			.addToSelector("app", "tool")
			.addNewPort()
			.withName("http")
			.withPort(8888)
			.endPort()
			.endSpec()
			.build();
	}

	static PersistentVolumeClaim claim(String namespace, String storageClass) {
		return new PersistentVolumeClaimBuilder().withNewMetadata()
			.withName("home")
			.withNamespace(namespace)
			.endMetadata()
			.withNewSpec()
			.withAccessModes("ReadWriteOnce")
			.withStorageClassName(storageClass)
			.withNewResources()
			.addToRequests("storage", new Quantity("1Gi"))
			.endResources()
			.endSpec()
			.build();
	}

}
