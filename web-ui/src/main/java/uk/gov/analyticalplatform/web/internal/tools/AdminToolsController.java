package uk.gov.analyticalplatform.web.internal.tools;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.analyticalplatform.toollauncher.InvalidCatalogueEntry;
import uk.gov.analyticalplatform.toollauncher.ReleaseStatus;
import uk.gov.analyticalplatform.toollauncher.ResourceProfile;
import uk.gov.analyticalplatform.toollauncher.Tool;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogueAdmin;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogueAdmin.NewRelease;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogueAdmin.ReleaseUse;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogueAdmin.StatusChange;
import uk.gov.analyticalplatform.toollauncher.ToolInstance;
import uk.gov.analyticalplatform.toollauncher.ToolInstances;
import uk.gov.analyticalplatform.toollauncher.ToolLauncherException;
import uk.gov.analyticalplatform.toollauncher.ToolRelease;
import uk.gov.analyticalplatform.toollauncher.ToolUser;
import uk.gov.analyticalplatform.web.internal.support.FormErrors;
import uk.gov.analyticalplatform.web.internal.tools.CatalogueForms.ProfileForm;
import uk.gov.analyticalplatform.web.internal.tools.CatalogueForms.ReleaseForm;
import uk.gov.analyticalplatform.web.internal.tools.CatalogueForms.StatusForm;

/**
 * Platform admins' tool pages: the catalogue (releases with their users, profiles), the
 * forms that change it, and every instance with a stop button. The module audits every
 * change and refuses anyone else; the browser chain keeps {@code /admin/**} to platform
 * admins before that.
 */
@Controller
class AdminToolsController {

	private final ToolUsers users;

	private final ToolCatalogueAdmin catalogue;

	private final ToolInstances instances;

	AdminToolsController(ToolUsers users, ToolCatalogueAdmin catalogue, ToolInstances instances) {
		this.users = users;
		this.catalogue = catalogue;
		this.instances = instances;
	}

	@GetMapping("/admin/tools")
	String catalogue(Model model) {
		ToolUser admin = this.users.current();
		model.addAttribute("releases", this.catalogue.releases(admin));
		model.addAttribute("profiles", this.catalogue.profiles(admin));
		return "tools/admin-catalogue";
	}

	@GetMapping("/admin/tools/releases/new")
	String newRelease(Model model) {
		return releaseForm(ReleaseForm.empty(), model);
	}

	@PostMapping("/admin/tools/releases")
	String addRelease(@ModelAttribute ReleaseForm form, Model model, RedirectAttributes redirect) {
		FormErrors errors = new FormErrors();
		NewRelease release = form.release(errors);
		if (!errors.any()) {
			try {
				ToolRelease added = this.catalogue.addRelease(this.users.current(), release);
				redirect.addFlashAttribute("notice", "Added " + added.displayName());
				return "redirect:/admin/tools";
			}
			catch (InvalidCatalogueEntry ex) {
				ex.problems().forEach((problem) -> errors.add(problem.field(), problem.message()));
			}
		}
		model.addAttribute("errors", errors);
		return releaseForm(form, model);
	}

	@GetMapping("/admin/tools/releases/{id}")
	String release(@PathVariable UUID id, Model model) {
		ReleaseUse use = use(id);
		return statusForm(use, StatusForm.of(use.release()), model);
	}

	@PostMapping("/admin/tools/releases/{id}/status")
	String changeStatus(@PathVariable UUID id, @ModelAttribute StatusForm form, Model model,
			RedirectAttributes redirect) {
		ReleaseUse use = use(id);
		FormErrors errors = new FormErrors();
		StatusChange change = form.change(errors);
		if (!errors.any()) {
			try {
				ToolRelease changed = this.catalogue.changeStatus(this.users.current(), id, change);
				redirect.addFlashAttribute("notice",
						changed.displayName() + " is " + changed.status().name().toLowerCase(Locale.ROOT));
				return "redirect:/admin/tools";
			}
			catch (InvalidCatalogueEntry ex) {
				ex.problems().forEach((problem) -> errors.add(problem.field(), problem.message()));
			}
		}
		model.addAttribute("errors", errors);
		return statusForm(use, form, model);
	}

	@GetMapping("/admin/tools/profiles/new")
	String newProfile(Model model) {
		return profileForm(ProfileForm.empty(), true, model);
	}

	@PostMapping("/admin/tools/profiles")
	String createProfile(@ModelAttribute ProfileForm form, Model model, RedirectAttributes redirect) {
		return saveProfile(form, form.name(), true, model, redirect);
	}

	@GetMapping("/admin/tools/profiles/{name}")
	String profile(@PathVariable String name, Model model) {
		ResourceProfile profile = this.catalogue.profiles(this.users.current())
			.stream()
			.filter((candidate) -> candidate.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return profileForm(ProfileForm.of(profile), false, model);
	}

	@PostMapping("/admin/tools/profiles/{name}")
	String updateProfile(@PathVariable String name, @ModelAttribute ProfileForm form, Model model,
			RedirectAttributes redirect) {
		return saveProfile(form, name, false, model, redirect);
	}

	@GetMapping("/admin/tools/instances")
	String instances(Model model) {
		ToolUser admin = this.users.current();
		List<ToolInstance> all = this.instances.all(admin)
			.stream()
			.sorted(Comparator.comparing(ToolInstance::username).thenComparing(ToolInstance::tool))
			.toList();
		Map<UUID, Long> perRelease = all.stream()
			.collect(Collectors.groupingBy((instance) -> instance.release().id(), Collectors.counting()));
		model.addAttribute("instances", all);
		model.addAttribute("releases",
				this.catalogue.releases(admin)
					.stream()
					.filter((use) -> perRelease.containsKey(use.release().id()))
					.toList());
		return "tools/admin-instances";
	}

	@PostMapping("/admin/tools/instances/{id}/stop")
	String stop(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			ToolInstance stopped = this.instances.stopAsAdmin(this.users.current(), id);
			redirect.addFlashAttribute("notice",
					"Stopping " + stopped.username() + "'s " + stopped.release().displayName());
		}
		catch (ToolLauncherException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/admin/tools/instances";
	}

	private String saveProfile(ProfileForm form, String name, boolean creating, Model model,
			RedirectAttributes redirect) {
		FormErrors errors = new FormErrors();
		ResourceProfile profile = form.profile(name, errors);
		if (!errors.any()) {
			try {
				ToolUser admin = this.users.current();
				ResourceProfile saved = creating ? this.catalogue.createProfile(admin, profile)
						: this.catalogue.updateProfile(admin, profile);
				redirect.addFlashAttribute("notice", (creating ? "Created " : "Saved ") + saved.displayName());
				return "redirect:/admin/tools";
			}
			catch (InvalidCatalogueEntry ex) {
				ex.problems().forEach((problem) -> errors.add(problem.field(), problem.message()));
			}
		}
		model.addAttribute("errors", errors);
		return profileForm(creating ? form
				: new ProfileForm(name, form.displayName(), form.cpuRequestMilli(), form.cpuLimitMilli(),
						form.memoryRequestMib(), form.memoryLimitMib(), form.idleTimeoutMinutes(),
						form.restrictedGroup()),
				creating, model);
	}

	private ReleaseUse use(UUID id) {
		return this.catalogue.releases(this.users.current())
			.stream()
			.filter((candidate) -> candidate.release().id().equals(id))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String releaseForm(ReleaseForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("tools", Tool.values());
		model.addAttribute("profiles", this.catalogue.profiles(this.users.current()));
		return "tools/admin-new-release";
	}

	private String statusForm(ReleaseUse use, StatusForm form, Model model) {
		model.addAttribute("use", use);
		model.addAttribute("form", form);
		model.addAttribute("statuses", ReleaseStatus.values());
		return "tools/admin-release";
	}

	private String profileForm(ProfileForm form, boolean creating, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("creating", creating);
		return "tools/admin-profile";
	}

}
