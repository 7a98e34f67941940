package uk.gov.analyticalplatform.identity.internal.account;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;

import uk.gov.analyticalplatform.audit.Actor;
import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.identity.CreatedUser;
import uk.gov.analyticalplatform.identity.CurrentPasswordIncorrect;
import uk.gov.analyticalplatform.identity.NewUser;
import uk.gov.analyticalplatform.identity.OwnAccountChangeRefused;
import uk.gov.analyticalplatform.identity.PasswordRejected;
import uk.gov.analyticalplatform.identity.Role;
import uk.gov.analyticalplatform.identity.SessionSignIn;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.identity.UserChange;
import uk.gov.analyticalplatform.identity.UserNotFound;
import uk.gov.analyticalplatform.identity.UserSuspended;
import uk.gov.analyticalplatform.identity.Users;
import uk.gov.analyticalplatform.identity.UsernameTaken;
import uk.gov.analyticalplatform.reconcile.AfterCommit;

/**
 * Users, administered by platform admins; each change is audited in its own transaction.
 */
class UsersService implements Users {

	private final UserRecords records;

	private final PasswordHashing hashing;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	UsersService(UserRecords records, PasswordHashing hashing, AuditLog audit, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.records = records;
		this.hashing = hashing;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<UserAccount> findById(UUID id) {
		return this.records.findById(id);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<UserAccount> findByUsername(String username) {
		return this.records.findByUsername(UserDetailsRules.normalUsername(username));
	}

	@Override
	@Transactional(readOnly = true)
	public List<UserAccount> list() {
		return this.records.findAll();
	}

	@Override
	@Transactional
	public CreatedUser create(UUID adminId, NewUser user) {
		UserAccount admin = require(adminId);
		String username = UserDetailsRules.username(user.username());
		String email = UserDetailsRules.email(user.email());
		String displayName = UserDetailsRules.displayName(user.displayName(), username);
		if (this.records.usernameExists(username)) {
			throw new UsernameTaken(username);
		}
		String password = InitialPasswords.generate();
		UUID id = UUID.randomUUID();
		this.records.insertLocal(id, username, email, displayName, this.hashing.hash(password), this.clock.instant());
		this.records.replaceRoles(id, EnumSet.of(Role.ANALYST), this.clock.instant());
		this.audit.record(AuditEvent.of(actor(admin), "user.created", "user", id.toString())
			.with("username", username)
			.with("origin", "LOCAL")
			.with("roles", List.of(Role.ANALYST.name())));
		return new CreatedUser(require(id), password);
	}

	@Override
	@Transactional
	public UserAccount update(UUID adminId, String username, UserChange change) {
		UserAccount admin = require(adminId);
		UserAccount user = this.records.findByUsername(UserDetailsRules.normalUsername(username))
			.orElseThrow(() -> UserNotFound.forUsername(username));
		this.records.lock(user.id());
		if (change.roles() != null) {
			changeRoles(admin, user, change.roles());
		}
		if (change.suspended() != null && change.suspended() != user.suspended()) {
			if (admin.id().equals(user.id())) {
				throw new OwnAccountChangeRefused();
			}
			this.records.setSuspended(user.id(), change.suspended(), this.clock.instant());
			this.audit.record(
					AuditEvent
						.of(actor(admin), change.suspended() ? "user.suspended" : "user.reactivated", "user",
								user.id().toString())
						.with("username", user.username()));
			if (change.suspended()) {
				AfterCommit.run(() -> this.events.publishEvent(new UserSuspended(user.id())));
			}
		}
		return require(user.id());
	}

	private void changeRoles(UserAccount admin, UserAccount user, Set<Role> wanted) {
		Set<Role> roles = EnumSet.of(Role.ANALYST);
		roles.addAll(wanted);
		if (roles.equals(user.roles())) {
			return;
		}
		if (admin.id().equals(user.id()) && !roles.contains(Role.PLATFORM_ADMIN)) {
			throw new OwnAccountChangeRefused();
		}
		this.records.replaceRoles(user.id(), roles, this.clock.instant());
		this.audit.record(AuditEvent.of(actor(admin), "user.roles.changed", "user", user.id().toString())
			.with("username", user.username())
			.change(names(user.roles()), names(roles)));
	}

	@Override
	@Transactional
	public UserAccount changePassword(UUID userId, String currentPassword, String newPassword) {
		UserAccount user = require(userId);
		this.records.lock(userId);
		String hash = this.records.passwordHash(userId)
			.orElseThrow(() -> new PasswordRejected("Your account's password is managed by your identity provider."));
		if (!this.hashing.matches(currentPassword, hash)) {
			throw new CurrentPasswordIncorrect();
		}
		PasswordPolicy.check(user.username(), newPassword);
		if (newPassword.equals(currentPassword)) {
			throw new PasswordRejected("The new password must be different from the current one.");
		}
		this.records.setPassword(userId, this.hashing.hash(newPassword), false, this.clock.instant());
		this.audit.record(AuditEvent.of(actor(user), "user.password.changed", "user", userId.toString())
			.with("wasRequired", user.passwordChangeRequired()));
		return require(userId);
	}

	@Override
	@Transactional
	public void endAllSessions(UUID userId) {
		UserAccount user = require(userId);
		this.records.endSessions(userId, this.clock.instant());
		this.audit.record(AuditEvent.of(actor(user), "user.sessions.ended", "user", userId.toString()));
	}

	@Override
	public Set<SessionSignIn> endedSignIns(Collection<SessionSignIn> signIns) {
		return signIns.isEmpty() ? Set.of() : this.records.endedSignIns(signIns);
	}

	private UserAccount require(UUID id) {
		return this.records.findById(id).orElseThrow(() -> new UserNotFound("There is no user with id " + id + "."));
	}

	static Actor actor(UserAccount user) {
		return Actor.user(user.id().toString(), user.username());
	}

	static List<String> names(Set<Role> roles) {
		return new TreeSet<>(roles.stream().map(Role::name).toList()).stream().toList();
	}

}
