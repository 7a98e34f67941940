package uk.gov.analyticalplatform.api.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.identity.Users;

/**
 * Turns the sign-in a session remembers into this request's
 * {@link PlatformAuthentication}, from the user as they are now. A session whose user is
 * suspended, or whose sessions were all ended since it signed in (a newer session epoch),
 * ends here: that is what makes suspension and "sign out everywhere" take effect at once.
 */
class SessionUserFilter extends OncePerRequestFilter {

	private final Users users;

	SessionUserFilter(Users users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof StoredSignIn stored) {
			Optional<UserAccount> user = this.users.findById(stored.userId())
				.filter((account) -> stillSignedIn(account, stored.sessionEpoch()));
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			if (user.isPresent()) {
				context.setAuthentication(PlatformAuthentication.forSession(user.get(), stored.secondFactorPassed()));
			}
			else {
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
			SecurityContextHolder.setContext(context);
		}
		chain.doFilter(request, response);
	}

	/** Whether a session that signed in at this session epoch still signs the user in. */
	static boolean stillSignedIn(UserAccount user, int sessionEpoch) {
		return !user.suspended() && user.sessionEpoch() == sessionEpoch;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
