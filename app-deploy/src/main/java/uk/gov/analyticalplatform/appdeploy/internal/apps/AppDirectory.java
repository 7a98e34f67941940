package uk.gov.analyticalplatform.appdeploy.internal.apps;

import java.util.Optional;

import uk.gov.analyticalplatform.appdeploy.App;
import uk.gov.analyticalplatform.appdeploy.AppNotFound;
import uk.gov.analyticalplatform.appdeploy.Availability;
import uk.gov.analyticalplatform.appdeploy.Caller;
import uk.gov.analyticalplatform.appdeploy.internal.apps.AppRows.AppRow;

/**
 * Finds the apps a caller may manage (owners and platform admins; to anyone else an app
 * does not exist) and presents them.
 */
class AppDirectory {

	private final AppRows apps;

	private final Rollouts rollouts;

	private final Settings settings;

	AppDirectory(AppRows apps, Rollouts rollouts, Settings settings) {
		this.apps = apps;
		this.rollouts = rollouts;
		this.settings = settings;
	}

	/**
	 * What the services need from {@code platform.apps.*}.
	 *
	 * @param maxViewers the most viewers an app may have
	 * @param versionsKept how many versions are kept
	 * @param domain apps are served at {@code <name>.<domain>}
	 * @param availability the notice
	 */
	record Settings(int maxViewers, int versionsKept, String domain, Availability availability) {

	}

	Settings settings() {
		return this.settings;
	}

	/** The app, if the caller may manage it. */
	AppRow manageable(Caller caller, String name) {
		return visible(caller, this.apps.find(name), name);
	}

	/** The app, locked until the transaction ends, if the caller may manage it. */
	AppRow lockManageable(Caller caller, String name) {
		return visible(caller, this.apps.lock(name), name);
	}

	App present(AppRow row) {
		return new App(row.id(), row.name(), row.description(), row.repositoryUrl(), row.imageRepository(),
				"https://" + row.name() + "." + this.settings.domain() + "/", this.apps.owners(row.id()),
				row.deployedVersion(), this.rollouts.status(row.name()), row.viewers(), this.settings.maxViewers(),
				this.settings.availability(), row.createdAt());
	}

	private AppRow visible(Caller caller, Optional<AppRow> found, String name) {
		AppRow row = found.orElseThrow(() -> new AppNotFound(name));
		if (!caller.platformAdmin() && !this.apps.isOwner(row.id(), caller.userId())) {
			throw new AppNotFound(name);
		}
		return row;
	}

}
