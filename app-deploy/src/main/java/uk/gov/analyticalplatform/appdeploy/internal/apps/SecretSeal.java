package uk.gov.analyticalplatform.appdeploy.internal.apps;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import uk.gov.analyticalplatform.identity.SealingKeys;
import uk.gov.analyticalplatform.identity.SealingKeys.Sealed;

/**
 * Apps' secrets sealed with the platform's {@link SealingKeys}, each bound to its app and
 * its name so that a ciphertext copied to another app or secret cannot be opened.
 */
public class SecretSeal {

	private final SealingKeys keys;

	public SecretSeal(SealingKeys keys) {
		this.keys = keys;
	}

	Sealed seal(UUID appId, String name, String value) {
		return this.keys.seal(value.getBytes(StandardCharsets.UTF_8), context(appId, name));
	}

	String open(UUID appId, String name, Sealed sealed) {
		return new String(this.keys.open(sealed, context(appId, name)), StandardCharsets.UTF_8);
	}

	private static byte[] context(UUID appId, String name) {
		return ("app-secret:" + appId + ":" + name).getBytes(StandardCharsets.UTF_8);
	}

}
