package uk.gov.analyticalplatform.toollauncher.internal.manifests;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.dataaccess.WorkloadIdentities;

import static org.assertj.core.api.Assertions.assertThat;

class UserNamespacesTests {

	@Test
	void aUsernameThatIsADnsLabelIsUsedAsItIs() {
		assertThat(UserNamespaces.namespace("alice")).isEqualTo("user-alice");
		assertThat(UserNamespaces.hostLabel("alice-smith", "rstudio")).isEqualTo("alice-smith-rstudio");
	}

	@Test
	void anyOtherUsernameIsCleanedAndGivenAHashOfItself() {
		String name = UserNamespaces.safeName("Jane.Doe@Example.org");

		assertThat(name).matches("jane-doe-example-org-[0-9a-f]{8}");
		assertThat(UserNamespaces.safeName("Jane.Doe@Example.org")).isEqualTo(name);
	}

	@Test
	void usernamesThatCleanToTheSameTextStillGetDifferentNames() {
		assertThat(UserNamespaces.safeName("Jane.Doe")).isNotEqualTo(UserNamespaces.safeName("jane_doe"))
			.isNotEqualTo("jane-doe");
	}

	@Test
	void everyNameFitsANamespaceAndAHostLabel() {
		String[] usernames = { "a".repeat(200), "___", "Ünïcödé", "x-".repeat(40), "-leading" };
		for (String username : usernames) {
			assertThat(UserNamespaces.namespace(username)).matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
			assertThat(UserNamespaces.hostLabel(username, "jupyterlab")).matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
		}
	}

	@Test
	void theServiceAccountCreatedForAnAwkwardUsernameIsTheSubjectTheirIamRoleTrusts() {
		String[] usernames = { "Jane.Doe@Example.org", "jane_doe", "JANE", "j.doe", "alice", "x".repeat(70) };
		for (String username : usernames) {
			ServiceAccount account = ToolManifests.serviceAccount(
					new DesiredUser("u-1", UserNamespaces.namespace(username), null), ToolManifestsTests.SETTINGS);
			String created = "system:serviceaccount:" + account.getMetadata().getNamespace() + ":"
					+ account.getMetadata().getName();
			assertThat(created)
				.isEqualTo(WorkloadIdentities.userSubject(username, ToolManifestsTests.SETTINGS.serviceAccount()));
			assertThat(account.getMetadata().getNamespace()).matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
		}
	}

}
