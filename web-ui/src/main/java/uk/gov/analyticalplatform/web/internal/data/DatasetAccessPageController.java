package uk.gov.analyticalplatform.web.internal.data;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.analyticalplatform.dataaccess.AccessLevel;
import uk.gov.analyticalplatform.dataaccess.AccessReviewEntry;
import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.DataAccessException;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetCatalog;
import uk.gov.analyticalplatform.dataaccess.Grant;
import uk.gov.analyticalplatform.dataaccess.GrantNotFound;
import uk.gov.analyticalplatform.dataaccess.Grants;
import uk.gov.analyticalplatform.dataaccess.GroupNotFound;
import uk.gov.analyticalplatform.dataaccess.Groups;
import uk.gov.analyticalplatform.dataaccess.InvalidPath;
import uk.gov.analyticalplatform.dataaccess.NewGrant;
import uk.gov.analyticalplatform.dataaccess.Principal;
import uk.gov.analyticalplatform.dataaccess.PrincipalType;
import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.web.internal.support.FormErrors;

/**
 * A dataset's access page, for its data admins and platform admins: who has what, direct
 * grants and revocations. The module refuses everyone else, which shows as a 403 page.
 */
@Controller
class DatasetAccessPageController {

	private final DatasetCatalog catalog;

	private final Grants grants;

	private final Groups groups;

	private final DataCallers callers;

	private final Clock clock;

	DatasetAccessPageController(DatasetCatalog catalog, Grants grants, Groups groups, DataCallers callers,
			Clock clock) {
		this.catalog = catalog;
		this.grants = grants;
		this.groups = groups;
		this.callers = callers;
		this.clock = clock;
	}

	@GetMapping("/data/datasets/{id}/access")
	String page(@PathVariable UUID id, Model model) {
		Caller caller = this.callers.current();
		Dataset dataset = this.catalog.get(id);
		model.addAttribute("dataset", dataset);
		List<Grant> active = this.grants.activeOn(caller, id);
		model.addAttribute("grants", active);
		model.addAttribute("appReviews", appReviews(caller, id, active));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", GrantForm.empty());
		}
		model.addAttribute("groups", this.groups.list());
		return "data/access";
	}

	/**
	 * The access review's lines of the active grants to apps, by grant: each app's owners
	 * now, and whether one was added after the grant (they hold its access unreviewed).
	 */
	private Map<UUID, AccessReviewEntry> appReviews(Caller caller, UUID id, List<Grant> active) {
		if (active.stream().noneMatch((grant) -> grant.principal().type() == PrincipalType.APP)) {
			return Map.of();
		}
		return this.grants.review(caller, id)
			.stream()
			.filter((entry) -> entry.principal().type() == PrincipalType.APP && entry.revokedAt() == null)
			.collect(Collectors.toMap(AccessReviewEntry::grantId, (entry) -> entry));
	}

	@PostMapping("/data/datasets/{id}/access/grants")
	String grant(@PathVariable UUID id, GrantForm form, Model model, RedirectAttributes redirect) {
		Caller caller = this.callers.current();
		FormErrors errors = new FormErrors();
		AccessLevel level = form.level(errors);
		Principal principal = principal(form, errors);
		Instant until = form.until()
			.endOfDay("expires", "The end date", LocalDate.now(this.clock.withZone(ZoneOffset.UTC)), errors);
		if (!errors.any()) {
			try {
				Grant grant = this.grants.grant(caller,
						new NewGrant(id, principal, level, PathLines.parse(form.paths(), level), until));
				redirect.addFlashAttribute("done", "Granted " + level.label().toLowerCase() + " access to "
						+ new DataViews().principal(grant.principal()));
				return "redirect:/data/datasets/" + id + "/access";
			}
			catch (InvalidPath ex) {
				errors.add("paths", ex.getMessage());
			}
			catch (DataAccessException ex) {
				if (ex.kind() == DataAccessException.Kind.NOT_FOUND && !(ex instanceof GroupNotFound)) {
					throw ex;
				}
				errors.add("principal", ex.getMessage());
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		return page(id, model);
	}

	@PostMapping("/data/datasets/{id}/access/grants/{grantId}/revoke")
	String revoke(@PathVariable UUID id, @PathVariable UUID grantId, @RequestParam(defaultValue = "") String reason,
			Model model, RedirectAttributes redirect) {
		Caller caller = this.callers.current();
		Grant grant = this.grants.get(grantId);
		if (!grant.dataset().id().equals(id)) {
			throw GrantNotFound.forId(grantId);
		}
		if (reason.isBlank()) {
			model.addAttribute("errors", new FormErrors().add("reason-" + grantId, "Enter why you are revoking it"));
			return page(id, model);
		}
		this.grants.revoke(caller, grantId, reason.strip());
		redirect.addFlashAttribute("done", "Revoked access of " + new DataViews().principal(grant.principal()));
		return "redirect:/data/datasets/" + id + "/access";
	}

	private Principal principal(GrantForm form, FormErrors errors) {
		String name = (form.principal() != null) ? form.principal().strip() : "";
		if (name.isEmpty()) {
			errors.add("principal", "Enter a username or a group name");
			return null;
		}
		if ("APP".equals(form.principalType())) {
			try {
				return Principal.app(name);
			}
			catch (IllegalArgumentException ex) {
				errors.add("principal", "No app can be called '" + name + "'");
				return null;
			}
		}
		if ("GROUP".equals(form.principalType())) {
			try {
				return Principal.group(this.groups.getByName(name).id());
			}
			catch (DataAccessException ex) {
				errors.add("principal", ex.getMessage());
				return null;
			}
		}
		UserRef user = this.callers.user(name).orElse(null);
		if (user == null) {
			errors.add("principal", "No user is called '" + name + "'");
			return null;
		}
		return Principal.user(user.userId(), user.username());
	}

	/**
	 * The direct grant form as typed.
	 *
	 * @param principalType USER, GROUP or APP
	 * @param principal the username or group name
	 * @param level READ, READ_WRITE or ADMIN
	 * @param paths sub-paths or tables, one a line
	 * @param expiresDay the end date's day
	 * @param expiresMonth its month
	 * @param expiresYear its year
	 */
	record GrantForm(String principalType, String principal, String level, String paths, String expiresDay,
			String expiresMonth, String expiresYear) {

		static GrantForm empty() {
			return new GrantForm("USER", "", "READ", "", "", "", "");
		}

		DateField until() {
			return new DateField(this.expiresDay, this.expiresMonth, this.expiresYear);
		}

		AccessLevel level(FormErrors errors) {
			for (AccessLevel candidate : List.of(AccessLevel.values())) {
				if (candidate.name().equals(this.level)) {
					return candidate;
				}
			}
			errors.add("level", "Choose a level");
			return AccessLevel.READ;
		}

	}

}
