package uk.gov.analyticalplatform.api.security;

import java.util.UUID;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * Security contexts as a session stores them after sign-in, for tests of other packages.
 */
public final class StoredSignIns {

	private StoredSignIns() {
	}

	/**
	 * The context a session holds once the user signed in (and passed the second factor).
	 */
	public static SecurityContext signedIn(UUID userId, int sessionEpoch, boolean secondFactorPassed) {
		return new SecurityContextImpl(new StoredSignIn(userId, "user-" + userId, sessionEpoch, secondFactorPassed));
	}

}
