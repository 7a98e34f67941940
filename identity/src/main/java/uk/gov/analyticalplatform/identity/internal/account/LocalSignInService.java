package uk.gov.analyticalplatform.identity.internal.account;

import java.util.Optional;

import org.springframework.transaction.annotation.Transactional;

import uk.gov.analyticalplatform.audit.Actor;
import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.identity.LocalSignIn;
import uk.gov.analyticalplatform.identity.PrimarySignIn;
import uk.gov.analyticalplatform.identity.SignInFailed;
import uk.gov.analyticalplatform.identity.UserAccount;

/**
 * Checks local passwords. A failed sign-in commits its audit event and then throws; the
 * reason is recorded in the audit log, never told to the caller.
 */
class LocalSignInService implements LocalSignIn {

	private final UserRecords records;

	private final PasswordHashing hashing;

	private final AuditLog audit;

	LocalSignInService(UserRecords records, PasswordHashing hashing, AuditLog audit) {
		this.records = records;
		this.hashing = hashing;
		this.audit = audit;
	}

	@Override
	@Transactional(noRollbackFor = SignInFailed.class)
	public PrimarySignIn signIn(String username, String password) {
		String normal = UserDetailsRules.normalUsername(username);
		Optional<UserAccount> found = this.records.findByUsername(normal);
		if (found.isEmpty()) {
			this.hashing.spendTimeOnUnknownUser(password);
			throw failed(Actor.system("sign-in"), normal.isEmpty() ? "-" : abbreviate(normal), "unknown-user");
		}
		UserAccount user = found.get();
		Actor actor = Actor.user(user.id().toString(), user.username());
		String hash = this.records.passwordHash(user.id()).orElse(null);
		if (hash == null) {
			this.hashing.spendTimeOnUnknownUser(password);
			throw failed(actor, user.id().toString(), "not-a-local-account");
		}
		if (!this.hashing.matches(password, hash)) {
			throw failed(actor, user.id().toString(), "wrong-password");
		}
		if (user.suspended()) {
			throw failed(actor, user.id().toString(), "suspended");
		}
		if (this.hashing.needsRehash(hash)) {
			this.records.rehashPassword(user.id(), this.hashing.hash(password));
		}
		this.audit.record(AuditEvent.of(actor, "signin.password.succeeded", "user", user.id().toString())
			.with("secondFactorEnrolled", user.secondFactorEnrolled()));
		return new PrimarySignIn(user, false);
	}

	private SignInFailed failed(Actor actor, String target, String reason) {
		this.audit.record(AuditEvent.of(actor, "signin.password.failed", "user", target).with("reason", reason));
		return new SignInFailed();
	}

	private static String abbreviate(String username) {
		return (username.length() > 100) ? username.substring(0, 100) : username;
	}

}
