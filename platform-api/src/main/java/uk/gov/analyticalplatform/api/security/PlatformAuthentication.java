package uk.gov.analyticalplatform.api.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import uk.gov.analyticalplatform.identity.ApiScope;
import uk.gov.analyticalplatform.identity.AuthenticatedToken;
import uk.gov.analyticalplatform.identity.Role;
import uk.gov.analyticalplatform.identity.UserAccount;

/**
 * Who is making this request and how far they have signed in, built afresh for each
 * request from the session or the API token and the user as they are now.
 */
public final class PlatformAuthentication extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final transient UserAccount user;

	private final boolean secondFactorPassed;

	private final UUID tokenId;

	private PlatformAuthentication(UserAccount user, boolean secondFactorPassed, UUID tokenId,
			List<GrantedAuthority> authorities) {
		super(authorities);
		this.user = user;
		this.secondFactorPassed = secondFactorPassed;
		this.tokenId = tokenId;
		setAuthenticated(true);
	}

	/** Who is making the current request, if anyone signed in. */
	public static Optional<PlatformAuthentication> current() {
		return (SecurityContextHolder.getContext().getAuthentication() instanceof PlatformAuthentication platform)
				? Optional.of(platform) : Optional.empty();
	}

	static PlatformAuthentication forSession(UserAccount user, boolean secondFactorPassed) {
		List<String> authorities = new ArrayList<>(List.of(Authorities.SESSION));
		if (!secondFactorPassed) {
			authorities.add(Authorities.SECOND_FACTOR_PENDING);
		}
		else if (user.passwordChangeRequired()) {
			authorities.add(Authorities.PASSWORD_CHANGE_PENDING);
		}
		else {
			authorities.add(Authorities.SIGNED_IN);
			user.roles().forEach((role) -> authorities.add(role(role)));
		}
		return new PlatformAuthentication(user, secondFactorPassed, null, granted(authorities));
	}

	static PlatformAuthentication forToken(AuthenticatedToken token) {
		List<String> authorities = new ArrayList<>(List.of(Authorities.API_TOKEN, Authorities.SIGNED_IN));
		token.user().roles().forEach((role) -> authorities.add(role(role)));
		Set<ApiScope> scopes = token.scopes();
		scopes.forEach((scope) -> authorities.add(Authorities.scope(scope)));
		return new PlatformAuthentication(token.user(), true, token.tokenId(), granted(authorities));
	}

	/** The user as they are at this request. */
	public UserAccount user() {
		return this.user;
	}

	public boolean secondFactorPassed() {
		return this.secondFactorPassed;
	}

	public boolean viaSession() {
		return Authorities.has(this, Authorities.SESSION);
	}

	/** The API token this request authenticated with; none through a session. */
	public Optional<UUID> tokenId() {
		return Optional.ofNullable(this.tokenId);
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return this.user;
	}

	@Override
	public String getName() {
		return this.user.username();
	}

	@Override
	public boolean equals(Object other) {
		return this == other;
	}

	@Override
	public int hashCode() {
		return System.identityHashCode(this);
	}

	private static String role(Role role) {
		return "ROLE_" + role.name();
	}

	private static List<GrantedAuthority> granted(List<String> authorities) {
		return authorities.stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
	}

}
