package uk.gov.analyticalplatform.toollauncher.internal.manifests;

import org.junit.jupiter.api.Test;

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

}
