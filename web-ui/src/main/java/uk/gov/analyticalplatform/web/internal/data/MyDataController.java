package uk.gov.analyticalplatform.web.internal.data;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.analyticalplatform.dataaccess.AccessRequest;
import uk.gov.analyticalplatform.dataaccess.AccessRequestState;
import uk.gov.analyticalplatform.dataaccess.AccessRequests;
import uk.gov.analyticalplatform.dataaccess.AccessStatus;
import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.RequestAlreadyDecided;
import uk.gov.analyticalplatform.dataaccess.UserAccess;
import uk.gov.analyticalplatform.web.internal.support.Confirmation;

/** My data (what I can use and what AWS allows me) and my access requests. */
@Controller
class MyDataController {

	private final AccessStatus status;

	private final AccessRequests requests;

	private final DataCallers callers;

	MyDataController(AccessStatus status, AccessRequests requests, DataCallers callers) {
		this.status = status;
		this.requests = requests;
		this.callers = callers;
	}

	@GetMapping("/data")
	String myData(Model model) {
		UserAccess access = this.status.of(this.callers.current().asUser());
		model.addAttribute("access", access);
		model.addAttribute("allowed", AllowedActions.of(access.applied()));
		model.addAttribute("pending",
				this.requests.mine(this.callers.current())
					.stream()
					.filter((request) -> request.state() == AccessRequestState.PENDING)
					.toList());
		return "data/my-data";
	}

	@GetMapping("/data/requests")
	String myRequests(Model model) {
		model.addAttribute("requests", this.requests.mine(this.callers.current()));
		return "data/requests";
	}

	/** Asks before withdrawing: the data admins stop seeing the request at once. */
	@GetMapping("/data/requests/{id}/withdraw")
	String confirmWithdrawal(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
		AccessRequest request = this.requests.mine(this.callers.current())
			.stream()
			.filter((mine) -> mine.id().equals(id) && mine.state() == AccessRequestState.PENDING)
			.findFirst()
			.orElse(null);
		if (request == null) {
			redirect.addFlashAttribute("failure", "That request is no longer waiting for a decision");
			return "redirect:/data/requests";
		}
		return new Confirmation("Withdraw your request for " + request.dataset().name() + "?",
				"The data admins will no longer see it. To ask for access again you will need to make a new request.",
				"/data/requests/" + id + "/withdraw", Map.of(), "Withdraw request", true, "/data/requests")
			.show(model);
	}

	@PostMapping("/data/requests/{id}/withdraw")
	String withdraw(@PathVariable UUID id, RedirectAttributes redirect) {
		Caller caller = this.callers.current();
		try {
			this.requests.withdraw(caller, id, "Withdrawn by the requester");
			redirect.addFlashAttribute("done", "You withdrew your request");
		}
		catch (RequestAlreadyDecided ex) {
			redirect.addFlashAttribute("failure", ex.getMessage());
		}
		return "redirect:/data/requests";
	}

}
