package uk.gov.analyticalplatform.web.internal.data;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.Classification;
import uk.gov.analyticalplatform.dataaccess.DataAccessException;
import uk.gov.analyticalplatform.dataaccess.DataFlows;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetCatalog;
import uk.gov.analyticalplatform.dataaccess.DatasetKind;
import uk.gov.analyticalplatform.dataaccess.DatasetProposal;
import uk.gov.analyticalplatform.dataaccess.DatasetProposals;
import uk.gov.analyticalplatform.dataaccess.DatasetUploads;
import uk.gov.analyticalplatform.dataaccess.DatasetVersion;
import uk.gov.analyticalplatform.dataaccess.FlowFilter;
import uk.gov.analyticalplatform.dataaccess.Groups;
import uk.gov.analyticalplatform.dataaccess.NewDatasetProposal;
import uk.gov.analyticalplatform.dataaccess.RetentionAction;
import uk.gov.analyticalplatform.web.PageConnections;
import uk.gov.analyticalplatform.web.internal.support.FormErrors;

/**
 * Data in, in the control panel: propose a dataset, the proposals awaiting a decision
 * (and retention notices), upload files into a dataset with a progress bar (the page's
 * script sends the parts through the API, or straight to S3 where the bucket allows it),
 * seal a version, and who used a dataset.
 */
@Controller
class DataInPagesController {

	private final DatasetProposals proposals;

	private final DatasetUploads uploads;

	private final DataFlows flows;

	private final DatasetCatalog catalog;

	private final Groups groups;

	private final DataCallers callers;

	DataInPagesController(DatasetProposals proposals, DatasetUploads uploads, DataFlows flows, DatasetCatalog catalog,
			Groups groups, DataCallers callers) {
		this.proposals = proposals;
		this.uploads = uploads;
		this.flows = flows;
		this.catalog = catalog;
		this.groups = groups;
		this.callers = callers;
	}

	@GetMapping("/data/proposals")
	String proposals(Model model) {
		Caller caller = this.callers.current();
		model.addAttribute("mine", this.proposals.mine(caller));
		model.addAttribute("awaiting", this.proposals.awaitingDecision(caller));
		model.addAttribute("notices", this.proposals.retentionNotices(caller));
		model.addAttribute("groups", this.groups.list());
		model.addAttribute("form", java.util.Map.of());
		return "data/proposals";
	}

	/** Only the proposals awaiting the caller's decision, for those who decide them. */
	@GetMapping("/data/proposals/awaiting")
	String awaitingDecision(Model model) {
		Caller caller = this.callers.current();
		model.addAttribute("awaiting", this.proposals.awaitingDecision(caller));
		model.addAttribute("awaitingOnly", true);
		return "data/proposals";
	}

	@PostMapping("/data/proposals")
	String propose(@RequestParam java.util.Map<String, String> form, Model model, RedirectAttributes redirect) {
		FormErrors errors = new FormErrors();
		errors.requireText("name", form.get("name"), "Enter a name for the dataset");
		errors.requireText("purpose", form.get("purpose"), "Enter the purpose the data is for");
		errors.requireText("legalBasis", form.get("legalBasis"), "Enter the legal basis or DPIA reference");
		errors.requireText("owner", form.get("owner"), "Choose the team that owns it");
		int days = 0;
		try {
			days = Integer.parseInt(form.getOrDefault("retentionDays", "").strip());
		}
		catch (NumberFormatException ex) {
			errors.add("retentionDays", "Enter the retention period in days, such as 365");
		}
		if (!errors.any()) {
			try {
				DatasetProposal proposal = this.proposals.propose(this.callers.current(),
						new NewDatasetProposal(form.get("name").strip(), form.getOrDefault("description", ""),
								Classification.valueOf(form.getOrDefault("classification", "OFFICIAL")), DatasetKind.S3,
								form.get("purpose"), form.get("legalBasis"), days,
								RetentionAction.valueOf(form.getOrDefault("retentionAction", "ARCHIVE")),
								UUID.fromString(form.get("owner"))));
				redirect.addFlashAttribute("done", "Proposed " + proposal.name() + ": it awaits a decision");
				return "redirect:/data/proposals";
			}
			catch (DataAccessException ex) {
				errors.add("name", ex.getMessage());
			}
		}
		proposals(model);
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		return "data/proposals";
	}

	@PostMapping("/data/proposals/{id}")
	String decide(@PathVariable UUID id, @RequestParam(defaultValue = "") String decision,
			@RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
		Caller caller = this.callers.current();
		FormErrors errors = new FormErrors();
		String field = "reason-" + id;
		if ("reject".equals(decision)) {
			errors.requireText(field, reason, "Enter a reason for rejecting the proposal");
		}
		if (!errors.any()) {
			try {
				DatasetProposal decided = "approve".equals(decision) ? this.proposals.approve(caller, id, reason)
						: this.proposals.reject(caller, id, reason);
				redirect.addFlashAttribute("done",
						("approve".equals(decision) ? "Approved " : "Rejected ") + decided.name());
				return "redirect:/data/proposals";
			}
			catch (DataAccessException ex) {
				errors.add(field, ex.getMessage());
			}
		}
		proposals(model);
		model.addAttribute("errors", errors);
		return "data/proposals";
	}

	@GetMapping("/data/datasets/{id}/upload")
	String upload(@PathVariable UUID id, Model model, HttpServletRequest request) {
		Dataset dataset = this.catalog.get(id);
		this.uploads.directOrigin(id).ifPresent((origin) -> PageConnections.allow(request, origin));
		model.addAttribute("dataset", dataset);
		model.addAttribute("uploads", this.uploads.list(this.callers.current(), id));
		return "data/upload";
	}

	@PostMapping("/data/datasets/{id}/seal")
	String seal(@PathVariable UUID id, @RequestParam(defaultValue = "") String version,
			@RequestParam(defaultValue = "") String prefix, Model model, RedirectAttributes redirect,
			HttpServletRequest request) {
		FormErrors errors = new FormErrors();
		errors.requireText("version", version, "Enter a label for the version, such as v1");
		errors.requireText("prefix", prefix, "Enter the folder to seal, such as wave-1/");
		if (!errors.any()) {
			try {
				DatasetVersion sealed = this.uploads.seal(this.callers.current(), id, version.strip(), prefix.strip());
				redirect.addFlashAttribute("done",
						"Sealed version " + sealed.version() + " with " + sealed.objectCount() + " objects");
				return "redirect:/data/datasets/" + id + "/upload";
			}
			catch (DataAccessException ex) {
				errors.add("version", ex.getMessage());
			}
		}
		upload(id, model, request);
		model.addAttribute("errors", errors);
		return "data/upload";
	}

	@GetMapping("/data/datasets/{id}/flows")
	String flows(@PathVariable UUID id, @RequestParam(required = false) String principal,
			@RequestParam(required = false) String path, @RequestParam(required = false) String direction,
			Model model) {
		Caller caller = this.callers.current();
		FlowFilter filter = new FlowFilter(blank(principal), blank(path), blank(direction), null, null, 200);
		model.addAttribute("dataset", this.catalog.get(id));
		model.addAttribute("summary", this.flows.summary(caller, id, filter));
		model.addAttribute("events", this.flows.forDataset(caller, id, filter));
		model.addAttribute("filter", filter);
		return "data/flows";
	}

	private static String blank(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
