package uk.gov.analyticalplatform.api.security;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;

import uk.gov.analyticalplatform.identity.PrimarySignIn;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.identity.Users;
import uk.gov.analyticalplatform.web.SignInSessions;

/**
 * Keeps a session's sign-in state for the browser pages and the JSON API alike, giving
 * the session a new id whenever it may do more than before.
 */
public class SessionSignIns implements SignInSessions {

	/**
	 * The session attribute holding where to send the browser once sign-in completes: a
	 * path of this application (the gate's sign-in, which returns to the tool or app).
	 */
	public static final String RETURN_AFTER_SIGN_IN = "platform.returnAfterSignIn";

	private final SecurityContextRepository repository;

	private final Users users;

	SessionSignIns(SecurityContextRepository repository, Users users) {
		this.repository = repository;
		this.users = users;
	}

	@Override
	public Optional<SessionUser> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof PlatformAuthentication platform && platform.viaSession()) {
			return Optional.of(new SessionUser(platform.user(), platform.secondFactorPassed()));
		}
		return Optional.empty();
	}

	@Override
	public void primarySignInPassed(PrimarySignIn signIn, HttpServletRequest request, HttpServletResponse response) {
		UserAccount user = signIn.user();
		store(new StoredSignIn(user.id(), user.username(), user.sessionEpoch(), signIn.secondFactorSatisfied()), user,
				request, response);
	}

	@Override
	public void secondFactorPassed(HttpServletRequest request, HttpServletResponse response) {
		UserAccount user = requireCurrent();
		store(new StoredSignIn(user.id(), user.username(), user.sessionEpoch(), true), user, request, response);
	}

	@Override
	public void keepThisSession(HttpServletRequest request, HttpServletResponse response) {
		SessionUser current = current().orElseThrow(() -> new IllegalStateException("No signed-in session"));
		UserAccount user = this.users.findById(current.user().id()).orElseThrow();
		store(new StoredSignIn(user.id(), user.username(), user.sessionEpoch(), current.secondFactorPassed()), user,
				request, response);
	}

	@Override
	public String afterSignIn(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Object destination = (session != null) ? session.getAttribute(RETURN_AFTER_SIGN_IN) : null;
		if (destination instanceof String path && path.startsWith("/") && !path.startsWith("//")) {
			session.removeAttribute(RETURN_AFTER_SIGN_IN);
			return path;
		}
		return "/";
	}

	@Override
	public void signOut(HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
	}

	private UserAccount requireCurrent() {
		return current().orElseThrow(() -> new IllegalStateException("No signed-in session")).user();
	}

	private void store(StoredSignIn stored, UserAccount user, HttpServletRequest request,
			HttpServletResponse response) {
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		else {
			request.getSession(true);
		}
		SecurityContext saved = SecurityContextHolder.createEmptyContext();
		saved.setAuthentication(stored);
		this.repository.saveContext(saved, request, response);
		SecurityContext current = SecurityContextHolder.createEmptyContext();
		current.setAuthentication(PlatformAuthentication.forSession(user, stored.secondFactorPassed()));
		SecurityContextHolder.setContext(current);
	}

}
