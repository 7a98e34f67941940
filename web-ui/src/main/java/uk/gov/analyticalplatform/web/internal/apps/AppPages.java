package uk.gov.analyticalplatform.web.internal.apps;

import java.util.function.Supplier;

import org.springframework.ui.Model;

import uk.gov.analyticalplatform.appdeploy.App;
import uk.gov.analyticalplatform.appdeploy.AppReleases;
import uk.gov.analyticalplatform.appdeploy.AppSettings;
import uk.gov.analyticalplatform.appdeploy.AppViewers;
import uk.gov.analyticalplatform.appdeploy.Apps;
import uk.gov.analyticalplatform.appdeploy.Caller;
import uk.gov.analyticalplatform.dataaccess.AccessRequests;
import uk.gov.analyticalplatform.dataaccess.AccessStatus;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.web.SignInSessions;

/** What the app pages share: the caller, and the app page's model. */
class AppPages {

	private final SignInSessions sessions;

	private final Apps apps;

	private final AppViewers viewers;

	private final AppReleases releases;

	private final AppSettings settings;

	private final Supplier<AccessStatus> access;

	private final Supplier<AccessRequests> requests;

	AppPages(SignInSessions sessions, Apps apps, AppViewers viewers, AppReleases releases, AppSettings settings,
			Supplier<AccessStatus> access, Supplier<AccessRequests> requests) {
		this.access = access;
		this.requests = requests;
		this.sessions = sessions;
		this.apps = apps;
		this.viewers = viewers;
		this.releases = releases;
		this.settings = settings;
	}

	Caller caller() {
		UserAccount user = this.sessions.current().orElseThrow().user();
		return new Caller(user.id().toString(), user.username(), user.isPlatformAdmin());
	}

	/** The caller as data access knows them. */
	static uk.gov.analyticalplatform.dataaccess.Caller dataCaller(Caller caller) {
		return new uk.gov.analyticalplatform.dataaccess.Caller(caller.userId(), caller.username(),
				caller.platformAdmin());
	}

	/** The app page, with everything an owner manages. */
	String show(String name, Model model) {
		Caller caller = caller();
		App app = this.apps.get(caller, name);
		model.addAttribute("app", app);
		model.addAttribute("viewers", this.viewers.list(caller, name));
		model.addAttribute("versions", this.releases.versions(caller, name));
		model.addAttribute("history", this.releases.history(caller, name));
		model.addAttribute("environment", this.settings.environment(caller, name));
		model.addAttribute("secretNames", this.settings.secretNames(caller, name));
		model.addAttribute("availability", app.availability());
		AccessStatus access = this.access.get();
		AccessRequests requests = this.requests.get();
		model.addAttribute("dataAccess", access != null);
		if (access != null && requests != null) {
			model.addAttribute("appRoleArn", access.appRoleArn(name));
			model.addAttribute("appGrants", access.appGrants(name));
			model.addAttribute("appRequests",
					requests.mine(dataCaller(caller))
						.stream()
						.filter((request) -> name.equals(request.app()))
						.toList());
		}
		return "apps/app";
	}

}
