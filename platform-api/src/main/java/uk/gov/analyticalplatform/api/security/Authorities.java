package uk.gov.analyticalplatform.api.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import uk.gov.analyticalplatform.identity.ApiScope;

/**
 * The authorities a request can carry, and the rules built from them. A session that has
 * passed only its first factor carries {@link #SECOND_FACTOR_PENDING} and nothing else
 * that opens a route; roles count only once sign-in is complete ({@link #SIGNED_IN}).
 */
final class Authorities {

	static final String SESSION = "SESSION";

	static final String API_TOKEN = "API_TOKEN";

	static final String SECOND_FACTOR_PENDING = "SECOND_FACTOR_PENDING";

	static final String PASSWORD_CHANGE_PENDING = "PASSWORD_CHANGE_PENDING";

	static final String SIGNED_IN = "SIGNED_IN";

	static final String PLATFORM_ADMIN = "ROLE_PLATFORM_ADMIN";

	private Authorities() {
	}

	static String scope(ApiScope scope) {
		return "SCOPE_" + scope.value();
	}

	/** Allows requests that carry every one of the authorities. */
	static AuthorizationManager<RequestAuthorizationContext> all(String... required) {
		return (authentication,
				context) -> new AuthorizationDecision(held(authentication.get()).containsAll(Arrays.asList(required)));
	}

	/**
	 * Allows requests that carry every one of {@code required} and any of {@code oneOf}.
	 */
	static AuthorizationManager<RequestAuthorizationContext> allAndAny(String[] required, String... oneOf) {
		return (authentication, context) -> {
			Set<String> held = held(authentication.get());
			return new AuthorizationDecision(
					held.containsAll(Arrays.asList(required)) && Arrays.stream(oneOf).anyMatch(held::contains));
		};
	}

	static Set<String> held(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return Set.of();
		}
		Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
		return authorities.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
	}

	static boolean has(Authentication authentication, String authority) {
		return held(authentication).contains(authority);
	}

}
