package uk.gov.analyticalplatform.api.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import uk.gov.analyticalplatform.identity.ApiTokens;
import uk.gov.analyticalplatform.identity.AuthenticatedToken;

/**
 * Authenticates {@code Authorization: Bearer <token>} with a personal API token. A token
 * that is unknown, expired, revoked or whose owner is suspended gets a 401 at once; a
 * request with a bearer token never uses the session.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	static final RequestMatcher BEARER = (request) -> bearer(request) != null;

	private final ApiTokens tokens;

	private final AuthenticationEntryPoint entryPoint;

	BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint) {
		this.tokens = tokens;
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String token = bearer(request);
		if (token == null) {
			chain.doFilter(request, response);
			return;
		}
		Optional<AuthenticatedToken> authenticated = this.tokens.authenticate(token);
		if (authenticated.isEmpty()) {
			SecurityContextHolder.clearContext();
			this.entryPoint.commence(request, response,
					new BadCredentialsException("The API token is not valid: it is unknown, expired or revoked."));
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(PlatformAuthentication.forToken(authenticated.get()));
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}

	private static String bearer(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		return header.substring(7).trim();
	}

}
