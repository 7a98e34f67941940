package uk.gov.analyticalplatform.kubernetes.internal;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.kubernetes.Owner;

import static org.assertj.core.api.Assertions.assertThat;

class RecreationTests {

	static final Owner OWNER = Owner.of("analytical-platform.uk/tool-instance", "42");

	/** What the API server answers for a Service's cluster IP made headless. */
	static final Status CLUSTER_IP = refusal(422, "Invalid", "Invalid value: [\"None\"]: may not change once set");

	@Test
	void anOwnedServiceRefusedOnlyForAFieldThatCannotChangeIsRecreated() {
		assertThat(Recreation.candidate(service(), CLUSTER_IP)).isTrue();
		assertThat(Recreation.candidate(service(), refusal(422, "Invalid", "Invalid value: \"x\": field is immutable")))
			.isTrue();
		assertThat(Recreation.allowed(owned(service()), OWNER)).isTrue();
	}

	@Test
	void kindsThatHoldDataOrGuardSomethingAreNeverRecreated() {
		Status immutable = refusal(422, "Invalid",
				"spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims");
		HasMetadata claim = new PersistentVolumeClaimBuilder().withNewMetadata()
			.withName("home")
			.withNamespace("user-ada")
			.endMetadata()
			.build();
		HasMetadata deployment = new DeploymentBuilder().withNewMetadata()
			.withName("jupyterlab")
			.withNamespace("user-ada")
			.endMetadata()
			.build();
		HasMetadata policy = new NetworkPolicyBuilder().withNewMetadata()
			.withName("deny")
			.withNamespace("user-ada")
			.endMetadata()
			.build();

		assertThat(Recreation.candidate(claim, immutable)).isFalse();
		assertThat(Recreation.candidate(deployment, immutable)).isFalse();
		assertThat(Recreation.candidate(policy, immutable)).isFalse();
	}

	@Test
	void aServiceAlsoInvalidInAnotherWayIsKeptAsItIs() {
		Status mixed = new StatusBuilder(CLUSTER_IP).editDetails()
			.addNewCause()
			.withReason("FieldValueInvalid")
			.withMessage("Invalid value: 70000: must be between 1 and 65535, inclusive")
			.endCause()
			.endDetails()
			.build();

		assertThat(Recreation.candidate(service(), mixed)).isFalse();
		assertThat(Recreation.candidate(service(),
				refusal(422, "Invalid", "Invalid value: 70000: must be between 1 and 65535, inclusive")))
			.isFalse();
		assertThat(Recreation.candidate(service(),
				new StatusBuilder(CLUSTER_IP).editDetails().withCauses().endDetails().build()))
			.isFalse();
	}

	@Test
	void onlyAnInvalidRefusalCounts() {
		assertThat(Recreation.candidate(service(),
				refusal(409, "Conflict", "the object has been modified; field is immutable")))
			.isFalse();
		assertThat(Recreation.candidate(service(), refusal(400, "BadRequest", "field is immutable"))).isFalse();
		assertThat(Recreation.candidate(service(), null)).isFalse();
	}

	@Test
	void aServiceThatIsNotTheOwnersOrIsAlreadyGoingIsLeftAlone() {
		HasMetadata others = service();
		others.getMetadata().setUid("uid-1");
		others.getMetadata().setLabels(Owner.of("analytical-platform.uk/tool-instance", "43").selector());
		HasMetadata going = owned(service());
		going.getMetadata().setDeletionTimestamp("2026-12-07T05:00:00Z");
		HasMetadata unread = owned(service());
		unread.getMetadata().setUid(null);

		assertThat(Recreation.allowed(others, OWNER)).isFalse();
		assertThat(Recreation.allowed(service(), OWNER)).isFalse();
		assertThat(Recreation.allowed(going, OWNER)).isFalse();
		assertThat(Recreation.allowed(unread, OWNER)).isFalse();
		assertThat(Recreation.allowed(null, OWNER)).isFalse();
	}

	@Test
	void theDeleteGoesToTheObjectsOwnPath() {
		assertThat(Fabric8Objects.path(service())).isEqualTo("/api/v1/namespaces/user-ada/services/jupyterlab");
		assertThat(Fabric8Objects.path(
				new DeploymentBuilder().withNewMetadata().withName("web").withNamespace("app-x").endMetadata().build()))
			.isEqualTo("/apis/apps/v1/namespaces/app-x/deployments/web");
	}

	static HasMetadata service() {
		return new ServiceBuilder().withNewMetadata()
			.withName("jupyterlab")
			.withNamespace("user-ada")
			.endMetadata()
			.build();
	}

	static HasMetadata owned(HasMetadata object) {
		object.getMetadata().setUid("uid-1");
		object.getMetadata().setLabels(OWNER.selector());
		return object;
	}

	static Status refusal(int code, String reason, String cause) {
		return new StatusBuilder().withCode(code)
			.withReason(reason)
			.withNewDetails()
			.addNewCause()
			.withReason("FieldValueInvalid")
			.withMessage(cause)
			.endCause()
			.endDetails()
			.build();
	}

}
