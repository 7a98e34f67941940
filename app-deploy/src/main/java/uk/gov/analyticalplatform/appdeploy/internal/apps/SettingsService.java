package uk.gov.analyticalplatform.appdeploy.internal.apps;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.transaction.support.TransactionOperations;

import uk.gov.analyticalplatform.appdeploy.AppSettings;
import uk.gov.analyticalplatform.appdeploy.Caller;
import uk.gov.analyticalplatform.appdeploy.InvalidApp;
import uk.gov.analyticalplatform.appdeploy.internal.apps.AppRows.AppRow;
import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditLog;

/**
 * Environment variables and write-only secrets: a secret is sealed before it is stored
 * and its value is never returned nor audited.
 */
public class SettingsService implements AppSettings {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

	private static final int MAX_VALUE = 4096;

	private final AppDirectory directory;

	private final SettingRows settings;

	private final SecretSeal seal;

	private final Rollouts rollouts;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final Clock clock;

	SettingsService(AppDirectory directory, SettingRows settings, SecretSeal seal, Rollouts rollouts, AuditLog audit,
			TransactionOperations transactions, Clock clock) {
		this.directory = directory;
		this.settings = settings;
		this.seal = seal;
		this.rollouts = rollouts;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public Map<String, String> environment(Caller caller, String app) {
		return this.settings.environment(this.directory.manageable(caller, app).id());
	}

	@Override
	public Map<String, String> setVariable(Caller caller, String app, String name, String value) {
		String variable = name(name);
		return this.transactions.execute((tx) -> {
			AppRow row = this.directory.lockManageable(caller, app);
			if (value == null) {
				if (this.settings.removeVariable(row.id(), variable)) {
					this.audit
						.record(AuditEvent.of(caller.actor(), "app.env.removed", "app", app).with("name", variable));
					this.rollouts.changed(app);
				}
			}
			else {
				if (this.settings.secretNames(row.id()).contains(variable)) {
					throw new InvalidApp("name", "'" + variable + "' is the name of a secret of this app");
				}
				this.settings.setVariable(row.id(), variable, value(value));
				this.audit.record(AuditEvent.of(caller.actor(), "app.env.set", "app", app)
					.with("name", variable)
					.with("value", value));
				this.rollouts.changed(app);
			}
			return this.settings.environment(row.id());
		});
	}

	@Override
	public List<String> secretNames(Caller caller, String app) {
		return this.settings.secretNames(this.directory.manageable(caller, app).id());
	}

	@Override
	public List<String> setSecret(Caller caller, String app, String name, String value) {
		String secret = name(name);
		String plain = value(value);
		if (plain.isEmpty()) {
			throw new InvalidApp("value", "Enter the secret's value");
		}
		return this.transactions.execute((tx) -> {
			AppRow row = this.directory.lockManageable(caller, app);
			if (this.settings.environment(row.id()).containsKey(secret)) {
				throw new InvalidApp("name", "'" + secret + "' is the name of an environment variable of this app");
			}
			this.settings.setSecret(row.id(), secret, this.seal.seal(row.id(), secret, plain), this.clock.instant(),
					caller.username());
			this.audit.record(AuditEvent.of(caller.actor(), "app.secret.set", "app", app).with("name", secret));
			this.rollouts.changed(app);
			return this.settings.secretNames(row.id());
		});
	}

	@Override
	public List<String> removeSecret(Caller caller, String app, String name) {
		return this.transactions.execute((tx) -> {
			AppRow row = this.directory.lockManageable(caller, app);
			if (name != null && this.settings.removeSecret(row.id(), name)) {
				this.audit.record(AuditEvent.of(caller.actor(), "app.secret.removed", "app", app).with("name", name));
				this.rollouts.changed(app);
			}
			return this.settings.secretNames(row.id());
		});
	}

	private static String name(String name) {
		String trimmed = (name != null) ? name.strip() : "";
		if (!NAME.matcher(trimmed).matches()) {
			throw new InvalidApp("name",
					"Enter a name of letters, digits and underscores, not starting with a digit, such as API_URL");
		}
		return trimmed;
	}

	private static String value(String value) {
		if (value == null || value.length() > MAX_VALUE) {
			throw new InvalidApp("value", "Enter a value of at most " + MAX_VALUE + " characters");
		}
		return value;
	}

}
