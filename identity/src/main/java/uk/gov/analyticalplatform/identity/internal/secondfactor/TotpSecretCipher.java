package uk.gov.analyticalplatform.identity.internal.secondfactor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import uk.gov.analyticalplatform.identity.IdentityProperties;

/**
 * Encrypts TOTP secrets at rest with AES-GCM (96-bit random nonce, 128-bit tag), binding
 * each ciphertext to its user so that a secret cannot be moved to another account. Keys
 * come from configuration by id; new secrets use the active key, and secrets under older
 * keys stay readable until they are re-encrypted.
 */
final class TotpSecretCipher {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final Map<String, SecretKey> keys = new LinkedHashMap<>();

	private final String activeKeyId;

	private final SecureRandom random = new SecureRandom();

	TotpSecretCipher(IdentityProperties.Totp settings) {
		settings.encryptionKeys().forEach((id, value) -> this.keys.put(id, key(id, value)));
		this.activeKeyId = settings.activeKeyId();
		if (this.activeKeyId == null || !this.keys.containsKey(this.activeKeyId)) {
			throw new IllegalStateException("platform.identity.totp.active-key-id must name one of "
					+ "platform.identity.totp.encryption-keys (set PLATFORM_IDENTITY_TOTP_ENCRYPTION_KEYS_<ID> and "
					+ "PLATFORM_IDENTITY_TOTP_ACTIVE_KEY_ID); see docs/configuration.md");
		}
	}

	Sealed seal(UUID userId, String secret) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, this.keys.get(this.activeKeyId), nonce, userId);
			return new Sealed(this.activeKeyId, nonce, cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt a TOTP secret", ex);
		}
	}

	String open(UUID userId, Sealed sealed) {
		SecretKey key = this.keys.get(sealed.keyId());
		if (key == null) {
			throw new IllegalStateException("The TOTP secret of user " + userId + " is encrypted with key '"
					+ sealed.keyId() + "', which is not configured");
		}
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, sealed.nonce(), userId);
			return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.US_ASCII);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The TOTP secret of user " + userId + " could not be decrypted", ex);
		}
	}

	boolean isActive(String keyId) {
		return this.activeKeyId.equals(keyId);
	}

	private static Cipher cipher(int mode, SecretKey key, byte[] nonce, UUID userId) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(ByteBuffer.allocate(16)
			.putLong(userId.getMostSignificantBits())
			.putLong(userId.getLeastSignificantBits())
			.array());
		return cipher;
	}

	private static SecretKey key(String id, String base64) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("TOTP encryption key '" + id + "' is not valid base64");
		}
		if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
			throw new IllegalStateException("TOTP encryption key '" + id + "' must be 128, 192 or 256 bits");
		}
		return new SecretKeySpec(bytes, "AES");
	}

	/** A secret as stored: the key id, the nonce and the ciphertext with its tag. */
	record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {

	}

}
