package uk.gov.analyticalplatform.identity.internal.secondfactor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import uk.gov.analyticalplatform.identity.IdentityProperties;
import uk.gov.analyticalplatform.identity.SealingKeys;

/**
 * Encrypts TOTP secrets at rest with the platform's {@link SealingKeys} (AES-GCM),
 * binding each ciphertext to its user so that a secret cannot be moved to another
 * account. New secrets use the active key; secrets under older keys stay readable until
 * they are re-encrypted.
 */
final class TotpSecretCipher {

	private final SealingKeys keys;

	TotpSecretCipher(IdentityProperties.Totp settings) {
		this.keys = new SealingKeys("platform.identity.totp", settings.encryptionKeys(), settings.activeKeyId());
	}

	Sealed seal(UUID userId, String secret) {
		SealingKeys.Sealed sealed = this.keys.seal(secret.getBytes(StandardCharsets.US_ASCII), context(userId));
		return new Sealed(sealed.keyId(), sealed.nonce(), sealed.ciphertext());
	}

	String open(UUID userId, Sealed sealed) {
		try {
			byte[] secret = this.keys.open(new SealingKeys.Sealed(sealed.keyId(), sealed.nonce(), sealed.ciphertext()),
					context(userId));
			return new String(secret, StandardCharsets.US_ASCII);
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException("The TOTP secret of user " + userId + ": " + ex.getMessage(), ex);
		}
	}

	boolean isActive(String keyId) {
		return this.keys.isActive(keyId);
	}

	private static byte[] context(UUID userId) {
		return ByteBuffer.allocate(16)
			.putLong(userId.getMostSignificantBits())
			.putLong(userId.getLeastSignificantBits())
			.array();
	}

	/** A secret as stored: the key id, the nonce and the ciphertext with its tag. */
	record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {

	}

}
