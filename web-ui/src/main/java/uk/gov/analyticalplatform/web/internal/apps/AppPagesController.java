package uk.gov.analyticalplatform.web.internal.apps;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.analyticalplatform.appdeploy.App;
import uk.gov.analyticalplatform.appdeploy.AppException;
import uk.gov.analyticalplatform.appdeploy.Apps;
import uk.gov.analyticalplatform.appdeploy.InvalidApp;
import uk.gov.analyticalplatform.appdeploy.NewApp;
import uk.gov.analyticalplatform.web.internal.support.FormErrors;

/**
 * My apps, registering an app, the app page, deleting an app, and every app for platform
 * admins. Every page about apps shows the availability notice.
 */
@Controller
class AppPagesController {

	private final AppPages pages;

	private final Apps apps;

	AppPagesController(AppPages pages, Apps apps) {
		this.pages = pages;
		this.apps = apps;
	}

	@GetMapping("/apps")
	String mine(Model model) {
		model.addAttribute("apps", this.apps.mine(this.pages.caller()));
		model.addAttribute("availability", this.apps.availability());
		return "apps/apps";
	}

	@GetMapping("/admin/apps")
	String all(Model model) {
		model.addAttribute("apps", this.apps.all(this.pages.caller()));
		model.addAttribute("availability", this.apps.availability());
		return "apps/admin-apps";
	}

	@GetMapping("/apps/new")
	String registerForm(Model model) {
		model.addAttribute("form", new NewApp("", "", "", ""));
		model.addAttribute("availability", this.apps.availability());
		return "apps/new-app";
	}

	@PostMapping("/apps")
	String register(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
			@RequestParam(defaultValue = "") String repositoryUrl,
			@RequestParam(defaultValue = "") String imageRepository, Model model, RedirectAttributes redirect) {
		NewApp form = new NewApp(name, description, repositoryUrl, imageRepository);
		try {
			App app = this.apps.register(this.pages.caller(), form);
			redirect.addFlashAttribute("notice", "Registered " + app.name());
			return "redirect:/apps/" + app.name();
		}
		catch (InvalidApp ex) {
			model.addAttribute("errors", new FormErrors().add(ex.field(), ex.getMessage()));
		}
		catch (AppException ex) {
			model.addAttribute("errors", new FormErrors().add("name", ex.getMessage()));
		}
		model.addAttribute("form", form);
		model.addAttribute("availability", this.apps.availability());
		return "apps/new-app";
	}

	@GetMapping("/apps/{name}")
	String app(@PathVariable String name, Model model) {
		return this.pages.show(name, model);
	}

	@PostMapping("/apps/{name}/delete")
	String delete(@PathVariable String name, RedirectAttributes redirect) {
		this.apps.delete(this.pages.caller(), name);
		redirect.addFlashAttribute("notice", "Deleted " + name + ": everything it ran is being removed");
		return "redirect:/apps";
	}

}
