package uk.gov.analyticalplatform.identity;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A user as the rest of the platform sees them.
 *
 * @param id the stable id
 * @param username the unique, lower-case sign-in name
 * @param email the email address, if known
 * @param displayName the name to show
 * @param origin whether the account is local or comes from an OpenID Connect provider
 * @param roles the platform-wide roles, always including {@link Role#ANALYST}
 * @param suspended whether the user is suspended (nothing they hold works)
 * @param passwordChangeRequired whether the user must choose a new password before doing
 * anything else
 * @param secondFactorEnrolled whether the user has a confirmed TOTP authenticator
 * @param sessionEpoch increases whenever every existing session of the user must end
 * (suspension, two-factor reset, password change, sign-out everywhere)
 * @param createdAt when the account was created
 */
public record UserAccount(UUID id, String username, String email, String displayName, Origin origin, Set<Role> roles,
		boolean suspended, boolean passwordChangeRequired, boolean secondFactorEnrolled, int sessionEpoch,
		Instant createdAt) {

	public UserAccount {
		roles = Set.copyOf(roles);
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

	public boolean isPlatformAdmin() {
		return hasRole(Role.PLATFORM_ADMIN);
	}

	/** The role names in a stable order, for display. */
	public List<String> roleNames() {
		return this.roles.stream().map(Role::name).sorted().toList();
	}

	/** Where an account comes from. */
	public enum Origin {

		LOCAL, OIDC

	}

}
