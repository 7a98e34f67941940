package uk.gov.analyticalplatform.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import uk.gov.analyticalplatform.identity.PrimarySignIn;
import uk.gov.analyticalplatform.identity.UserAccount;

/**
 * The browser session's sign-in state, kept by the application's security configuration.
 * Each step that raises what the session may do gives it a new session id.
 */
public interface SignInSessions {

	/** Who this session belongs to, if anyone, and how far they have signed in. */
	Optional<SessionUser> current();

	/** The first factor passed: the session now reaches only the two-factor pages. */
	void primarySignInPassed(PrimarySignIn signIn, HttpServletRequest request, HttpServletResponse response);

	/**
	 * The second factor passed: the session reaches everything the user's roles allow.
	 */
	void secondFactorPassed(HttpServletRequest request, HttpServletResponse response);

	/**
	 * The user ended their other sessions (a password change, say); this session carries
	 * on.
	 */
	void keepThisSession(HttpServletRequest request, HttpServletResponse response);

	/**
	 * Where to send the browser once this session has passed the second factor: the page
	 * that sent it to sign in (a tool's or app's gate), else the home page. Asked once:
	 * the destination is forgotten.
	 */
	default String afterSignIn(HttpServletRequest request) {
		return "/";
	}

	/** Ends this session. */
	void signOut(HttpServletRequest request, HttpServletResponse response);

	/**
	 * @param user the user as they are now
	 * @param secondFactorPassed whether this session has passed the second factor
	 */
	record SessionUser(UserAccount user, boolean secondFactorPassed) {

	}

}
