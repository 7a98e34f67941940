package uk.gov.analyticalplatform.api.auth;

import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import uk.gov.analyticalplatform.identity.LocalSignIn;
import uk.gov.analyticalplatform.identity.PrimarySignIn;
import uk.gov.analyticalplatform.identity.SecondFactor;
import uk.gov.analyticalplatform.identity.TotpEnrolment;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.identity.Users;
import uk.gov.analyticalplatform.web.SignInSessions;

/**
 * Signing in from scripts: password, then TOTP enrolment or a code (or a recovery code),
 * in a session. See {@code docs/api.md} for the whole exchange, CSRF included.
 */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

	private final LocalSignIn localSignIn;

	private final SecondFactor secondFactor;

	private final Users users;

	private final SignInSessions sessions;

	AuthController(LocalSignIn localSignIn, SecondFactor secondFactor, Users users, SignInSessions sessions) {
		this.localSignIn = localSignIn;
		this.secondFactor = secondFactor;
		this.users = users;
		this.sessions = sessions;
	}

	@GetMapping("/csrf")
	CsrfTokenView csrf(CsrfToken token) {
		return new CsrfTokenView(token.getHeaderName(), token.getToken());
	}

	@PostMapping("/login")
	SignInStatus login(@Valid @RequestBody Login login, HttpServletRequest request, HttpServletResponse response) {
		PrimarySignIn signIn = this.localSignIn.signIn(login.username(), login.password());
		this.sessions.primarySignInPassed(signIn, request, response);
		return new SignInStatus(!signIn.secondFactorSatisfied(), signIn.enrolmentRequired(),
				signIn.user().passwordChangeRequired());
	}

	@PostMapping("/totp/enrolment")
	Enrolment startEnrolment(@AuthenticationPrincipal UserAccount user) {
		TotpEnrolment enrolment = this.secondFactor.startEnrolment(user.id());
		return new Enrolment(enrolment.secret(), enrolment.otpauthUri(),
				Base64.getEncoder().encodeToString(enrolment.qrCodePng()));
	}

	@PostMapping("/totp/enrolment/confirm")
	RecoveryCodesView confirmEnrolment(@AuthenticationPrincipal UserAccount user, @Valid @RequestBody Code code,
			HttpServletRequest request, HttpServletResponse response) {
		List<String> codes = this.secondFactor.confirmEnrolment(user.id(), code.code()).codes();
		this.sessions.secondFactorPassed(request, response);
		return new RecoveryCodesView(codes);
	}

	@PostMapping("/totp/verify")
	SignInStatus verify(@AuthenticationPrincipal UserAccount user, @Valid @RequestBody Code code,
			HttpServletRequest request, HttpServletResponse response) {
		this.secondFactor.verify(user.id(), code.code());
		this.sessions.secondFactorPassed(request, response);
		return passed(user);
	}

	@PostMapping("/recovery-code")
	SignInStatus recoveryCode(@AuthenticationPrincipal UserAccount user, @Valid @RequestBody Code code,
			HttpServletRequest request, HttpServletResponse response) {
		this.secondFactor.redeemRecoveryCode(user.id(), code.code());
		this.sessions.secondFactorPassed(request, response);
		return passed(user);
	}

	@PostMapping("/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void logout(@AuthenticationPrincipal UserAccount user, @RequestBody(required = false) Logout logout,
			HttpServletRequest request, HttpServletResponse response) {
		if (logout != null && logout.everywhere()) {
			this.users.endAllSessions(user.id());
		}
		this.sessions.signOut(request, response);
	}

	private SignInStatus passed(UserAccount user) {
		return new SignInStatus(false, false, user.passwordChangeRequired());
	}

	record Login(@NotBlank String username, @NotBlank String password) {
	}

	record Code(@NotBlank String code) {
	}

	record Logout(boolean everywhere) {
	}

	record CsrfTokenView(String headerName, String token) {
	}

	record SignInStatus(boolean mfaRequired, boolean enrolmentRequired, boolean passwordChangeRequired) {
	}

	record Enrolment(String secret, String otpauthUri, String qrPngBase64) {
	}

	record RecoveryCodesView(List<String> recoveryCodes) {
	}

}
