package uk.gov.analyticalplatform.web.internal.signin;

import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.analyticalplatform.identity.IdentityException;
import uk.gov.analyticalplatform.identity.RecoveryCodes;
import uk.gov.analyticalplatform.identity.SecondFactorRejected;
import uk.gov.analyticalplatform.identity.SecondFactor;
import uk.gov.analyticalplatform.identity.TotpEnrolment;
import uk.gov.analyticalplatform.web.SignInSessions;
import uk.gov.analyticalplatform.web.SignInSessions.SessionUser;
import uk.gov.analyticalplatform.web.internal.support.FormErrors;

/**
 * The second step of signing in: enrolling an authenticator, a code, or a recovery code.
 */
@Controller
class TwoFactorController {

	private final SecondFactor secondFactor;

	private final SignInSessions sessions;

	TwoFactorController(SecondFactor secondFactor, SignInSessions sessions) {
		this.secondFactor = secondFactor;
		this.sessions = sessions;
	}

	@GetMapping("/sign-in/two-factor")
	String codeForm(HttpServletRequest request) {
		SessionUser session = this.sessions.current().orElseThrow();
		if (session.secondFactorPassed()) {
			return "redirect:" + this.sessions.afterSignIn(request);
		}
		return session.user().secondFactorEnrolled() ? "signin/two-factor" : "redirect:/sign-in/two-factor/enrol";
	}

	@PostMapping("/sign-in/two-factor")
	String verify(@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		SessionUser session = this.sessions.current().orElseThrow();
		FormErrors errors = new FormErrors().requireText("code", code, "Enter the code from your authenticator app");
		if (!errors.any()) {
			try {
				this.secondFactor.verify(session.user().id(), code);
				this.sessions.secondFactorPassed(request, response);
				return "redirect:" + this.sessions.afterSignIn(request);
			}
			catch (IdentityException ex) {
				errors.add("code", ex.getMessage());
			}
		}
		model.addAttribute("errors", errors);
		return "signin/two-factor";
	}

	@GetMapping("/sign-in/two-factor/enrol")
	String enrolForm(Model model) {
		SessionUser session = this.sessions.current().orElseThrow();
		if (session.user().secondFactorEnrolled()) {
			return "redirect:/sign-in/two-factor";
		}
		describe(model, this.secondFactor.startEnrolment(session.user().id()));
		return "signin/enrol";
	}

	@PostMapping("/sign-in/two-factor/enrol")
	String confirm(@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		SessionUser session = this.sessions.current().orElseThrow();
		FormErrors errors = new FormErrors().requireText("code", code, "Enter the code from your authenticator app");
		if (!errors.any()) {
			try {
				RecoveryCodes codes = this.secondFactor.confirmEnrolment(session.user().id(), code);
				this.sessions.secondFactorPassed(request, response);
				redirect.addFlashAttribute("recoveryCodes", codes.codes());
				return "redirect:/account/recovery-codes/new";
			}
			catch (IdentityException ex) {
				errors.add("code", ex.getMessage());
			}
		}
		model.addAttribute("errors", errors);
		describe(model, this.secondFactor.startEnrolment(session.user().id()));
		return "signin/enrol";
	}

	@GetMapping("/sign-in/recovery-code")
	String recoveryForm() {
		return "signin/recovery-code";
	}

	@PostMapping("/sign-in/recovery-code")
	String redeem(@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		SessionUser session = this.sessions.current().orElseThrow();
		FormErrors errors = new FormErrors().requireText("code", code, "Enter one of your recovery codes");
		if (!errors.any()) {
			try {
				this.secondFactor.redeemRecoveryCode(session.user().id(), code);
				this.sessions.secondFactorPassed(request, response);
				return "redirect:" + this.sessions.afterSignIn(request);
			}
			catch (SecondFactorRejected ex) {
				errors.add("code", "That recovery code is not right, or it has been used already");
			}
			catch (IdentityException ex) {
				errors.add("code", ex.getMessage());
			}
		}
		model.addAttribute("errors", errors);
		return "signin/recovery-code";
	}

	private static void describe(Model model, TotpEnrolment enrolment) {
		model.addAttribute("qrCode",
				"data:image/png;base64," + Base64.getEncoder().encodeToString(enrolment.qrCodePng()));
		model.addAttribute("secret", enrolment.secret().replaceAll("(.{4})(?!$)", "$1 "));
		model.addAttribute("otpauthUri", enrolment.otpauthUri());
	}

}
