package uk.gov.analyticalplatform.appdeploy.internal.apps;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.transaction.support.TransactionOperations;

import uk.gov.analyticalplatform.appdeploy.App;
import uk.gov.analyticalplatform.appdeploy.AppChange;
import uk.gov.analyticalplatform.appdeploy.AppOwner;
import uk.gov.analyticalplatform.appdeploy.AppPermissionDenied;
import uk.gov.analyticalplatform.appdeploy.Apps;
import uk.gov.analyticalplatform.appdeploy.Availability;
import uk.gov.analyticalplatform.appdeploy.Caller;
import uk.gov.analyticalplatform.appdeploy.DuplicateApp;
import uk.gov.analyticalplatform.appdeploy.InvalidApp;
import uk.gov.analyticalplatform.appdeploy.LastOwnerRemovalRefused;
import uk.gov.analyticalplatform.appdeploy.NewApp;
import uk.gov.analyticalplatform.appdeploy.internal.apps.AppRows.AppRow;
import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.dataaccess.AppOwnerAdded;
import uk.gov.analyticalplatform.dataaccess.UserRef;

/** Apps and their owners. */
public class AppService implements Apps {

	static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,38}[a-z0-9]");

	static final Pattern REPOSITORY = Pattern.compile("https://github\\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

	static final Pattern IMAGE_REPOSITORY = Pattern
		.compile("[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-][a-z0-9]+)*)+");

	/** Names the control panel's own pages use. */
	static final java.util.Set<String> RESERVED = java.util.Set.of("new", "notice");

	private final AppRows apps;

	private final AppDirectory directory;

	private final Rollouts rollouts;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final Function<String, List<String>> grantedDatasets;

	private final Consumer<AppOwnerAdded> ownerAdded;

	/**
	 * @param grantedDatasets the datasets an app holds grants on (data access's answer;
	 * none where data access is not deployed)
	 * @param ownerAdded tells data access of a new owner, in the transaction that adds
	 * them (nobody where data access is not deployed)
	 */
	AppService(AppRows apps, AppDirectory directory, Rollouts rollouts, AuditLog audit,
			TransactionOperations transactions, Clock clock, Function<String, List<String>> grantedDatasets,
			Consumer<AppOwnerAdded> ownerAdded) {
		this.grantedDatasets = grantedDatasets;
		this.ownerAdded = ownerAdded;
		this.apps = apps;
		this.directory = directory;
		this.rollouts = rollouts;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public App register(Caller caller, NewApp app) {
		NewApp valid = new NewApp(
				check("name", app.name(), NAME,
						"3 to 40 lower-case letters, digits and hyphens, "
								+ "starting with a letter and not ending with a hyphen"),
				(app.description() != null) ? app.description().strip() : "",
				check("repositoryUrl", app.repositoryUrl(), REPOSITORY, "https://github.com/<owner>/<repository>"),
				check("imageRepository", app.imageRepository(), IMAGE_REPOSITORY,
						"an image repository such as ghcr.io/<owner>/<image>, without a tag"));
		if (RESERVED.contains(valid.name())) {
			throw new InvalidApp("name", "'" + valid.name() + "' is reserved: choose another name");
		}
		return this.transactions.execute((tx) -> {
			if (this.apps.nameTaken(valid.name())) {
				throw new DuplicateApp(valid.name());
			}
			UUID id = UUID.randomUUID();
			this.apps.insert(id, valid, this.clock.instant(), caller.username());
			this.apps.addOwner(id, caller.asOwner(), this.clock.instant(), caller.username());
			this.audit.record(AuditEvent.of(caller.actor(), "app.registered", "app", valid.name())
				.with("repositoryUrl", valid.repositoryUrl())
				.with("imageRepository", valid.imageRepository()));
			this.rollouts.changed(valid.name());
			return this.directory.present(this.apps.find(valid.name()).orElseThrow());
		});
	}

	@Override
	public App get(Caller caller, String name) {
		return this.directory.present(this.directory.manageable(caller, name));
	}

	@Override
	public List<App> mine(Caller caller) {
		return this.apps.ownedBy(caller.userId()).stream().map(this.directory::present).toList();
	}

	@Override
	public Map<String, Long> countByState() {
		Map<String, Long> counts = new TreeMap<>();
		this.rollouts.rows().countByState().forEach((state, n) -> counts.put(state.name(), n));
		return counts;
	}

	@Override
	public List<App> all(Caller caller) {
		if (!caller.platformAdmin()) {
			throw new AppPermissionDenied("Only platform admins may list every app");
		}
		return this.apps.all().stream().map(this.directory::present).toList();
	}

	@Override
	public App update(Caller caller, String name, AppChange change) {
		return this.transactions.execute((tx) -> {
			AppRow row = this.directory.lockManageable(caller, name);
			String description = (change.description() != null) ? change.description().strip() : row.description();
			String repository = (change.repositoryUrl() != null) ? check("repositoryUrl", change.repositoryUrl(),
					REPOSITORY, "https://github.com/<owner>/<repository>") : row.repositoryUrl();
			String images = (change.imageRepository() != null) ? check("imageRepository", change.imageRepository(),
					IMAGE_REPOSITORY, "an image repository such as ghcr.io/<owner>/<image>") : row.imageRepository();
			this.apps.update(row.id(), description, repository, images);
			this.audit.record(AuditEvent.of(caller.actor(), "app.updated", "app", name)
				.change(java.util.Map.of("repositoryUrl", row.repositoryUrl(), "imageRepository",
						row.imageRepository()),
						java.util.Map.of("repositoryUrl", repository, "imageRepository", images)));
			return this.directory.present(this.apps.find(name).orElseThrow());
		});
	}

	@Override
	public void delete(Caller caller, String name) {
		this.transactions.executeWithoutResult((tx) -> {
			AppRow row = this.directory.lockManageable(caller, name);
			this.apps.delete(row.id());
			this.audit.record(AuditEvent.of(caller.actor(), "app.deleted", "app", name));
			this.rollouts.changed(name);
		});
	}

	@Override
	public App addOwner(Caller caller, String name, AppOwner owner) {
		return this.transactions.execute((tx) -> {
			AppRow row = this.directory.lockManageable(caller, name);
			Instant now = this.clock.instant();
			if (this.apps.addOwner(row.id(), owner, now, caller.username())) {
				// a new owner deploys code that runs with the app's role: the event
				// names the data they now reach, which no data admin reviewed for them,
				// and data access tells those data admins
				this.audit.record(AuditEvent.of(caller.actor(), "app.owner.added", "app", name)
					.with("userId", owner.userId())
					.with("username", owner.username())
					.with("datasetsReached", this.grantedDatasets.apply(name)));
				this.ownerAdded.accept(new AppOwnerAdded(name, new UserRef(owner.userId(), owner.username()),
						new UserRef(caller.userId(), caller.username()), now));
			}
			return this.directory.present(row);
		});
	}

	@Override
	public App removeOwner(Caller caller, String name, String userId) {
		return this.transactions.execute((tx) -> {
			AppRow row = this.directory.lockManageable(caller, name);
			List<AppOwner> owners = this.apps.owners(row.id());
			if (owners.stream().noneMatch((owner) -> owner.userId().equals(userId))) {
				return this.directory.present(row);
			}
			if (owners.size() == 1) {
				throw new LastOwnerRemovalRefused(name);
			}
			this.apps.removeOwner(row.id(), userId);
			this.audit.record(AuditEvent.of(caller.actor(), "app.owner.removed", "app", name).with("userId", userId));
			return this.directory.present(row);
		});
	}

	@Override
	public Availability availability() {
		return this.directory.settings().availability();
	}

	static String check(String field, String value, Pattern pattern, String expected) {
		String trimmed = (value != null) ? value.strip() : "";
		if (!pattern.matcher(trimmed).matches()) {
			throw new InvalidApp(field, "Enter " + expected + (trimmed.isEmpty() ? "" : ", not '" + trimmed + "'"));
		}
		return trimmed;
	}

}
