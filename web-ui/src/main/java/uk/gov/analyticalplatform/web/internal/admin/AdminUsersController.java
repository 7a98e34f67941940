package uk.gov.analyticalplatform.web.internal.admin;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.analyticalplatform.identity.CreatedUser;
import uk.gov.analyticalplatform.identity.IdentityException;
import uk.gov.analyticalplatform.identity.NewUser;
import uk.gov.analyticalplatform.identity.Role;
import uk.gov.analyticalplatform.identity.SecondFactor;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.identity.UserChange;
import uk.gov.analyticalplatform.identity.UserNotFound;
import uk.gov.analyticalplatform.identity.Users;
import uk.gov.analyticalplatform.web.SignInSessions;
import uk.gov.analyticalplatform.web.internal.support.Confirmation;
import uk.gov.analyticalplatform.web.internal.support.FormErrors;

/** Platform admins manage users: create, suspend, reactivate, change roles, reset 2FA. */
@Controller
class AdminUsersController {

	private final Users users;

	private final SecondFactor secondFactor;

	private final SignInSessions sessions;

	AdminUsersController(Users users, SecondFactor secondFactor, SignInSessions sessions) {
		this.users = users;
		this.secondFactor = secondFactor;
		this.sessions = sessions;
	}

	@GetMapping("/admin/users")
	String list(@RequestParam(defaultValue = "") String q, Model model) {
		String text = q.strip().toLowerCase(Locale.ROOT);
		model.addAttribute("q", q.strip());
		model.addAttribute("users",
				this.users.list()
					.stream()
					.filter((user) -> text.isEmpty() || user.username().contains(text)
							|| user.displayName().toLowerCase(Locale.ROOT).contains(text))
					.toList());
		return "admin/users";
	}

	@GetMapping("/admin/users/new")
	String newUser() {
		return "admin/new-user";
	}

	@GetMapping("/admin/users/{username}/suspension")
	String confirmSuspension(@PathVariable String username, Model model) {
		UserAccount user = this.users.findByUsername(username).orElseThrow(() -> UserNotFound.forUsername(username));
		boolean suspend = !user.suspended();
		return new Confirmation((suspend ? "Suspend " : "Reactivate ") + user.username() + "?", suspend
				? "Their sessions and API tokens stop working at once, and they cannot sign in until reactivated."
				: "They can sign in again, and their live API tokens work again.",
				"/admin/users/" + user.username() + "/suspension", Map.of("suspended", Boolean.toString(suspend)),
				suspend ? "Suspend" : "Reactivate", suspend, "/admin/users")
			.show(model);
	}

	@GetMapping("/admin/users/{username}/admin-role")
	String confirmAdminRole(@PathVariable String username, Model model) {
		UserAccount user = this.users.findByUsername(username).orElseThrow(() -> UserNotFound.forUsername(username));
		boolean makeAdmin = !user.isPlatformAdmin();
		return new Confirmation(
				makeAdmin ? "Make " + user.username() + " a platform admin?"
						: "Remove the platform admin role from " + user.username() + "?",
				makeAdmin ? "They will manage users, datasets and groups, and read the audit log."
						: "They will no longer manage users, datasets or groups, nor read the audit log.",
				"/admin/users/" + user.username() + "/admin-role", Map.of("admin", Boolean.toString(makeAdmin)),
				makeAdmin ? "Make admin" : "Remove admin", !makeAdmin, "/admin/users")
			.show(model);
	}

	@GetMapping("/admin/users/{username}/two-factor-reset")
	String confirmTwoFactorReset(@PathVariable String username, Model model) {
		UserAccount user = this.users.findByUsername(username).orElseThrow(() -> UserNotFound.forUsername(username));
		return new Confirmation("Reset two-factor authentication for " + user.username() + "?",
				"Their authenticator and recovery codes stop working and their sessions end at once. "
						+ "They must set up an authenticator again when they next sign in.",
				"/admin/users/" + user.username() + "/two-factor-reset", Map.of(), "Reset 2FA", true, "/admin/users")
			.show(model);
	}

	@PostMapping("/admin/users")
	String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String displayName, Model model) {
		FormErrors errors = new FormErrors().requireText("username", username, "Enter a username")
			.requireText("displayName", displayName, "Enter the person's name");
		if (!errors.any()) {
			try {
				CreatedUser created = this.users.create(adminId(), new NewUser(username, email, displayName));
				model.addAttribute("created", created);
			}
			catch (IdentityException ex) {
				errors.add("username", ex.getMessage());
			}
		}
		model.addAttribute("errors", errors);
		if (errors.any()) {
			model.addAttribute("form", new NewUser(username, email, displayName));
		}
		return "admin/new-user";
	}

	@PostMapping("/admin/users/{username}/suspension")
	String suspend(@PathVariable String username, @RequestParam boolean suspended, RedirectAttributes redirect) {
		return change(username, new UserChange(null, suspended), redirect,
				suspended ? "Suspended " + username : "Reactivated " + username);
	}

	@PostMapping("/admin/users/{username}/admin-role")
	String adminRole(@PathVariable String username, @RequestParam boolean admin, RedirectAttributes redirect) {
		UserAccount user = this.users.findByUsername(username).orElse(null);
		Set<Role> roles = EnumSet.of(Role.ANALYST);
		if (admin) {
			roles.add(Role.PLATFORM_ADMIN);
		}
		return change((user != null) ? user.username() : username, new UserChange(roles, null), redirect,
				(admin ? "Made " : "Removed admin role from ") + username + (admin ? " a platform admin" : ""));
	}

	@PostMapping("/admin/users/{username}/two-factor-reset")
	String resetTwoFactor(@PathVariable String username, RedirectAttributes redirect) {
		try {
			this.secondFactor.reset(adminId(), username);
			redirect.addFlashAttribute("done", "Reset two-factor authentication for " + username);
		}
		catch (IdentityException ex) {
			redirect.addFlashAttribute("failure", ex.getMessage());
		}
		return "redirect:/admin/users";
	}

	private String change(String username, UserChange change, RedirectAttributes redirect, String done) {
		try {
			this.users.update(adminId(), username, change);
			redirect.addFlashAttribute("done", done);
		}
		catch (IdentityException ex) {
			redirect.addFlashAttribute("failure", ex.getMessage());
		}
		return "redirect:/admin/users";
	}

	private UUID adminId() {
		return this.sessions.current().orElseThrow().user().id();
	}

}
