package uk.gov.analyticalplatform.identity;

import java.util.UUID;

/**
 * TOTP two-factor authentication (RFC 6238: SHA-1, 6 digits, 30-second steps, one step of
 * clock drift either way) with one-time recovery codes.
 * <p>
 * Guarantees: each code is accepted at most once, and never one older than the last
 * accepted; five wrong codes (or recovery codes) within the configured window lock the
 * second factor for the configured time; secrets are stored encrypted and recovery codes
 * hashed. Every outcome is audited.
 */
public interface SecondFactor {

	/**
	 * Starts enrolment, or returns the enrolment already started and not yet confirmed.
	 * @throws SecondFactorAlreadyEnrolled when the user already has a confirmed
	 * authenticator
	 */
	TotpEnrolment startEnrolment(UUID userId);

	/**
	 * Confirms enrolment with a code from the new authenticator.
	 * @return ten new one-time recovery codes, shown to the user once
	 * @throws SecondFactorRejected when the code is wrong
	 * @throws SecondFactorNotEnrolled when no enrolment was started
	 */
	RecoveryCodes confirmEnrolment(UUID userId, String code);

	/**
	 * Checks a code at sign-in.
	 * @throws SecondFactorRejected when the code is wrong or already used
	 * @throws SecondFactorLocked when too many wrong codes were given recently
	 * @throws SecondFactorNotEnrolled when the user has no confirmed authenticator
	 */
	void verify(UUID userId, String code);

	/**
	 * Uses a recovery code instead of a TOTP code; each works once.
	 * @throws SecondFactorRejected when the code is wrong or already used
	 * @throws SecondFactorLocked when too many wrong codes were given recently
	 */
	void redeemRecoveryCode(UUID userId, String code);

	/** Replaces the user's recovery codes with ten new ones. */
	RecoveryCodes regenerateRecoveryCodes(UUID userId);

	/**
	 * An admin removes a user's authenticator, recovery codes and lockout; the user must
	 * enrol again and every session they hold ends.
	 * @throws UserNotFound when there is no such user
	 */
	void reset(UUID adminId, String username);

}
