package uk.gov.analyticalplatform.web.internal.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.analyticalplatform.identity.LocalSignIn;
import uk.gov.analyticalplatform.identity.PrimarySignIn;
import uk.gov.analyticalplatform.identity.SignInFailed;
import uk.gov.analyticalplatform.identity.SignInThrottled;
import uk.gov.analyticalplatform.web.SignInSessions;
import uk.gov.analyticalplatform.web.internal.support.FormErrors;

/** Signing in with a local account or an identity provider, and signing out. */
@Controller
class SignInController {

	private final LocalSignIn localSignIn;

	private final SignInSessions sessions;

	SignInController(LocalSignIn localSignIn, SignInSessions sessions) {
		this.localSignIn = localSignIn;
		this.sessions = sessions;
	}

	@GetMapping("/sign-in")
	String form() {
		return "signin/sign-in";
	}

	@PostMapping("/sign-in")
	String signIn(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		FormErrors errors = new FormErrors().requireText("username", username, "Enter your username")
			.requireText("password", password, "Enter your password");
		if (!errors.any()) {
			try {
				PrimarySignIn signIn = this.localSignIn.signIn(username, password);
				this.sessions.primarySignInPassed(signIn, request, response);
				return "redirect:/sign-in/two-factor";
			}
			catch (SignInFailed ex) {
				errors.add("username", ex.getMessage());
			}
			catch (SignInThrottled ex) {
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfter().toSeconds()));
				errors.add("username", ex.getMessage());
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("username", username);
		return "signin/sign-in";
	}

	@PostMapping("/sign-out")
	String signOut(HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		this.sessions.signOut(request, response);
		redirect.addFlashAttribute("notice", "You have signed out.");
		return "redirect:/sign-in";
	}

}
