package uk.gov.analyticalplatform.identity;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption at rest for the platform's secrets (TOTP secrets, apps' secrets): AES-GCM
 * with a 96-bit random nonce and a 128-bit tag, under configured keys named by id. New
 * values are sealed with the active key; values sealed under any configured key stay
 * readable, so a key is rotated by adding a new one, making it active, and re-sealing.
 * <p>
 * Each sealed value is bound to a context (its owner's id, say) given as associated data:
 * a ciphertext copied to another owner cannot be opened.
 */
public final class SealingKeys {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final Map<String, SecretKey> keys = new LinkedHashMap<>();

	private final String activeKeyId;

	private final SecureRandom random = new SecureRandom();

	/**
	 * @param setting the configuration prefix of the keys, for messages (such as
	 * {@code platform.identity.totp})
	 * @param encryptionKeys AES keys (base64, 128, 192 or 256 bits) by key id
	 * @param activeKeyId the id of the key that seals new values
	 * @throws IllegalStateException if a key is malformed or the active id names none
	 */
	public SealingKeys(String setting, Map<String, String> encryptionKeys, String activeKeyId) {
		encryptionKeys.forEach((id, value) -> this.keys.put(id, key(setting, id, value)));
		this.activeKeyId = activeKeyId;
		if (activeKeyId == null || !this.keys.containsKey(activeKeyId)) {
			throw new IllegalStateException(setting + ".active-key-id must name one of " + setting
					+ ".encryption-keys; see docs/configuration.md");
		}
	}

	/** Seals a value with the active key, bound to {@code context}. */
	public Sealed seal(byte[] plaintext, byte[] context) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, this.keys.get(this.activeKeyId), nonce, context);
			return new Sealed(this.activeKeyId, nonce, cipher.doFinal(plaintext));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt a value", ex);
		}
	}

	/**
	 * Opens a sealed value.
	 * @throws IllegalStateException if its key is not configured, or it was tampered with
	 * or sealed for another context
	 */
	public byte[] open(Sealed sealed, byte[] context) {
		SecretKey key = this.keys.get(sealed.keyId());
		if (key == null) {
			throw new IllegalStateException(
					"A value is encrypted with key '" + sealed.keyId() + "', which is not configured");
		}
		try {
			return cipher(Cipher.DECRYPT_MODE, key, sealed.nonce(), context).doFinal(sealed.ciphertext());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A value could not be decrypted", ex);
		}
	}

	/** Whether values sealed under this key are up to date (need no re-sealing). */
	public boolean isActive(String keyId) {
		return this.activeKeyId.equals(keyId);
	}

	private static Cipher cipher(int mode, SecretKey key, byte[] nonce, byte[] context)
			throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(context);
		return cipher;
	}

	private static SecretKey key(String setting, String id, String base64) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(setting + " encryption key '" + id + "' is not valid base64");
		}
		if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
			throw new IllegalStateException(setting + " encryption key '" + id + "' must be 128, 192 or 256 bits");
		}
		return new SecretKeySpec(bytes, "AES");
	}

	/**
	 * A value as stored: the key id, the nonce and the ciphertext with its tag.
	 *
	 * @param keyId the id of the key that sealed it
	 * @param nonce the nonce
	 * @param ciphertext the ciphertext followed by the tag
	 */
	public record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {

	}

}
