package uk.gov.analyticalplatform.identity;

import java.time.Duration;
import java.time.Instant;

/** Too many wrong codes were given recently; the second factor is locked for a while. */
public class SecondFactorLocked extends IdentityException implements TemporarilyRefused {

	private static final long serialVersionUID = 1L;

	private final Instant lockedUntil;

	private final Duration retryAfter;

	/**
	 * @param lockedUntil when the lock ends
	 * @param now the time now, by the module's clock
	 */
	public SecondFactorLocked(Instant lockedUntil, Instant now) {
		this(lockedUntil, SignInThrottled.atLeastASecond(Duration.between(now, lockedUntil)));
	}

	private SecondFactorLocked(Instant lockedUntil, Duration retryAfter) {
		super("Too many wrong codes. Two-factor sign-in for this account is locked: wait "
				+ TemporarilyRefused.inWords(retryAfter) + ", then try again.");
		this.lockedUntil = lockedUntil;
		this.retryAfter = retryAfter;
	}

	public Instant lockedUntil() {
		return this.lockedUntil;
	}

	@Override
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
