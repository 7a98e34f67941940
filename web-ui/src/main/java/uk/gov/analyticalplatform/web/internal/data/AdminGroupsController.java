package uk.gov.analyticalplatform.web.internal.data;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.analyticalplatform.dataaccess.DataAccessException;
import uk.gov.analyticalplatform.dataaccess.Group;
import uk.gov.analyticalplatform.dataaccess.Groups;
import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.web.internal.support.FormErrors;

/** Platform admins create groups (teams) and change their members. */
@Controller
class AdminGroupsController {

	private final Groups groups;

	private final DataCallers callers;

	AdminGroupsController(Groups groups, DataCallers callers) {
		this.groups = groups;
		this.callers = callers;
	}

	@GetMapping("/admin/groups")
	String list(Model model) {
		model.addAttribute("groups", this.groups.list());
		return "data/admin-groups";
	}

	@PostMapping("/admin/groups")
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
			Model model, RedirectAttributes redirect) {
		FormErrors errors = new FormErrors().requireText("name", name, "Enter a name for the group");
		if (!errors.any()) {
			try {
				Group group = this.groups.create(this.callers.current(), name.strip(), description.strip());
				redirect.addFlashAttribute("done", "Created group " + group.name());
				return "redirect:/admin/groups";
			}
			catch (DataAccessException ex) {
				errors.add("name", ex.getMessage());
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("name", name);
		model.addAttribute("description", description);
		return list(model);
	}

	@PostMapping("/admin/groups/{id}/members")
	String addMember(@PathVariable UUID id, @RequestParam(defaultValue = "") String username,
			RedirectAttributes redirect) {
		UserRef user = this.callers.user(username).orElse(null);
		if (user == null) {
			redirect.addFlashAttribute("failure", "No user is called '" + username.strip() + "'");
		}
		else {
			Group group = this.groups.addMember(this.callers.current(), id, user);
			redirect.addFlashAttribute("done", "Added " + user.username() + " to " + group.name());
		}
		return "redirect:/admin/groups";
	}

	@PostMapping("/admin/groups/{id}/members/{userId}/remove")
	String removeMember(@PathVariable UUID id, @PathVariable String userId, RedirectAttributes redirect) {
		Group group = this.groups.removeMember(this.callers.current(), id, userId);
		redirect.addFlashAttribute("done", "Removed a member of " + group.name());
		return "redirect:/admin/groups";
	}

}
