package uk.gov.analyticalplatform.appdeploy.internal.apps;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.transaction.support.TransactionOperations;

import uk.gov.analyticalplatform.appdeploy.ImageResolution;
import uk.gov.analyticalplatform.appdeploy.AppDeployment;
import uk.gov.analyticalplatform.appdeploy.AppReleases;
import uk.gov.analyticalplatform.appdeploy.AppVersion;
import uk.gov.analyticalplatform.appdeploy.AppVersionNotFound;
import uk.gov.analyticalplatform.appdeploy.Caller;
import uk.gov.analyticalplatform.appdeploy.InvalidApp;
import uk.gov.analyticalplatform.appdeploy.internal.apps.AppRows.AppRow;
import uk.gov.analyticalplatform.appdeploy.internal.apps.VersionRows.VersionRow;
import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditLog;

/** Versions, deployments and rollbacks. */
public class ReleaseService implements AppReleases {

	/** A tag, or a sha256 digest, after the app's image repository. */
	private static final Pattern REFERENCE = Pattern
		.compile("(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[0-9a-f]{64})");

	private final AppDirectory directory;

	private final VersionRows versions;

	private final Rollouts rollouts;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final ImageDigests digests;

	ReleaseService(AppDirectory directory, VersionRows versions, Rollouts rollouts, AuditLog audit,
			TransactionOperations transactions, Clock clock, ImageDigests digests) {
		this.digests = digests;
		this.directory = directory;
		this.versions = versions;
		this.rollouts = rollouts;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public AppVersion register(Caller caller, String app, String image) {
		// ask the registry before the transaction: no row stays locked while it answers
		ImageResolution resolved = this.digests.resolve(reference(this.directory.manageable(caller, app), image));
		return this.transactions.execute((tx) -> {
			AppRow row = this.directory.lockManageable(caller, app);
			String reference = reference(row, resolved.image());
			Optional<VersionRow> newest = this.versions.newest(row.id());
			if (newest.isPresent() && newest.get().version().image().equals(reference)) {
				return newest.get().version();
			}
			int number = this.versions.insert(row.id(), resolved, this.clock.instant(), caller.username());
			this.audit.record(AuditEvent.of(caller.actor(), "app.version.registered", "app", app)
				.with("version", number)
				.with("image", reference)
				.with("requested", resolved.requested())
				.with("resolution", resolved.state().name())
				.with("reason", resolved.reason()));
			List<Integer> pruned = this.versions.prune(row.id(), this.directory.settings().versionsKept());
			if (!pruned.isEmpty()) {
				this.audit
					.record(AuditEvent.of(caller.actor(), "app.versions.pruned", "app", app).with("versions", pruned));
			}
			return this.versions.find(row.id(), number).orElseThrow().version();
		});
	}

	@Override
	public List<AppVersion> versions(Caller caller, String app) {
		return this.versions.of(this.directory.manageable(caller, app).id());
	}

	@Override
	public AppDeployment deploy(Caller caller, String app, int version) {
		return this.transactions.execute((tx) -> {
			AppRow row = this.directory.lockManageable(caller, app);
			VersionRow wanted = this.versions.find(row.id(), version)
				.orElseThrow(() -> new AppVersionNotFound(app, version));
			boolean rollback = row.deployedVersion() != null && version < row.deployedVersion();
			this.versions.deploy(row.id(), wanted, rollback, this.clock.instant(), caller.username());
			this.audit.record(AuditEvent
				.of(caller.actor(), rollback ? "app.version.rolled_back" : "app.version.deployed", "app", app)
				.with("version", version)
				.with("image", wanted.version().image())
				.with("previousVersion", row.deployedVersion()));
			this.rollouts.changed(app);
			return this.versions.history(row.id()).get(0);
		});
	}

	@Override
	public List<AppDeployment> history(Caller caller, String app) {
		return this.versions.history(this.directory.manageable(caller, app).id());
	}

	private static String reference(AppRow row, String image) {
		String given = (image != null) ? image.strip() : "";
		String prefix = row.imageRepository();
		if (!given.startsWith(prefix) || !REFERENCE.matcher(given.substring(prefix.length())).matches()) {
			throw new InvalidApp("image", "Enter an image of " + prefix + " with a tag or a sha256 digest, such as "
					+ prefix + ":v1 or " + prefix + "@sha256:<64 hex digits>");
		}
		return given;
	}

}
