package uk.gov.analyticalplatform.appdeploy;

import java.util.List;
import java.util.Map;

/**
 * An app's environment variables and secrets. Secrets are write-only: stored encrypted,
 * delivered to the app as a Kubernetes Secret, and never returned or shown again; audit
 * events name them, never their values. A change restarts the app with the new settings.
 */
public interface AppSettings {

	/**
	 * @throws AppNotFound if there is none the caller may see
	 */
	Map<String, String> environment(Caller caller, String app);

	/**
	 * Sets (or with a {@code null} value, removes) one environment variable.
	 * @throws AppNotFound if there is none the caller may see
	 * @throws InvalidApp if the name or value is malformed, or the name is a secret's
	 */
	Map<String, String> setVariable(Caller caller, String app, String name, String value);

	/** The names of the app's secrets, never their values. */
	List<String> secretNames(Caller caller, String app);

	/**
	 * Sets a secret.
	 * @throws AppNotFound if there is none the caller may see
	 * @throws InvalidApp if the name or value is malformed, or the name is a variable's
	 */
	List<String> setSecret(Caller caller, String app, String name, String value);

	/** Removes a secret (idempotent). */
	List<String> removeSecret(Caller caller, String app, String name);

}
