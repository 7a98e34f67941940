package uk.gov.analyticalplatform.appdeploy.internal.apps;

import java.util.Map;
import java.util.UUID;

/**
 * What Kubernetes should run for one app, as its owners want it now.
 *
 * @param id the app's id
 * @param name its name
 * @param version the number of the version to run, or {@code null} for none yet
 * @param image that version's image, or {@code null}
 * @param environment its environment variables
 * @param secrets its secrets, in the clear: only for the Kubernetes Secret
 */
public record AppSpec(UUID id, String name, Integer version, String image, Map<String, String> environment,
		Map<String, String> secrets) {

	public AppSpec {
		environment = Map.copyOf(environment);
		secrets = Map.copyOf(secrets);
	}

	@Override
	public String toString() {
		return "AppSpec[" + this.name + " version " + this.version + " " + this.image + ", secrets "
				+ this.secrets.keySet() + "]";
	}

}
