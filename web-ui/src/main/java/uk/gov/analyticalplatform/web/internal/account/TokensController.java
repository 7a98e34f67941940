package uk.gov.analyticalplatform.web.internal.account;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.gov.analyticalplatform.identity.ApiScope;
import uk.gov.analyticalplatform.identity.ApiTokenRequest;
import uk.gov.analyticalplatform.identity.ApiTokens;
import uk.gov.analyticalplatform.identity.IdentityException;
import uk.gov.analyticalplatform.identity.IssuedApiToken;
import uk.gov.analyticalplatform.web.SignInSessions;
import uk.gov.analyticalplatform.web.internal.support.FormErrors;

/** The signed-in user's personal API tokens. */
@Controller
class TokensController {

	private final ApiTokens tokens;

	private final SignInSessions sessions;

	TokensController(ApiTokens tokens, SignInSessions sessions) {
		this.tokens = tokens;
		this.sessions = sessions;
	}

	@GetMapping("/account/tokens")
	String list(Model model) {
		return page(model);
	}

	@PostMapping("/account/tokens")
	String issue(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) List<String> scopes,
			@RequestParam(defaultValue = "30") String expiresInDays, Model model) {
		FormErrors errors = new FormErrors().requireText("name", name, "Enter a name for the token");
		Set<ApiScope> chosen = EnumSet.noneOf(ApiScope.class);
		if (scopes != null) {
			scopes.forEach((scope) -> ApiScope.fromValue(scope).ifPresent(chosen::add));
		}
		if (chosen.isEmpty()) {
			errors.add("scopes", "Choose at least one scope");
		}
		if (!expiresInDays.matches("\\d{1,3}")) {
			errors.add("expiresInDays", "Enter the number of days, from 1 to 90");
		}
		if (!errors.any()) {
			try {
				IssuedApiToken issued = this.tokens.issue(userId(),
						new ApiTokenRequest(name, chosen, Integer.parseInt(expiresInDays)));
				model.addAttribute("issued", issued);
			}
			catch (IdentityException ex) {
				errors.add("name", ex.getMessage());
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("name", errors.any() ? name : "");
		model.addAttribute("expiresInDays", errors.any() ? expiresInDays : null);
		return page(model);
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revoke(@PathVariable UUID id) {
		this.tokens.revoke(userId(), id);
		return "redirect:/account/tokens?revoked";
	}

	private String page(Model model) {
		model.addAttribute("tokens", this.tokens.list(userId()));
		model.addAttribute("allScopes", ApiScope.usableBy(this.sessions.current().orElseThrow().user().roles()));
		return "account/tokens";
	}

	private UUID userId() {
		return this.sessions.current().orElseThrow().user().id();
	}

}
