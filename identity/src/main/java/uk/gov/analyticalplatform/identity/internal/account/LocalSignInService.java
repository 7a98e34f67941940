package uk.gov.analyticalplatform.identity.internal.account;

import java.util.Optional;

import org.springframework.transaction.annotation.Transactional;

import uk.gov.analyticalplatform.audit.Actor;
import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.identity.LocalSignIn;
import uk.gov.analyticalplatform.identity.PrimarySignIn;
import uk.gov.analyticalplatform.identity.SignInFailed;
import uk.gov.analyticalplatform.identity.SignInThrottled;
import uk.gov.analyticalplatform.identity.UserAccount;

/**
 * Checks local passwords, behind the {@link SignInThrottle}. A failed sign-in commits its
 * audit event and then throws; the reason is recorded in the audit log, never told to the
 * caller.
 */
class LocalSignInService implements LocalSignIn {

	private final UserRecords records;

	private final PasswordHashing hashing;

	private final SignInThrottle throttle;

	private final AuditLog audit;

	LocalSignInService(UserRecords records, PasswordHashing hashing, SignInThrottle throttle, AuditLog audit) {
		this.records = records;
		this.hashing = hashing;
		this.throttle = throttle;
		this.audit = audit;
	}

	@Override
	@Transactional(noRollbackFor = { SignInFailed.class, SignInThrottled.class })
	public PrimarySignIn signIn(String username, String password) {
		String normal = UserDetailsRules.normalUsername(username);
		Optional<UserAccount> found = this.records.findByUsername(normal);
		Actor actor = found.map((user) -> Actor.user(user.id().toString(), user.username()))
			.orElse(Actor.system("sign-in"));
		String target = found.map((user) -> user.id().toString()).orElse(normal.isEmpty() ? "-" : abbreviate(normal));
		SignInThrottle.Attempt attempt;
		try {
			attempt = this.throttle.begin(normal);
		}
		catch (SignInThrottled ex) {
			record(actor, target, "throttled");
			throw ex;
		}
		UserAccount user = check(found, password, actor, target, attempt);
		this.throttle.passed(attempt);
		this.audit.record(AuditEvent.of(actor, "signin.password.succeeded", "user", target)
			.with("secondFactorEnrolled", user.secondFactorEnrolled()));
		return new PrimarySignIn(user, false);
	}

	private UserAccount check(Optional<UserAccount> found, String password, Actor actor, String target,
			SignInThrottle.Attempt attempt) {
		if (found.isEmpty()) {
			this.hashing.spendTimeOnUnknownUser(password);
			throw failed(actor, target, "unknown-user", attempt);
		}
		UserAccount user = found.get();
		String hash = this.records.passwordHash(user.id()).orElse(null);
		if (hash == null) {
			this.hashing.spendTimeOnUnknownUser(password);
			throw failed(actor, target, "not-a-local-account", attempt);
		}
		if (!this.hashing.matches(password, hash)) {
			throw failed(actor, target, "wrong-password", attempt);
		}
		if (user.suspended()) {
			throw failed(actor, target, "suspended", attempt);
		}
		if (this.hashing.needsRehash(hash)) {
			this.records.rehashPassword(user.id(), this.hashing.hash(password));
		}
		return user;
	}

	private SignInFailed failed(Actor actor, String target, String reason, SignInThrottle.Attempt attempt) {
		record(actor, target, reason);
		this.throttle.failed(attempt);
		return new SignInFailed();
	}

	private void record(Actor actor, String target, String reason) {
		this.audit.record(AuditEvent.of(actor, "signin.password.failed", "user", target).with("reason", reason));
	}

	private static String abbreviate(String username) {
		return (username.length() > 100) ? username.substring(0, 100) : username;
	}

}
