package uk.gov.analyticalplatform.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import uk.gov.analyticalplatform.audit.AuditProperties.CheckpointSettings;

/**
 * Signs and checks checkpoints with HMAC-SHA-256 keys from configuration, never from the
 * database. Several keys may be configured so that checkpoints signed before a rotation
 * still verify.
 */
class CheckpointSigner {

	static final String ALGORITHM = "HMAC-SHA256";

	private static final int MIN_KEY_BYTES = 32;

	private final Map<String, byte[]> keys = new HashMap<>();

	private final String signingKeyId;

	CheckpointSigner(CheckpointSettings settings) {
		settings.keys().forEach((id, encoded) -> {
			byte[] key = Base64.getDecoder().decode(encoded.trim());
			if (key.length < MIN_KEY_BYTES) {
				throw new IllegalArgumentException("Checkpoint key '" + id + "' is " + key.length
						+ " bytes; HMAC-SHA-256 keys must have at least " + MIN_KEY_BYTES);
			}
			this.keys.put(id, key);
		});
		this.signingKeyId = settings.enabled() ? settings.signingKeyId() : null;
		if (this.signingKeyId != null && !this.keys.containsKey(this.signingKeyId)) {
			throw new IllegalArgumentException("platform.audit.checkpoint.signing-key-id names key '"
					+ this.signingKeyId + "', which is not among platform.audit.checkpoint.keys");
		}
	}

	boolean canSign() {
		return this.signingKeyId != null;
	}

	String signingKeyId() {
		return this.signingKeyId;
	}

	byte[] sign(long seq, byte[] headHash, Instant createdAt) {
		if (!canSign()) {
			throw new IllegalStateException("No checkpoint signing key is configured (platform.audit.checkpoint.*)");
		}
		return mac(this.keys.get(this.signingKeyId), message(seq, headHash, createdAt, this.signingKeyId));
	}

	/** Whether the signature is right; {@code false} also when the key is unknown. */
	boolean verify(long seq, byte[] headHash, Instant createdAt, String keyId, byte[] signature) {
		byte[] key = this.keys.get(keyId);
		return key != null && MessageDigest.isEqual(mac(key, message(seq, headHash, createdAt, keyId)), signature);
	}

	boolean knows(String keyId) {
		return this.keys.containsKey(keyId);
	}

	private static String message(long seq, byte[] headHash, Instant createdAt, String keyId) {
		return "analytical-platform-audit-checkpoint:v1\n" + seq + "\n" + ChainHash.hex(headHash) + "\n"
				+ DateTimeFormatter.ISO_INSTANT.format(createdAt) + "\n" + keyId;
	}

	private static byte[] mac(byte[] key, String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", ex);
		}
	}

}
