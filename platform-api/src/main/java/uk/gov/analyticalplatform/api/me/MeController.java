package uk.gov.analyticalplatform.api.me;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import uk.gov.analyticalplatform.api.users.UserView;
import uk.gov.analyticalplatform.identity.ApiScope;
import uk.gov.analyticalplatform.identity.ApiTokenRequest;
import uk.gov.analyticalplatform.identity.ApiTokenRequestRefused;
import uk.gov.analyticalplatform.identity.ApiTokenSummary;
import uk.gov.analyticalplatform.identity.ApiTokens;
import uk.gov.analyticalplatform.identity.IssuedApiToken;
import uk.gov.analyticalplatform.identity.SecondFactor;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.identity.Users;
import uk.gov.analyticalplatform.web.SignInSessions;

/** The caller's own account: profile, password, recovery codes and API tokens. */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

	private final Users users;

	private final SecondFactor secondFactor;

	private final ApiTokens tokens;

	private final SignInSessions sessions;

	MeController(Users users, SecondFactor secondFactor, ApiTokens tokens, SignInSessions sessions) {
		this.users = users;
		this.secondFactor = secondFactor;
		this.tokens = tokens;
		this.sessions = sessions;
	}

	@GetMapping
	Me me(@AuthenticationPrincipal UserAccount user, Authentication authentication) {
		List<String> scopes = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith("SCOPE_"))
			.map((authority) -> authority.substring(6))
			.sorted()
			.toList();
		return new Me(UserView.of(user), scopes.isEmpty() ? "session" : "api-token", scopes);
	}

	@PostMapping("/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void changePassword(@AuthenticationPrincipal UserAccount user, @Valid @RequestBody PasswordChange change,
			HttpServletRequest request, HttpServletResponse response) {
		this.users.changePassword(user.id(), change.currentPassword(), change.newPassword());
		this.sessions.keepThisSession(request, response);
	}

	@PostMapping("/recovery-codes")
	RecoveryCodes regenerateRecoveryCodes(@AuthenticationPrincipal UserAccount user) {
		return new RecoveryCodes(this.secondFactor.regenerateRecoveryCodes(user.id()).codes());
	}

	@GetMapping("/tokens")
	List<TokenView> tokens(@AuthenticationPrincipal UserAccount user) {
		return this.tokens.list(user.id()).stream().map((token) -> TokenView.of(token, null)).toList();
	}

	@PostMapping("/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	TokenView issue(@AuthenticationPrincipal UserAccount user, @Valid @RequestBody NewToken request) {
		Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
		for (String scope : request.scopes()) {
			scopes.add(ApiScope.fromValue(scope)
				.orElseThrow(() -> new ApiTokenRequestRefused("There is no scope '" + scope + "'.")));
		}
		IssuedApiToken issued = this.tokens.issue(user.id(),
				new ApiTokenRequest(request.name(), scopes, request.expiresInDays()));
		return TokenView.of(issued.summary(), issued.token());
	}

	@DeleteMapping("/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id) {
		this.tokens.revoke(user.id(), id);
	}

	record Me(UserView user, String authenticatedWith, List<String> scopes) {
	}

	record PasswordChange(@NotBlank String currentPassword, @NotBlank String newPassword) {
	}

	record RecoveryCodes(List<String> recoveryCodes) {
	}

	record NewToken(@NotBlank String name, @NotEmpty List<String> scopes, int expiresInDays) {
	}

	/**
	 * A token as the API shows it; {@code token} is present only in the response that
	 * issues it.
	 */
	record TokenView(UUID id, String name, List<String> scopes, Instant createdAt, Instant expiresAt,
			Instant lastUsedAt, String token) {

		static TokenView of(ApiTokenSummary summary, String token) {
			return new TokenView(summary.id(), summary.name(),
					summary.scopes().stream().map(ApiScope::value).sorted().toList(), summary.createdAt(),
					summary.expiresAt(), summary.lastUsedAt(), token);
		}

	}

}
