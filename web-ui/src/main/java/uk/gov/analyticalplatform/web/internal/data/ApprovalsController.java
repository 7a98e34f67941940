package uk.gov.analyticalplatform.web.internal.data;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.analyticalplatform.dataaccess.AccessRequest;
import uk.gov.analyticalplatform.dataaccess.AccessRequests;
import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.DataAccessException;
import uk.gov.analyticalplatform.web.internal.support.FormErrors;

/**
 * The requests awaiting the signed-in user's decision, approved or rejected with a
 * reason. Who may decide is the module's call; a request someone else decided first is
 * reported in the error summary.
 */
@Controller
class ApprovalsController {

	private final AccessRequests requests;

	private final DataCallers callers;

	ApprovalsController(AccessRequests requests, DataCallers callers) {
		this.requests = requests;
		this.callers = callers;
	}

	@GetMapping("/data/approvals")
	String queue(Model model) {
		model.addAttribute("requests", this.requests.awaitingDecision(this.callers.current()));
		return "data/approvals";
	}

	@PostMapping("/data/approvals/{id}")
	String decide(@PathVariable UUID id, @RequestParam(defaultValue = "") String decision,
			@RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
		Caller caller = this.callers.current();
		FormErrors errors = new FormErrors();
		String field = "reason-" + id;
		errors.requireText(field, reason, "Enter a reason for your decision");
		if (!"approve".equals(decision) && !"reject".equals(decision)) {
			errors.add(field, "Choose approve or reject");
		}
		if (!errors.any()) {
			try {
				AccessRequest decided = "approve".equals(decision) ? this.requests.approve(caller, id, reason.strip())
						: this.requests.reject(caller, id, reason.strip());
				redirect.addFlashAttribute("done", ("approve".equals(decision) ? "Approved " : "Rejected ")
						+ decided.requester().username() + "'s request for " + decided.dataset().name());
				return "redirect:/data/approvals";
			}
			catch (DataAccessException ex) {
				// a request decided by someone else has left the queue: point at the
				// queue itself
				boolean stillQueued = this.requests.awaitingDecision(caller)
					.stream()
					.anyMatch((request) -> request.id().equals(id));
				errors.add(stillQueued ? field : "queue", ex.getMessage());
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("reasons", Map.of(id, reason));
		return queue(model);
	}

}
