package uk.gov.analyticalplatform.identity;

import java.time.Instant;

/** Too many wrong codes were given recently; the second factor is locked for a while. */
public class SecondFactorLocked extends IdentityException {

	private static final long serialVersionUID = 1L;

	private final Instant lockedUntil;

	public SecondFactorLocked(Instant lockedUntil) {
		super("Too many wrong codes. Two-factor sign-in for this account is locked until " + lockedUntil
				+ " (UTC); try again after that.");
		this.lockedUntil = lockedUntil;
	}

	public Instant lockedUntil() {
		return this.lockedUntil;
	}

}
