package uk.gov.analyticalplatform.web.internal.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.analyticalplatform.toollauncher.ResourceProfile;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogue;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogue.Launchable;
import uk.gov.analyticalplatform.toollauncher.ToolInstance;
import uk.gov.analyticalplatform.toollauncher.ToolInstanceNotFound;
import uk.gov.analyticalplatform.toollauncher.ToolInstances;
import uk.gov.analyticalplatform.toollauncher.ToolLauncherException;
import uk.gov.analyticalplatform.toollauncher.ToolRelease;
import uk.gov.analyticalplatform.toollauncher.ToolUser;
import uk.gov.analyticalplatform.web.internal.support.Confirmation;
import uk.gov.analyticalplatform.web.internal.support.FormErrors;

/**
 * The changes to one of the user's tools that need a page of their own: switching release
 * (up or down) or profile, resetting it (asked first) and deleting it (asked first, and
 * its home directory only after a second, explicit page). Each calls the same
 * {@link ToolInstances} method as the API, which checks the owner and audits the change;
 * another user's instance is not found, as one that does not exist.
 */
@Controller
class ToolChangesController {

	private final ToolUsers users;

	private final ToolInstances instances;

	private final ToolCatalogue catalogue;

	ToolChangesController(ToolUsers users, ToolInstances instances, ToolCatalogue catalogue) {
		this.users = users;
		this.instances = instances;
		this.catalogue = catalogue;
	}

	@GetMapping("/tools/{id}/change")
	String changeForm(@PathVariable UUID id, Model model) {
		ToolUser user = this.users.current();
		ToolInstance instance = this.instances.get(user, id);
		return changePage(user, instance, instance.release().name(), instance.profile().name(), model);
	}

	@PostMapping("/tools/{id}/change")
	String change(@PathVariable UUID id, @RequestParam(defaultValue = "") String release,
			@RequestParam(defaultValue = "") String profile, Model model, RedirectAttributes redirect) {
		ToolUser user = this.users.current();
		ToolInstance instance = this.instances.get(user, id);
		FormErrors errors = new FormErrors();
		String wantedRelease = release.isBlank() ? instance.release().name() : release;
		String wantedProfile = profile.isBlank() ? instance.profile().name() : profile;
		if (wantedRelease.equals(instance.release().name()) && wantedProfile.equals(instance.profile().name())) {
			errors.add("release", "Choose a release or a profile different from the ones it has");
		}
		else {
			try {
				// what stays is passed as null: a release no longer open to the user may
				// be kept
				ToolInstance changed = this.instances.change(user, id,
						wantedRelease.equals(instance.release().name()) ? null : wantedRelease,
						wantedProfile.equals(instance.profile().name()) ? null : wantedProfile);
				redirect.addFlashAttribute("notice",
						"Switched " + changed.tool().slug() + " to " + changed.release().displayName() + ", "
								+ changed.profile().displayName()
								+ (changed.wanted() == ToolInstance.Wanted.RUNNING ? ": it restarts on them" : ""));
				return "redirect:/tools";
			}
			catch (ToolInstanceNotFound ex) {
				throw ex;
			}
			catch (ToolLauncherException ex) {
				boolean aboutProfile = ex.getMessage().contains("profile");
				errors.add(aboutProfile ? "profile" : "release", ex.getMessage());
			}
		}
		model.addAttribute("errors", errors);
		return changePage(user, instance, wantedRelease, wantedProfile, model);
	}

	@GetMapping("/tools/{id}/reset")
	String confirmReset(@PathVariable UUID id, Model model) {
		ToolInstance instance = this.instances.get(this.users.current(), id);
		String tool = instance.tool().slug();
		return new Confirmation("Reset your " + tool + "?",
				"Its pod and settings are made again from " + instance.release().displayName()
						+ ", and it starts; anything running in it now stops. "
						+ "Your home directory and its files are kept.",
				"/tools/" + id + "/reset", Map.of(), "Reset " + tool, true, "/tools")
			.show(model);
	}

	@GetMapping("/tools/{id}/delete")
	String confirmDelete(@PathVariable UUID id, Model model) {
		return deletePage(id, false, model);
	}

	/** The second, explicit page: the only way to a deletion of the home directory. */
	@GetMapping("/tools/{id}/delete-home")
	String confirmDeleteHome(@PathVariable UUID id, Model model) {
		return deletePage(id, true, model);
	}

	private String deletePage(UUID id, boolean deleteHome, Model model) {
		model.addAttribute("instance", this.instances.get(this.users.current(), id));
		model.addAttribute("deleteHome", deleteHome);
		return "tools/delete";
	}

	@PostMapping("/tools/{id}/delete")
	String delete(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean deleteHome,
			RedirectAttributes redirect) {
		ToolUser user = this.users.current();
		ToolInstance instance = this.instances.get(user, id);
		try {
			this.instances.delete(user, id, deleteHome);
			redirect.addFlashAttribute("notice", "Deleting " + instance.tool().slug()
					+ (deleteHome ? " and its home directory" : "; your home directory is kept"));
		}
		catch (ToolInstanceNotFound ex) {
			throw ex;
		}
		catch (ToolLauncherException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/tools";
	}

	private String changePage(ToolUser user, ToolInstance instance, String release, String profile, Model model) {
		Launchable launchable = this.catalogue.launchable(user);
		List<ToolRelease> releases = new ArrayList<>(
				launchable.releases().stream().filter((candidate) -> candidate.tool() == instance.tool()).toList());
		if (releases.stream().noneMatch((candidate) -> candidate.id().equals(instance.release().id()))) {
			releases.add(0, instance.release());
		}
		List<ResourceProfile> profiles = new ArrayList<>(launchable.profiles());
		if (profiles.stream().noneMatch((candidate) -> candidate.name().equals(instance.profile().name()))) {
			profiles.add(0, instance.profile());
		}
		model.addAttribute("instance", instance);
		model.addAttribute("releases", releases);
		model.addAttribute("profiles", profiles);
		model.addAttribute("release", release);
		model.addAttribute("profile", profile);
		return "tools/change";
	}

}
