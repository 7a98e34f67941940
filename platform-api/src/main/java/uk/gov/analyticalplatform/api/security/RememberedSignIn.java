package uk.gov.analyticalplatform.api.security;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What this request's session remembers about its sign-in, before anyone has checked the
 * user as they are now: for the authorisation gate, which tells a suspended user (403)
 * from nobody signed in (401) and so reads the user itself.
 *
 * @param userId whose session it is
 * @param sessionEpoch the user's session epoch when the session signed in; a newer epoch
 * ends the session
 * @param secondFactorPassed whether the session passed the second factor
 */
public record RememberedSignIn(UUID userId, int sessionEpoch, boolean secondFactorPassed) {

	/**
	 * The sign-in the current security context holds as loaded from the session, if it is
	 * one.
	 */
	public static Optional<RememberedSignIn> current() {
		return of(SecurityContextHolder.getContext());
	}

	/**
	 * The sign-in a security context holds as loaded from a session, if it is one.
	 * @param context a context as the session repository loaded it, or {@code null}
	 */
	public static Optional<RememberedSignIn> of(SecurityContext context) {
		Authentication authentication = (context != null) ? context.getAuthentication() : null;
		if (authentication instanceof StoredSignIn stored) {
			return Optional
				.of(new RememberedSignIn(stored.userId(), stored.sessionEpoch(), stored.secondFactorPassed()));
		}
		return Optional.empty();
	}

}
