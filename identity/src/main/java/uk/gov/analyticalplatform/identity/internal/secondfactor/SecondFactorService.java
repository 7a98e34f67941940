package uk.gov.analyticalplatform.identity.internal.secondfactor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import org.springframework.transaction.annotation.Transactional;

import uk.gov.analyticalplatform.audit.Actor;
import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.identity.IdentityProperties;
import uk.gov.analyticalplatform.identity.RecoveryCodes;
import uk.gov.analyticalplatform.identity.SecondFactor;
import uk.gov.analyticalplatform.identity.SecondFactorAlreadyEnrolled;
import uk.gov.analyticalplatform.identity.SecondFactorLocked;
import uk.gov.analyticalplatform.identity.SecondFactorNotEnrolled;
import uk.gov.analyticalplatform.identity.SecondFactorRejected;
import uk.gov.analyticalplatform.identity.TotpEnrolment;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.identity.UserNotFound;
import uk.gov.analyticalplatform.identity.Users;
import uk.gov.analyticalplatform.identity.internal.secondfactor.SecondFactorRecords.Credential;

/**
 * TOTP enrolment and verification with recovery codes and lockout. Each call locks the
 * user's row, so concurrent attempts for one user queue and a code cannot be used twice.
 * Failures commit (their audit events and the wrong-code history) before the exception
 * reaches the caller.
 */
class SecondFactorService implements SecondFactor {

	private final Users users;

	private final SecondFactorRecords records;

	private final TotpCodes codes;

	private final TotpSecretCipher cipher;

	private final TotpEnrolments enrolments;

	private final IdentityProperties.Lockout lockout;

	private final AuditLog audit;

	private final Clock clock;

	SecondFactorService(Users users, SecondFactorRecords records, TotpSecretCipher cipher, TotpEnrolments enrolments,
			IdentityProperties.Lockout lockout, AuditLog audit, Clock clock) {
		this.users = users;
		this.records = records;
		this.codes = new TotpCodes(6);
		this.cipher = cipher;
		this.enrolments = enrolments;
		this.lockout = lockout;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public TotpEnrolment startEnrolment(UUID userId) {
		UserAccount user = lock(userId);
		Credential credential = this.records.credential(userId).orElse(null);
		if (credential != null && credential.confirmed()) {
			throw new SecondFactorAlreadyEnrolled();
		}
		if (credential != null) {
			return this.enrolments.describe(user, this.cipher.open(userId, credential.sealed()));
		}
		String secret = this.enrolments.newSecret();
		this.records.insertCredential(userId, this.cipher.seal(userId, secret), this.clock.instant());
		this.audit.record(AuditEvent.of(actor(user), "totp.enrolment.started", "user", userId.toString()));
		return this.enrolments.describe(user, secret);
	}

	@Override
	@Transactional(noRollbackFor = { SecondFactorRejected.class, SecondFactorLocked.class })
	public RecoveryCodes confirmEnrolment(UUID userId, String code) {
		UserAccount user = lock(userId);
		Credential credential = this.records.credential(userId).orElseThrow(SecondFactorNotEnrolled::new);
		if (credential.confirmed()) {
			throw new SecondFactorAlreadyEnrolled();
		}
		ensureNotLocked(user, "totp");
		Instant now = this.clock.instant();
		OptionalLong step = this.codes.matchingStep(this.cipher.open(userId, credential.sealed()), code, now);
		if (step.isEmpty()) {
			throw failed(user, "totp-enrolment", "wrong-code");
		}
		this.records.confirm(userId, step.getAsLong(), now);
		this.records.clearFailures(userId);
		this.audit.record(AuditEvent.of(actor(user), "totp.enrolled", "user", userId.toString()));
		return issueRecoveryCodes(userId, now);
	}

	@Override
	@Transactional(noRollbackFor = { SecondFactorRejected.class, SecondFactorLocked.class })
	public void verify(UUID userId, String code) {
		UserAccount user = lock(userId);
		Credential credential = this.records.credential(userId)
			.filter(Credential::confirmed)
			.orElseThrow(SecondFactorNotEnrolled::new);
		ensureNotLocked(user, "totp");
		String secret = this.cipher.open(userId, credential.sealed());
		OptionalLong step = this.codes.matchingStep(secret, code, this.clock.instant());
		if (step.isEmpty()) {
			throw failed(user, "totp", "wrong-code");
		}
		if (!this.records.useStep(userId, step.getAsLong())) {
			throw failed(user, "totp", "code-already-used");
		}
		if (!this.cipher.isActive(credential.sealed().keyId())) {
			this.records.reseal(userId, this.cipher.seal(userId, secret));
		}
		passed(user, "totp");
	}

	@Override
	@Transactional(noRollbackFor = { SecondFactorRejected.class, SecondFactorLocked.class })
	public void redeemRecoveryCode(UUID userId, String code) {
		UserAccount user = lock(userId);
		ensureNotLocked(user, "recovery-code");
		if (!this.records.useRecoveryCode(userId, RecoveryCodeFormat.hash(code), this.clock.instant())) {
			throw failed(user, "recovery-code", "wrong-or-used-code");
		}
		passed(user, "recovery-code");
	}

	@Override
	@Transactional
	public RecoveryCodes regenerateRecoveryCodes(UUID userId) {
		UserAccount user = lock(userId);
		if (!user.secondFactorEnrolled()) {
			throw new SecondFactorNotEnrolled();
		}
		this.audit.record(AuditEvent.of(actor(user), "totp.recovery_codes.regenerated", "user", userId.toString()));
		return issueRecoveryCodes(userId, this.clock.instant());
	}

	@Override
	@Transactional
	public void reset(UUID adminId, String username) {
		UserAccount admin = this.users.findById(adminId)
			.orElseThrow(() -> UserNotFound.forUsername(adminId.toString()));
		UserAccount user = this.users.findByUsername(username).orElseThrow(() -> UserNotFound.forUsername(username));
		this.records.lockUser(user.id());
		this.records.deleteCredential(user.id());
		this.records.replaceRecoveryCodes(user.id(), List.of(), this.clock.instant());
		this.records.clearFailures(user.id());
		this.records.setLockedUntil(user.id(), null);
		this.records.endSessions(user.id());
		this.audit.record(AuditEvent.of(actor(admin), "totp.reset", "user", user.id().toString())
			.with("username", user.username())
			.with("wasEnrolled", user.secondFactorEnrolled()));
	}

	private void ensureNotLocked(UserAccount user, String method) {
		Instant until = this.records.lockedUntil(user.id()).orElse(null);
		Instant now = this.clock.instant();
		if (until != null && now.isBefore(until)) {
			this.audit.record(AuditEvent.of(actor(user), "signin.second_factor.failed", "user", user.id().toString())
				.with("method", method)
				.with("reason", "locked"));
			throw new SecondFactorLocked(until, now);
		}
	}

	private RuntimeException failed(UserAccount user, String method, String reason) {
		Instant now = this.clock.instant();
		int failures = this.records.addFailure(user.id(), now, now.minus(this.lockout.window()));
		this.audit.record(AuditEvent.of(actor(user), "signin.second_factor.failed", "user", user.id().toString())
			.with("method", method)
			.with("reason", reason)
			.with("recentFailures", failures));
		if (failures < this.lockout.maxFailures()) {
			return new SecondFactorRejected();
		}
		Instant until = now.plus(this.lockout.duration());
		this.records.setLockedUntil(user.id(), until);
		this.records.clearFailures(user.id());
		this.audit.record(AuditEvent.of(actor(user), "totp.locked", "user", user.id().toString())
			.with("lockedUntil", until.toString())
			.with("failures", failures));
		return new SecondFactorLocked(until, now);
	}

	private void passed(UserAccount user, String method) {
		this.records.clearFailures(user.id());
		this.records.setLockedUntil(user.id(), null);
		this.audit.record(AuditEvent.of(actor(user), "signin.second_factor.succeeded", "user", user.id().toString())
			.with("method", method)
			.with("recoveryCodesLeft", this.records.unusedRecoveryCodes(user.id())));
	}

	private RecoveryCodes issueRecoveryCodes(UUID userId, Instant now) {
		List<String> fresh = RecoveryCodeFormat.generate();
		this.records.replaceRecoveryCodes(userId, fresh.stream().map(RecoveryCodeFormat::hash).toList(), now);
		return new RecoveryCodes(fresh);
	}

	private UserAccount lock(UUID userId) {
		this.records.lockUser(userId);
		return this.users.findById(userId)
			.orElseThrow(() -> new UserNotFound("There is no user with id " + userId + "."));
	}

	private static Actor actor(UserAccount user) {
		return Actor.user(user.id().toString(), user.username());
	}

}
