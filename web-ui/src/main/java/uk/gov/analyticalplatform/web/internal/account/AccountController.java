package uk.gov.analyticalplatform.web.internal.account;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.analyticalplatform.identity.CurrentPasswordIncorrect;
import uk.gov.analyticalplatform.identity.IdentityException;
import uk.gov.analyticalplatform.identity.SecondFactor;
import uk.gov.analyticalplatform.identity.Users;
import uk.gov.analyticalplatform.web.SignInSessions;
import uk.gov.analyticalplatform.web.SignInSessions.SessionUser;
import uk.gov.analyticalplatform.web.internal.support.Confirmation;
import uk.gov.analyticalplatform.web.internal.support.FormErrors;

/** The signed-in user's own account: password, recovery codes, sessions. */
@Controller
class AccountController {

	private final Users users;

	private final SecondFactor secondFactor;

	private final SignInSessions sessions;

	AccountController(Users users, SecondFactor secondFactor, SignInSessions sessions) {
		this.users = users;
		this.secondFactor = secondFactor;
		this.sessions = sessions;
	}

	@GetMapping("/account/password")
	String passwordForm(Model model) {
		model.addAttribute("account", this.sessions.current().orElseThrow().user());
		return "account/password";
	}

	@PostMapping("/account/password")
	String changePassword(@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "") String confirmPassword, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		SessionUser session = this.sessions.current().orElseThrow();
		FormErrors errors = new FormErrors()
			.requireText("currentPassword", currentPassword, "Enter your current password")
			.requireText("newPassword", newPassword, "Enter a new password");
		if (!newPassword.equals(confirmPassword)) {
			errors.add("confirmPassword", "The new passwords do not match");
		}
		if (!errors.any()) {
			try {
				this.users.changePassword(session.user().id(), currentPassword, newPassword);
				this.sessions.keepThisSession(request, response);
				redirect.addFlashAttribute("notice", "Your password has been changed.");
				return "redirect:/";
			}
			catch (CurrentPasswordIncorrect ex) {
				errors.add("currentPassword", ex.getMessage());
			}
			catch (IdentityException ex) {
				errors.add("newPassword", ex.getMessage());
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("account", session.user());
		return "account/password";
	}

	@GetMapping("/account/recovery-codes")
	String confirmNewRecoveryCodes(Model model) {
		return new Confirmation("Make new recovery codes?",
				"Your current recovery codes will stop working at once. You will see 10 new ones, once.",
				"/account/recovery-codes", Map.of(), "Make new recovery codes", true, "/")
			.show(model);
	}

	@PostMapping("/account/recovery-codes")
	String regenerateRecoveryCodes(RedirectAttributes redirect) {
		SessionUser session = this.sessions.current().orElseThrow();
		redirect.addFlashAttribute("recoveryCodes",
				this.secondFactor.regenerateRecoveryCodes(session.user().id()).codes());
		return "redirect:/account/recovery-codes/new";
	}

	/**
	 * New recovery codes, shown once after the post that made them: a refresh shows that
	 * they were shown, never makes more.
	 */
	@GetMapping("/account/recovery-codes/new")
	String newRecoveryCodes(Model model) {
		if (!model.containsAttribute("recoveryCodes")) {
			return "redirect:/";
		}
		return "account/recovery-codes";
	}

	@PostMapping("/account/sign-out-everywhere")
	String signOutEverywhere(HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		this.users.endAllSessions(this.sessions.current().orElseThrow().user().id());
		this.sessions.signOut(request, response);
		redirect.addFlashAttribute("notice", "You have signed out everywhere.");
		return "redirect:/sign-in";
	}

}
