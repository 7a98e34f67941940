package uk.gov.analyticalplatform.web.internal.apps;

import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.analyticalplatform.appdeploy.AppException;
import uk.gov.analyticalplatform.appdeploy.AppNotFound;
import uk.gov.analyticalplatform.appdeploy.AppOwner;
import uk.gov.analyticalplatform.appdeploy.AppReleases;
import uk.gov.analyticalplatform.appdeploy.AppSettings;
import uk.gov.analyticalplatform.appdeploy.AppViewers;
import uk.gov.analyticalplatform.appdeploy.Apps;
import uk.gov.analyticalplatform.appdeploy.Caller;
import uk.gov.analyticalplatform.appdeploy.InvalidApp;
import uk.gov.analyticalplatform.dataaccess.AccessLevel;
import uk.gov.analyticalplatform.dataaccess.AccessRequests;
import uk.gov.analyticalplatform.dataaccess.DataAccessException;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetCatalog;
import uk.gov.analyticalplatform.dataaccess.NewAccessRequest;
import uk.gov.analyticalplatform.identity.Users;
import uk.gov.analyticalplatform.web.internal.support.FormErrors;

/**
 * The forms of the app page: viewers, owners, versions and deployments, environment
 * variables and secrets. A refusal (the 51st viewer, a malformed image) shows the app
 * page again with a GOV.UK error summary naming the field.
 */
@Controller
class AppChangesController {

	private final AppPages pages;

	private final Apps apps;

	private final AppViewers viewers;

	private final AppReleases releases;

	private final AppSettings settings;

	private final Users users;

	private final ObjectProvider<AccessRequests> requests;

	private final ObjectProvider<DatasetCatalog> catalog;

	AppChangesController(AppPages pages, Apps apps, AppViewers viewers, AppReleases releases, AppSettings settings,
			Users users, ObjectProvider<AccessRequests> requests, ObjectProvider<DatasetCatalog> catalog) {
		this.requests = requests;
		this.catalog = catalog;
		this.pages = pages;
		this.apps = apps;
		this.viewers = viewers;
		this.releases = releases;
		this.settings = settings;
		this.users = users;
	}

	@PostMapping("/apps/{name}/viewers")
	String addViewer(@PathVariable String name, @RequestParam(defaultValue = "") String email, Model model,
			RedirectAttributes redirect) {
		return change(name, "email", (caller) -> this.viewers.add(caller, name, email), "Added " + email.strip(), model,
				redirect);
	}

	@PostMapping("/apps/{name}/viewers/remove")
	String removeViewer(@PathVariable String name, @RequestParam String email, Model model,
			RedirectAttributes redirect) {
		return change(name, "email", (caller) -> this.viewers.remove(caller, name, email), "Removed " + email, model,
				redirect);
	}

	@PostMapping("/apps/{name}/owners")
	String addOwner(@PathVariable String name, @RequestParam(defaultValue = "") String username, Model model,
			RedirectAttributes redirect) {
		return change(name, "username", (caller) -> this.apps.addOwner(caller, name, owner(username)),
				"Added " + username.strip() + " as an owner", model, redirect);
	}

	@PostMapping("/apps/{name}/owners/remove")
	String removeOwner(@PathVariable String name, @RequestParam String userId, Model model,
			RedirectAttributes redirect) {
		return change(name, "username", (caller) -> this.apps.removeOwner(caller, name, userId), "Removed an owner",
				model, redirect);
	}

	@PostMapping("/apps/{name}/versions")
	String registerVersion(@PathVariable String name, @RequestParam(defaultValue = "") String image, Model model,
			RedirectAttributes redirect) {
		return change(name, "image", (caller) -> this.releases.register(caller, name, image),
				"Registered " + image.strip(), model, redirect);
	}

	@PostMapping("/apps/{name}/deployments")
	String deploy(@PathVariable String name, @RequestParam int version, Model model, RedirectAttributes redirect) {
		return change(name, "image", (caller) -> this.releases.deploy(caller, name, version),
				"Deploying version " + version, model, redirect);
	}

	@PostMapping("/apps/{name}/env")
	String setVariable(@PathVariable String name, @RequestParam(defaultValue = "") String variable,
			@RequestParam(defaultValue = "") String value, Model model, RedirectAttributes redirect) {
		return change(name, "variable", (caller) -> this.settings.setVariable(caller, name, variable, value),
				"Set " + variable.strip(), model, redirect);
	}

	@PostMapping("/apps/{name}/env/remove")
	String removeVariable(@PathVariable String name, @RequestParam String variable, Model model,
			RedirectAttributes redirect) {
		return change(name, "variable", (caller) -> this.settings.setVariable(caller, name, variable, null),
				"Removed " + variable, model, redirect);
	}

	@PostMapping("/apps/{name}/secrets")
	String setSecret(@PathVariable String name, @RequestParam(defaultValue = "") String secret,
			@RequestParam(defaultValue = "") String secretValue, Model model, RedirectAttributes redirect) {
		return change(name, "secret", (caller) -> this.settings.setSecret(caller, name, secret, secretValue),
				"Saved secret " + secret.strip() + ": its value will not be shown again", model, redirect);
	}

	@PostMapping("/apps/{name}/secrets/remove")
	String removeSecret(@PathVariable String name, @RequestParam String secret, Model model,
			RedirectAttributes redirect) {
		return change(name, "secret", (caller) -> this.settings.removeSecret(caller, name, secret),
				"Removed secret " + secret, model, redirect);
	}

	/**
	 * An owner asks for access to a dataset for the app; a data admin of the dataset who
	 * does not own the app decides it.
	 */
	@PostMapping("/apps/{name}/data-access")
	String requestData(@PathVariable String name, @RequestParam(defaultValue = "") String dataset,
			@RequestParam(defaultValue = "READ") String level, @RequestParam(defaultValue = "") String justification,
			Model model, RedirectAttributes redirect) {
		Caller caller = this.pages.caller();
		this.apps.get(caller, name);
		AccessRequests requests = this.requests.getIfAvailable();
		DatasetCatalog catalog = this.catalog.getIfAvailable();
		try {
			if (requests == null || catalog == null) {
				throw new InvalidApp("dataset", "Data access is not part of this platform");
			}
			if (dataset.isBlank()) {
				throw new InvalidApp("dataset", "Enter the name of a dataset");
			}
			Dataset wanted = catalog.getByName(dataset.strip());
			requests.submitForApp(AppPages.dataCaller(caller), name, NewAccessRequest.of(wanted.id(),
					"READ_WRITE".equals(level) ? AccessLevel.READ_WRITE : AccessLevel.READ, justification));
		}
		catch (InvalidApp ex) {
			model.addAttribute("errors", new FormErrors().add("dataset", ex.getMessage()));
			return this.pages.show(name, model);
		}
		catch (DataAccessException ex) {
			model.addAttribute("errors",
					new FormErrors().add((ex.getMessage() != null && ex.getMessage().contains("justification"))
							? "justification" : "dataset", ex.getMessage()));
			return this.pages.show(name, model);
		}
		redirect.addFlashAttribute("notice",
				"Asked for access to " + dataset.strip() + " for " + name + ": a data admin of the dataset decides");
		return "redirect:/apps/" + name;
	}

	private AppOwner owner(String username) {
		return this.users.findByUsername(username.strip())
			.map((user) -> new AppOwner(user.id().toString(), user.username()))
			.orElseThrow(() -> new InvalidApp("username", "There is no user called '" + username.strip() + "'"));
	}

	/**
	 * Makes the change and goes back to the app page, or shows it again with the refusal
	 * in an error summary.
	 */
	private String change(String name, String field, Consumer<Caller> action, String done, Model model,
			RedirectAttributes redirect) {
		try {
			action.accept(this.pages.caller());
		}
		catch (AppNotFound ex) {
			throw ex;
		}
		catch (AppException ex) {
			String at = (ex instanceof InvalidApp invalid && !"name".equals(invalid.field())
					&& !"value".equals(invalid.field())) ? invalid.field() : field;
			model.addAttribute("errors", new FormErrors().add(at, ex.getMessage()));
			return this.pages.show(name, model);
		}
		redirect.addFlashAttribute("notice", done);
		return "redirect:/apps/" + name;
	}

}
