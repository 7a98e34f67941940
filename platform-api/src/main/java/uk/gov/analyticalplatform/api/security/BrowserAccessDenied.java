package uk.gov.analyticalplatform.api.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Sends a browser that has not finished signing in to the step it is on (the second
 * factor, then a required password change); anything else is the 403 page.
 */
class BrowserAccessDenied implements AccessDeniedHandler {

	private final AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException, ServletException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (ex instanceof CsrfException) {
			response.sendRedirect(request.getContextPath() + "/sign-in");
		}
		else if (Authorities.has(authentication, Authorities.SECOND_FACTOR_PENDING)) {
			response.sendRedirect(request.getContextPath() + "/sign-in/two-factor");
		}
		else if (Authorities.has(authentication, Authorities.PASSWORD_CHANGE_PENDING)) {
			response.sendRedirect(request.getContextPath() + "/account/password");
		}
		else {
			this.forbidden.handle(request, response, ex);
		}
	}

}
