package uk.gov.analyticalplatform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one test clock of the product: real time plus an offset that tests move forward
 * instead of waiting (grant expiry, lockouts, token expiry, TOTP time steps). Always UTC.
 */
public final class MovableClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	/** Moves the clock forward (or back, for a negative duration) for every reader. */
	public void advance(Duration duration) {
		this.offset = this.offset.plus(duration);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
