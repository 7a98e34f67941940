package uk.gov.analyticalplatform.identity.internal.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import uk.gov.analyticalplatform.audit.Actor;
import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.identity.IdentityProperties;
import uk.gov.analyticalplatform.identity.SignInThrottled;

/**
 * Slows down password guessing, per account and per client address, in the database so
 * that every replica sees the same counts (OWASP ASVS 2.2.1). The account is the
 * normalised username whether or not such a user exists, so unknown and known usernames
 * are answered alike. Only hashes of usernames and addresses are stored. Runs inside the
 * sign-in's transaction.
 */
class SignInThrottle {

	static final String ACCOUNT = "account";

	static final String ADDRESS = "address";

	private final SignInThrottleRows rows;

	private final IdentityProperties.SignInThrottle settings;

	private final Supplier<Optional<String>> clientAddress;

	private final AuditLog audit;

	private final Clock clock;

	SignInThrottle(SignInThrottleRows rows, IdentityProperties.SignInThrottle settings,
			Supplier<Optional<String>> clientAddress, AuditLog audit, Clock clock) {
		this.rows = rows;
		this.settings = settings;
		this.clientAddress = clientAddress;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Holds further attempts for this username until the transaction ends, and refuses
	 * this one while the username or the client's address is blocked.
	 * @throws SignInThrottled when either is blocked
	 */
	Attempt begin(String normalUsername) {
		Attempt attempt = new Attempt(normalUsername, this.clientAddress.get().orElse(null));
		this.rows.lockAccount(attempt.accountHash());
		Instant now = this.clock.instant();
		Optional<Instant> until = this.rows.blockedUntil(attempt.accountHash(), attempt.addressHash(), now);
		if (until.isPresent()) {
			throw new SignInThrottled(Duration.between(now, until.get()));
		}
		return attempt;
	}

	/**
	 * Counts a wrong password against the account and the address; blocks either at its
	 * limit.
	 */
	void failed(Attempt attempt) {
		Instant now = this.clock.instant();
		Instant windowStart = now.minus(this.settings.window());
		this.rows.forgetQuiet(windowStart);
		count(ACCOUNT, attempt.accountHash(), this.settings.accountFailures(), attempt.username(), now, windowStart);
		if (attempt.address() != null) {
			count(ADDRESS, attempt.addressHash(), this.settings.addressFailures(), attempt.address(), now, windowStart);
		}
	}

	/**
	 * The right password: the account's wrong passwords are forgotten, the address's are
	 * not.
	 */
	void passed(Attempt attempt) {
		this.rows.forget(ACCOUNT, attempt.accountHash());
	}

	private void count(String kind, String hash, int limit, String subject, Instant now, Instant windowStart) {
		int failures = this.rows.addFailure(kind, hash, now, windowStart);
		if (failures < limit) {
			return;
		}
		Duration delay = this.settings.delay(failures, limit);
		this.rows.block(kind, hash, now.plus(delay));
		this.audit.record(AuditEvent.of(Actor.system("sign-in"), "signin.throttled", "sign_in_" + kind, subject)
			.with("failures", failures)
			.with("blockedSeconds", delay.toSeconds()));
	}

	static String hash(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One sign-in attempt: the normalised username (at most 100 characters) and the
	 * client's address, if known.
	 */
	record Attempt(String username, String address) {

		Attempt {
			username = (username.length() > 100) ? username.substring(0, 100) : username;
		}

		String accountHash() {
			return hash(this.username);
		}

		String addressHash() {
			return (this.address != null) ? hash(this.address) : hash("");
		}

	}

}
