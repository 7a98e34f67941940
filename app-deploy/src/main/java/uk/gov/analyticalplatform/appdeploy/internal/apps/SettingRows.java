package uk.gov.analyticalplatform.appdeploy.internal.apps;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.identity.SealingKeys.Sealed;

/** The {@code app_env} and {@code app_secrets} tables; secrets only ever sealed. */
class SettingRows {

	private final JdbcClient jdbc;

	SettingRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<String, String> environment(UUID appId) {
		Map<String, String> env = new LinkedHashMap<>();
		this.jdbc.sql("SELECT name, value FROM app_env WHERE app_id = ? ORDER BY name").param(appId).query((rs) -> {
			env.put(rs.getString("name"), rs.getString("value"));
		});
		return env;
	}

	void setVariable(UUID appId, String name, String value) {
		this.jdbc
			.sql("INSERT INTO app_env (app_id, name, value) VALUES (?, ?, ?) "
					+ "ON CONFLICT (app_id, name) DO UPDATE SET value = EXCLUDED.value")
			.params(appId, name, value)
			.update();
	}

	boolean removeVariable(UUID appId, String name) {
		return this.jdbc.sql("DELETE FROM app_env WHERE app_id = ? AND name = ?").params(appId, name).update() > 0;
	}

	List<String> secretNames(UUID appId) {
		return this.jdbc.sql("SELECT name FROM app_secrets WHERE app_id = ? ORDER BY name")
			.param(appId)
			.query(String.class)
			.list();
	}

	Map<String, Sealed> secrets(UUID appId) {
		Map<String, Sealed> secrets = new LinkedHashMap<>();
		this.jdbc.sql("SELECT name, key_id, nonce, ciphertext FROM app_secrets WHERE app_id = ? ORDER BY name")
			.param(appId)
			.query((rs) -> {
				secrets.put(rs.getString("name"),
						new Sealed(rs.getString("key_id"), rs.getBytes("nonce"), rs.getBytes("ciphertext")));
			});
		return secrets;
	}

	void setSecret(UUID appId, String name, Sealed sealed, Instant now, String by) {
		this.jdbc
			.sql("INSERT INTO app_secrets (app_id, name, key_id, nonce, ciphertext, updated_at, updated_by) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (app_id, name) DO UPDATE SET key_id = EXCLUDED.key_id, "
					+ "nonce = EXCLUDED.nonce, ciphertext = EXCLUDED.ciphertext, updated_at = EXCLUDED.updated_at, "
					+ "updated_by = EXCLUDED.updated_by")
			.params(appId, name, sealed.keyId(), sealed.nonce(), sealed.ciphertext(), Timestamp.from(now), by)
			.update();
	}

	boolean removeSecret(UUID appId, String name) {
		return this.jdbc.sql("DELETE FROM app_secrets WHERE app_id = ? AND name = ?").params(appId, name).update() > 0;
	}

}
