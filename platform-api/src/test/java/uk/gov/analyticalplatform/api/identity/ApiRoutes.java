package uk.gov.analyticalplatform.api.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the JSON API, from Spring MVC's own mappings, with sample path values.
 */
record ApiRoutes(List<Route> all) {

	/**
	 * Where a session that has not passed the second factor may go, and where anyone may.
	 */
	static final Set<String> SIGN_IN_STEPS = Set.of("/api/v1/auth/login", "/api/v1/auth/csrf",
			"/api/v1/auth/totp/enrolment", "/api/v1/auth/totp/enrolment/confirm", "/api/v1/auth/totp/verify",
			"/api/v1/auth/recovery-code", "/api/v1/auth/logout");

	static ApiRoutes of(RequestMappingHandlerMapping mapping) {
		List<Route> routes = new ArrayList<>();
		for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					routes.add(new Route(method.name(), pattern, sample(pattern)));
				}
			}
		}
		return new ApiRoutes(routes);
	}

	List<Route> beyondSignIn() {
		return this.all.stream().filter((route) -> !SIGN_IN_STEPS.contains(route.pattern())).toList();
	}

	private static String sample(String pattern) {
		return pattern.replaceAll("\\{(id|[A-Za-z]+Id)}", "00000000-0000-0000-0000-000000000001")
			.replaceAll("\\{[^}]+}", "someone");
	}

	record Route(String method, String pattern, String path) {

		String body() {
			return "GET".equals(this.method) || "DELETE".equals(this.method) ? null : "{}";
		}

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

}
