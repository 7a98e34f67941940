package uk.gov.analyticalplatform.api.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the control panel (web-ui's controllers), from Spring MVC's own
 * mappings, with sample path values.
 */
record BrowserRoutes(List<Route> all) {

	/** Where anyone may go. */
	static final Set<String> PUBLIC = Set.of("GET /sign-in", "POST /sign-in");

	/** Where a session that has not passed the second factor may go. */
	static final Set<String> SIGN_IN_STEPS = Set.of("GET /sign-in/two-factor", "POST /sign-in/two-factor",
			"GET /sign-in/two-factor/enrol", "POST /sign-in/two-factor/enrol", "GET /sign-in/recovery-code",
			"POST /sign-in/recovery-code", "POST /sign-out");

	static BrowserRoutes of(RequestMappingHandlerMapping mapping) {
		List<Route> routes = new ArrayList<>();
		mapping.getHandlerMethods().forEach((info, handler) -> {
			if (!isControlPanel(handler)) {
				return;
			}
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : patterns(info)) {
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					routes.add(new Route(method.name(), pattern, sample(pattern)));
				}
			}
		});
		return new BrowserRoutes(routes);
	}

	List<Route> beyondSignIn() {
		return this.all.stream()
			.filter((route) -> !PUBLIC.contains(route.toString()) && !SIGN_IN_STEPS.contains(route.toString()))
			.toList();
	}

	private static boolean isControlPanel(HandlerMethod handler) {
		return handler.getBeanType().getPackageName().startsWith("uk.gov.analyticalplatform.web");
	}

	private static Set<String> patterns(RequestMappingInfo info) {
		return info.getPathPatternsCondition().getPatternValues();
	}

	private static String sample(String pattern) {
		return pattern.replaceAll("\\{(id|[A-Za-z]+Id)}", "00000000-0000-0000-0000-000000000001")
			.replaceAll("\\{[^}]+}", "someone");
	}

	record Route(String method, String pattern, String path) {

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

}
