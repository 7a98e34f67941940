package uk.gov.analyticalplatform.web.internal.home;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import uk.gov.analyticalplatform.appdeploy.App;
import uk.gov.analyticalplatform.appdeploy.Apps;
import uk.gov.analyticalplatform.appdeploy.ViewableApps;
import uk.gov.analyticalplatform.dataaccess.AccessRequest;
import uk.gov.analyticalplatform.dataaccess.AccessRequestState;
import uk.gov.analyticalplatform.dataaccess.AccessRequests;
import uk.gov.analyticalplatform.dataaccess.AccessStatus;
import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.toollauncher.ToolInstances;
import uk.gov.analyticalplatform.web.SignInSessions;
import uk.gov.analyticalplatform.web.internal.tools.ToolUsers;

/**
 * The home page: a dashboard of the signed-in user's tools, data, apps (owned or shared
 * with them), their requests still waiting, and the requests waiting for their decision.
 */
@Controller
class HomeController {

	private final SignInSessions sessions;

	private final AccessStatus status;

	private final AccessRequests requests;

	private final ToolUsers toolUsers;

	private final ToolInstances tools;

	private final Apps apps;

	private final ViewableApps viewable;

	HomeController(SignInSessions sessions, AccessStatus status, AccessRequests requests, ToolUsers toolUsers,
			ToolInstances tools, Apps apps, ViewableApps viewable) {
		this.sessions = sessions;
		this.status = status;
		this.requests = requests;
		this.toolUsers = toolUsers;
		this.tools = tools;
		this.apps = apps;
		this.viewable = viewable;
	}

	@GetMapping("/")
	String home(Model model) {
		UserAccount user = this.sessions.current().orElseThrow().user();
		Caller caller = new Caller(user.id().toString(), user.username(), user.isPlatformAdmin());
		List<AccessRequest> pending = this.requests.mine(caller)
			.stream()
			.filter((request) -> request.state() == AccessRequestState.PENDING)
			.toList();
		model.addAttribute("datasets", this.status.of(caller.asUser()).datasets());
		model.addAttribute("pending", pending);
		model.addAttribute("awaiting", this.requests.awaitingDecision(caller));
		model.addAttribute("tools", this.tools.mine(this.toolUsers.current()));
		List<App> owned = this.apps
			.mine(uk.gov.analyticalplatform.appdeploy.Caller.user(caller.userId(), caller.username()));
		Set<String> ownedNames = owned.stream().map(App::name).collect(Collectors.toSet());
		model.addAttribute("ownedApps", owned);
		model.addAttribute("viewableApps",
				this.viewable.viewableBy(user.email())
					.stream()
					.filter((app) -> !ownedNames.contains(app.name()))
					.toList());
		return "home";
	}

}
