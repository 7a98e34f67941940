package uk.gov.analyticalplatform.identity.internal.account;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.transaction.annotation.Transactional;

import uk.gov.analyticalplatform.audit.Actor;
import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.identity.OidcIdentity;
import uk.gov.analyticalplatform.identity.OidcSignIn;
import uk.gov.analyticalplatform.identity.PrimarySignIn;
import uk.gov.analyticalplatform.identity.Role;
import uk.gov.analyticalplatform.identity.SignInFailed;
import uk.gov.analyticalplatform.identity.UserAccount;

/**
 * Users from an OpenID Connect provider: created at their first sign-in, kept up to date
 * at later ones. Where the installation maps provider groups to the admin role, the
 * provider decides that role at every sign-in.
 */
class OidcSignInService implements OidcSignIn {

	private final UserRecords records;

	private final AuditLog audit;

	private final Clock clock;

	OidcSignInService(UserRecords records, AuditLog audit, Clock clock) {
		this.records = records;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(noRollbackFor = SignInFailed.class)
	public PrimarySignIn signIn(OidcIdentity identity) {
		UserAccount user = this.records.findByOidcSubject(identity.issuer(), identity.subject())
			.map((known) -> refresh(known, identity))
			.orElseGet(() -> create(identity));
		Actor actor = UsersService.actor(user);
		if (user.suspended()) {
			this.audit.record(AuditEvent.of(actor, "signin.oidc.failed", "user", user.id().toString())
				.with("issuer", identity.issuer())
				.with("reason", "suspended"));
			throw new SignInFailed();
		}
		this.audit.record(AuditEvent.of(actor, "signin.oidc.succeeded", "user", user.id().toString())
			.with("issuer", identity.issuer())
			.with("multiFactorFromProvider", identity.multiFactorTrusted()));
		return new PrimarySignIn(user, identity.multiFactorTrusted());
	}

	private UserAccount create(OidcIdentity identity) {
		String suggestion = (identity.preferredUsername() != null) ? identity.preferredUsername() : identity.email();
		String username = uniqueUsername(UserDetailsRules.fromClaim(suggestion, identity.issuer(), identity.subject()),
				identity);
		String email = UserDetailsRules.email(identity.email());
		String displayName = UserDetailsRules.displayName(identity.displayName(), username);
		UUID id = UUID.randomUUID();
		this.records.insertOidc(id, username, email, displayName, identity.issuer(), identity.subject(),
				this.clock.instant());
		Set<Role> roles = EnumSet.of(Role.ANALYST);
		if (Boolean.TRUE.equals(identity.platformAdmin())) {
			roles.add(Role.PLATFORM_ADMIN);
		}
		this.records.replaceRoles(id, roles, this.clock.instant());
		this.audit.record(AuditEvent.of(Actor.user(id.toString(), username), "user.created", "user", id.toString())
			.with("username", username)
			.with("origin", "OIDC")
			.with("issuer", identity.issuer())
			.with("roles", UsersService.names(roles)));
		return this.records.findById(id).orElseThrow();
	}

	private UserAccount refresh(UserAccount user, OidcIdentity identity) {
		String email = UserDetailsRules.email(identity.email());
		String displayName = UserDetailsRules.displayName(identity.displayName(), user.displayName());
		if (!Objects.equals(email, user.email()) || !displayName.equals(user.displayName())) {
			this.records.updateProfile(user.id(), email, displayName, this.clock.instant());
		}
		if (identity.platformAdmin() != null && identity.platformAdmin() != user.hasRole(Role.PLATFORM_ADMIN)) {
			Set<Role> roles = EnumSet.copyOf(user.roles());
			if (identity.platformAdmin()) {
				roles.add(Role.PLATFORM_ADMIN);
			}
			else {
				roles.remove(Role.PLATFORM_ADMIN);
			}
			this.records.replaceRoles(user.id(), roles, this.clock.instant());
			this.audit.record(AuditEvent.of(Actor.system("oidc"), "user.roles.changed", "user", user.id().toString())
				.with("username", user.username())
				.with("source", "identity provider groups")
				.change(UsersService.names(user.roles()), UsersService.names(roles)));
		}
		return this.records.findById(user.id()).orElseThrow();
	}

	private String uniqueUsername(String base, OidcIdentity identity) {
		if (!this.records.usernameExists(base)) {
			return base;
		}
		String candidate = base + "-" + UserDetailsRules.fingerprint(identity.issuer(), identity.subject());
		for (int n = 2; this.records.usernameExists(candidate); n++) {
			candidate = base + "-" + UserDetailsRules.fingerprint(identity.issuer(), identity.subject()) + "-" + n;
		}
		return candidate;
	}

}
