package uk.gov.analyticalplatform.kubernetes.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.kubernetes.AccessForbidden;
import uk.gov.analyticalplatform.kubernetes.KubernetesObjects.Subscription;
import uk.gov.analyticalplatform.kubernetes.Owner;
import uk.gov.analyticalplatform.reconcile.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static uk.gov.analyticalplatform.kubernetes.internal.KubernetesObjectsIT.INSTANCE;
import static uk.gov.analyticalplatform.kubernetes.internal.KubernetesObjectsIT.configMap;

/**
 * What the real API server's authentication, RBAC and watches mean for the adapter: a
 * client under a narrow Role is forbidden outside it, anonymous callers are forbidden,
 * and a watch sees what another client does.
 */
class KubernetesAccessIT {

	static LocalCluster cluster;

	@BeforeAll
	static void connect() {
		cluster = new LocalCluster();
	}

	@AfterAll
	static void disconnect() {
		cluster.close();
	}

	@Test
	void aServiceAccountWithANarrowRoleIsForbiddenOutsideIt() {
		String granted = cluster.namespace();
		String elsewhere = cluster.namespace();
		String token = narrowServiceAccount(granted);
		try (KubernetesClient narrow = new KubernetesClientBuilder().withConfig(withToken(token)).build()) {
			Fabric8Objects objects = new Fabric8Objects(narrow, "analytical-platform");

			assertThat(objects.apply(Owner.of(INSTANCE, "rbac"), configMap(granted, "allowed", "x")))
				.isEqualTo(Outcome.CREATED);
			assertThatExceptionOfType(AccessForbidden.class)
				.isThrownBy(() -> objects.apply(Owner.of(INSTANCE, "rbac"), configMap(elsewhere, "denied", "x")))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(403))
				.withMessageContaining("system:serviceaccount:" + granted + ":platform");
			assertThatExceptionOfType(AccessForbidden.class)
				.isThrownBy(() -> objects.owned(ConfigMap.class, Owner.of(INSTANCE, "rbac")));
		}
		assertThat(cluster.admin().configMaps().inNamespace(elsewhere).withName("denied").get()).isNull();
	}

	@Test
	void impersonatingTheServiceAccountMeetsTheSameRules() {
		String granted = cluster.namespace();
		String elsewhere = cluster.namespace();
		narrowServiceAccount(granted);
		Config impersonating = new ConfigBuilder(LocalCluster.config())
			.withImpersonateUsername("system:serviceaccount:" + granted + ":platform")
			.build();
		try (KubernetesClient client = new KubernetesClientBuilder().withConfig(impersonating).build()) {
			Fabric8Objects objects = new Fabric8Objects(client, "analytical-platform");

			assertThat(objects.apply(Owner.of(INSTANCE, "as"), configMap(granted, "allowed", "x")))
				.isEqualTo(Outcome.CREATED);
			assertThatExceptionOfType(AccessForbidden.class)
				.isThrownBy(() -> objects.apply(Owner.of(INSTANCE, "as"), configMap(elsewhere, "denied", "x")));
		}
	}

	@Test
	void anonymousCallersAreForbidden() {
		Config anonymous = new ConfigBuilder(LocalCluster.config()).withClientCertData(null)
			.withClientKeyData(null)
			.withClientCertFile(null)
			.withClientKeyFile(null)
			.build();
		try (KubernetesClient client = new KubernetesClientBuilder().withConfig(anonymous).build()) {
			assertThatExceptionOfType(AccessForbidden.class).isThrownBy(
					() -> new Fabric8Objects(client, "analytical-platform").get(ConfigMap.class, "default", "anything"))
				.withMessageContaining("system:anonymous");
		}
	}

	@Test
	void aWatchSeesChangesMadeByAnotherClient() {
		String namespace = cluster.namespace();
		Fabric8Objects objects = new Fabric8Objects(cluster.admin(), "analytical-platform");
		objects.apply(Owner.of(INSTANCE, "watched"), configMap(namespace, "watched", "x"));
		Set<String> seen = ConcurrentHashMap.newKeySet();
		try (Subscription watch = objects.watch(List.of(ConfigMap.class), INSTANCE, seen::add)) {
			await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("watched"));
			assertThat(watch.owned(ConfigMap.class, Owner.of(INSTANCE, "watched")))
				.extracting((map) -> map.getData().get("value"))
				.containsExactly("x");
			assertThat(watch.owned(ConfigMap.class, Owner.of(INSTANCE, "someone else"))).isEmpty();
			seen.clear();
			try (KubernetesClient other = new KubernetesClientBuilder().withConfig(LocalCluster.config()).build()) {
				other.configMaps().inNamespace(namespace).withName("watched").edit((map) -> {
					map.getData().put("value", "changed by hand");
					return map;
				});
				await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("watched"));
				// what the watch reported is what its cache answers, with no call
				assertThat(watch.owned(ConfigMap.class, Owner.of(INSTANCE, "watched")))
					.extracting((map) -> map.getData().get("value"))
					.containsExactly("changed by hand");
				seen.clear();
				other.configMaps().inNamespace(namespace).withName("watched").delete();
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("watched"));
			assertThat(watch.owned(ConfigMap.class, Owner.of(INSTANCE, "watched"))).isEmpty();
		}
	}

	@Test
	void aWatchFindsAnOwnersObjectsByAnyOfItsLabelsAndOnlyWithAllOfThem() {
		String namespace = cluster.namespace();
		Fabric8Objects objects = new Fabric8Objects(cluster.admin(), "analytical-platform");
		String user = "analytical-platform.uk/test-user";
		objects.apply(new Owner(Map.of(INSTANCE, "paired", user, "ada")), configMap(namespace, "paired", "x"));
		objects.apply(new Owner(Map.of(INSTANCE, "unpaired", user, "bob")), configMap(namespace, "unpaired", "y"));
		Set<String> seen = ConcurrentHashMap.newKeySet();
		try (Subscription watch = objects.watch(List.of(ConfigMap.class), INSTANCE, seen::add)) {
			await().atMost(Duration.ofSeconds(10)).until(() -> seen.containsAll(Set.of("paired", "unpaired")));
			// through the index by the watch's owner label, then every label of the owner
			assertThat(watch.owned(ConfigMap.class, new Owner(Map.of(INSTANCE, "paired", user, "ada"))))
				.extracting((map) -> map.getMetadata().getName())
				.containsExactly("paired");
			assertThat(watch.owned(ConfigMap.class, new Owner(Map.of(INSTANCE, "paired", user, "bob")))).isEmpty();
			// an owner without the watch's owner label: every object is looked at
			assertThat(watch.owned(ConfigMap.class, Owner.of(user, "bob")))
				.extracting((map) -> map.getMetadata().getName())
				.containsExactly("unpaired");
		}
	}

	/**
	 * A service account allowed only config maps, only in its own namespace; its token.
	 */
	private static String narrowServiceAccount(String namespace) {
		KubernetesClient admin = cluster.admin();
		admin.serviceAccounts()
			.inNamespace(namespace)
			.resource(new ServiceAccountBuilder().withNewMetadata().withName("platform").endMetadata().build())
			.create();
		admin.rbac()
			.roles()
			.inNamespace(namespace)
			.resource(new RoleBuilder().withNewMetadata()
				.withName("config-maps")
				.endMetadata()
				.addNewRule()
				.withApiGroups("")
				.withResources("configmaps")
				.withVerbs("get", "list", "watch", "create", "patch", "delete")
				.endRule()
				.build())
			.create();
		admin.rbac()
			.roleBindings()
			.inNamespace(namespace)
			.resource(new RoleBindingBuilder().withNewMetadata()
				.withName("platform-config-maps")
				.endMetadata()
				.withNewRoleRef("rbac.authorization.k8s.io", "Role", "config-maps")
				.addNewSubject()
				.withKind("ServiceAccount")
				.withName("platform")
				.withNamespace(namespace)
				.endSubject()
				.build())
			.create();
		return admin.serviceAccounts()
			.inNamespace(namespace)
			.withName("platform")
			.tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(600L).endSpec().build())
			.getStatus()
			.getToken();
	}

	private static Config withToken(String token) {
		return new ConfigBuilder(LocalCluster.config()).withClientCertData(null)
			.withClientKeyData(null)
			.withOauthToken(token)
			.build();
	}

}
