package uk.gov.analyticalplatform.web.internal.home;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import uk.gov.analyticalplatform.dataaccess.AccessRequest;
import uk.gov.analyticalplatform.dataaccess.AccessRequestState;
import uk.gov.analyticalplatform.dataaccess.AccessRequests;
import uk.gov.analyticalplatform.dataaccess.AccessStatus;
import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.web.SignInSessions;

/**
 * The home page: a dashboard of the signed-in user's data, their requests still waiting,
 * and the requests waiting for their decision.
 */
@Controller
class HomeController {

	private final SignInSessions sessions;

	private final AccessStatus status;

	private final AccessRequests requests;

	HomeController(SignInSessions sessions, AccessStatus status, AccessRequests requests) {
		this.sessions = sessions;
		this.status = status;
		this.requests = requests;
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
		return "home";
	}

}
