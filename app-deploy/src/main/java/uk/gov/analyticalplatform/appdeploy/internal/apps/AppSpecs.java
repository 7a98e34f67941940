package uk.gov.analyticalplatform.appdeploy.internal.apps;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.appdeploy.internal.apps.AppRows.AppRow;

/** Reads what Kubernetes should run for an app, secrets opened, for the reconciler. */
public class AppSpecs {

	private final AppRows apps;

	private final SettingRows settings;

	private final SecretSeal seal;

	private final JdbcClient jdbc;

	public AppSpecs(JdbcClient jdbc, SecretSeal seal) {
		this.jdbc = jdbc;
		this.apps = new AppRows(jdbc);
		this.settings = new SettingRows(jdbc);
		this.seal = seal;
	}

	/** The app's desired state, or empty when there is no such app (any more). */
	public Optional<AppSpec> desired(String name) {
		return this.apps.find(name).map(this::spec);
	}

	private AppSpec spec(AppRow row) {
		String image = (row.deployedVersion() != null)
				? this.jdbc.sql("SELECT image FROM app_versions WHERE app_id = ? AND number = ?")
					.params(row.id(), row.deployedVersion())
					.query(String.class)
					.single()
				: null;
		Map<String, String> secrets = new LinkedHashMap<>();
		this.settings.secrets(row.id())
			.forEach((name, sealed) -> secrets.put(name, this.seal.open(row.id(), name, sealed)));
		return new AppSpec(row.id(), row.name(), row.deployedVersion(), image, this.settings.environment(row.id()),
				secrets);
	}

}
