package uk.gov.analyticalplatform.identity.internal.account;

import java.util.Map;
import java.util.UUID;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes passwords with Argon2id (prefixed {@code {argon2}} so that the algorithm can
 * change later), and spends the same time on unknown usernames as on known ones.
 */
class PasswordHashing {

	private final PasswordEncoder encoder = new DelegatingPasswordEncoder("argon2",
			Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));

	private final String decoy = this.encoder.encode(UUID.randomUUID().toString());

	String hash(String password) {
		return this.encoder.encode(password);
	}

	boolean matches(String password, String hash) {
		return password != null && this.encoder.matches(password, hash);
	}

	boolean needsRehash(String hash) {
		return this.encoder.upgradeEncoding(hash);
	}

	/**
	 * Takes as long as checking a real password, so that timing does not reveal
	 * usernames.
	 */
	void spendTimeOnUnknownUser(String password) {
		this.encoder.matches((password != null) ? password : "", this.decoy);
	}

}
