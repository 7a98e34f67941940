package uk.gov.analyticalplatform.api.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Requests that arrived on the management server's port, when it has one of its own
 * ({@code management.server.port}). The port is the one the connection was accepted on,
 * which no header can change.
 */
class ManagementPortRequests implements RequestMatcher {

	private final Environment environment;

	ManagementPortRequests(Environment environment) {
		this.environment = environment;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		Integer port = this.environment.getProperty("local.management.port", Integer.class);
		Integer serverPort = this.environment.getProperty("local.server.port", Integer.class);
		return port != null && port > 0 && !port.equals(serverPort) && request.getLocalPort() == port;
	}

}
