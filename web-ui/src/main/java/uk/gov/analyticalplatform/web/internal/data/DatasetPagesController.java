package uk.gov.analyticalplatform.web.internal.data;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.analyticalplatform.dataaccess.AccessLevel;
import uk.gov.analyticalplatform.dataaccess.AccessRequestState;
import uk.gov.analyticalplatform.dataaccess.AccessRequests;
import uk.gov.analyticalplatform.dataaccess.AccessStatus;
import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.DataAccessException;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetCatalog;
import uk.gov.analyticalplatform.dataaccess.DatasetVersions;
import uk.gov.analyticalplatform.dataaccess.InvalidPath;
import uk.gov.analyticalplatform.dataaccess.NewAccessRequest;
import uk.gov.analyticalplatform.dataaccess.PathAccess;
import uk.gov.analyticalplatform.web.internal.support.FormErrors;

/** Browse and search datasets, see one, and ask for access to it. */
@Controller
class DatasetPagesController {

	private final DatasetCatalog catalog;

	private final DatasetVersions versions;

	private final AccessRequests requests;

	private final AccessStatus status;

	private final DataCallers callers;

	private final Clock clock;

	DatasetPagesController(DatasetCatalog catalog, DatasetVersions versions, AccessRequests requests,
			AccessStatus status, DataCallers callers, ObjectProvider<Clock> clock) {
		this.catalog = catalog;
		this.versions = versions;
		this.requests = requests;
		this.status = status;
		this.callers = callers;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@GetMapping("/data/datasets")
	String browse(@RequestParam(name = "q", defaultValue = "") String query, Model model) {
		Caller caller = this.callers.current();
		model.addAttribute("query", query);
		model.addAttribute("datasets", this.catalog.search(query.strip()));
		model.addAttribute("mine", this.status.of(caller.asUser())
			.datasets()
			.stream()
			.collect(
					Collectors.toMap((access) -> access.dataset().id(), (access) -> access, (first, second) -> first)));
		model.addAttribute("requested",
				this.requests.mine(caller)
					.stream()
					.filter((request) -> request.state() == AccessRequestState.PENDING)
					.map((request) -> request.dataset().id())
					.collect(Collectors.toSet()));
		return "data/datasets";
	}

	@GetMapping("/data/datasets/{id}")
	String show(@PathVariable UUID id, Model model) {
		model.addAttribute("form", RequestForm.empty());
		return page(id, model);
	}

	@PostMapping("/data/datasets/{id}/requests")
	String request(@PathVariable UUID id, RequestForm form, Model model, RedirectAttributes redirect) {
		Caller caller = this.callers.current();
		FormErrors errors = new FormErrors();
		AccessLevel level = form.level(errors);
		errors.requireText("justification", form.justification(), "Enter why you need access");
		Instant until = form.until()
			.endOfDay("until", "The end date", LocalDate.now(this.clock.withZone(ZoneOffset.UTC)), errors);
		if (!errors.any()) {
			try {
				List<PathAccess> paths = PathLines.parse(form.paths(), level);
				this.requests.submit(caller,
						new NewAccessRequest(id, level, paths, form.justification().strip(), until));
				redirect.addFlashAttribute("done", "You asked for access to " + this.catalog.get(id).name()
						+ ". A data admin will decide; you can follow it here.");
				return "redirect:/data/requests";
			}
			catch (InvalidPath ex) {
				errors.add("paths", ex.getMessage());
			}
			catch (DataAccessException ex) {
				if (ex.kind() == DataAccessException.Kind.NOT_FOUND) {
					throw ex;
				}
				errors.add("justification", ex.getMessage());
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		return page(id, model);
	}

	private String page(UUID id, Model model) {
		Caller caller = this.callers.current();
		Dataset dataset = this.catalog.get(id);
		model.addAttribute("dataset", dataset);
		model.addAttribute("versions", this.versions.list(id));
		model.addAttribute("myAccess",
				this.status.of(caller.asUser())
					.datasets()
					.stream()
					.filter((access) -> access.dataset().id().equals(id))
					.findFirst()
					.orElse(null));
		model.addAttribute("canManage", this.catalog.canManageAccess(caller, id));
		model.addAttribute("levels", List.of(AccessLevel.READ, AccessLevel.READ_WRITE));
		return "data/dataset";
	}

	/**
	 * The request access form as typed.
	 *
	 * @param level READ or READ_WRITE
	 * @param paths sub-paths or tables, one a line
	 * @param justification why
	 * @param untilDay the end date's day
	 * @param untilMonth its month
	 * @param untilYear its year
	 */
	record RequestForm(String level, String paths, String justification, String untilDay, String untilMonth,
			String untilYear) {

		static RequestForm empty() {
			return new RequestForm("", "", "", "", "", "");
		}

		DateField until() {
			return new DateField(this.untilDay, this.untilMonth, this.untilYear);
		}

		AccessLevel level(FormErrors errors) {
			if ("READ".equals(this.level) || "READ_WRITE".equals(this.level)) {
				return AccessLevel.valueOf(this.level);
			}
			errors.add("level", "Choose read or read and write");
			return AccessLevel.READ;
		}

	}

}
