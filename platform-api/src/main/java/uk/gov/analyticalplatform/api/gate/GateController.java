package uk.gov.analyticalplatform.api.gate;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.gov.analyticalplatform.api.security.RememberedSignIn;
import uk.gov.analyticalplatform.api.security.SessionSignIns;
import uk.gov.analyticalplatform.identity.UserAccount;

/**
 * The authorisation gate: the ingress's external-auth call for every request to a tool or
 * app ({@code GET /authz/{area}}), and the sign-in URL it sends a browser to
 * ({@code GET /authz/sign-in?rd=...}).
 * <ul>
 * <li>2xx with {@value #USER_HEADER} and {@value #EMAIL_HEADER} for a signed-in user
 * (second factor passed) whom the area lets through;</li>
 * <li>401 when nobody is signed in (or the session is no longer current), and when the
 * user's own tool is asleep: the ingress then sends the browser to sign-in;</li>
 * <li>403 for a suspended user, and for any host the user may not reach, whether it
 * exists or not.</li>
 * </ul>
 * Nothing is written on this path: activity is batched by the {@link ActivityRecorder};
 * and nothing is read from the session store but once per session per time-to-live
 * ({@link GateSessions}).
 */
@RestController
class GateController {

	static final String USER_HEADER = "X-Auth-Request-User";

	static final String EMAIL_HEADER = "X-Auth-Request-Email";

	static final String AUTHZ = "/authz/";

	static final String SIGN_IN = AUTHZ + "sign-in";

	private final Gate gate;

	GateController(Gate gate) {
		this.gate = gate;
	}

	/**
	 * Any area's gate URL not answered by the {@link GateFilter} first (an area that does
	 * not exist): the same answers, through Spring MVC.
	 */
	@GetMapping("/authz/{area}")
	ResponseEntity<Void> authorise(@PathVariable String area, HttpServletRequest request) {
		Gate.Answer answer = this.gate.authorise(area, request);
		if (answer.user() != null) {
			HttpHeaders headers = new HttpHeaders();
			headers.set(USER_HEADER, answer.user().username());
			if (answer.user().email() != null) {
				headers.set(EMAIL_HEADER, answer.user().email());
			}
			return ResponseEntity.ok().cacheControl(CacheControl.noStore()).headers(headers).build();
		}
		return answer(answer.status());
	}

	/**
	 * Where the ingress sends a browser the gate answered 401: back to the original URL
	 * once signed in, through the area's wake page when the user's own tool is asleep.
	 * Only URLs of a gated area's hosts are followed.
	 */
	@GetMapping(SIGN_IN)
	void signIn(@RequestParam(name = "rd", defaultValue = "") String returnTo, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		String host = OriginalRequest.host(returnTo);
		Optional<GatedArea> area = (host != null) ? this.gate.serving(host) : Optional.empty();
		if (area.isEmpty()) {
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		Gate.Signed signed = this.gate.signedInNow(request);
		if (signed.status() == HttpStatus.FORBIDDEN) {
			response.sendError(HttpStatus.FORBIDDEN.value());
			return;
		}
		if (signed.status() != null) {
			request.getSession(true)
				.setAttribute(SessionSignIns.RETURN_AFTER_SIGN_IN, SIGN_IN + "?rd=" + encode(returnTo));
			response.sendRedirect("/sign-in");
			return;
		}
		GateDecision decision = area.get().decide(host, signed.user(), Gate.current(request));
		if (decision instanceof GateDecision.Allow) {
			response.sendRedirect(returnTo);
		}
		else if (decision instanceof GateDecision.Asleep) {
			response.sendRedirect(area.get().wake(host, signed.user()) + "?rd=" + encode(returnTo));
		}
		else {
			response.sendError(HttpStatus.FORBIDDEN.value());
		}
	}

	private static ResponseEntity<Void> answer(HttpStatus status) {
		return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).build();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
