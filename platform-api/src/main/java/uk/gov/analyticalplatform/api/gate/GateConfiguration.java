package uk.gov.analyticalplatform.api.gate;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.web.http.CookieSerializer;

import uk.gov.analyticalplatform.identity.Users;

/**
 * The gate's own security filter chain ({@code /authz/**}), kept minimal because every
 * request to every tool and app passes it: open to every caller, since the gate itself
 * decides and answers 401 or 403 (so no authorisation filter); no security context loaded
 * or saved (the gate reads the session's sign-in itself, through {@link GateSessions},
 * and tells a suspended user from nobody); no session management, no CSRF (it only
 * reads), no saved requests.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GateProperties.class)
class GateConfiguration {

	@Bean
	@Order(0)
	SecurityFilterChain gateSecurity(HttpSecurity http) {
		http.securityMatcher("/authz/**")
			.securityContext(AbstractHttpConfigurer::disable)
			.sessionManagement(AbstractHttpConfigurer::disable)
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.exceptionHandling(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable);
		return http.build();
	}

	@Bean
	GateSessions gateSessions(CookieSerializer cookies, SecurityContextRepository contexts, Clock clock,
			GateProperties properties) {
		return new GateSessions(cookies, contexts, clock, properties.userCacheTtl());
	}

	@Bean
	GateUsers gateUsers(Users users, Clock clock, GateProperties properties) {
		return new GateUsers(users, clock, properties.userCacheTtl());
	}

	@Bean
	Gate gate(ObjectProvider<GatedArea> areas, GateSessions sessions, GateUsers users, ActivityRecorder activity,
			Clock clock) {
		return new Gate(areas.orderedStream().toList(), sessions, users, activity, clock);
	}

	/**
	 * The gate's answers for each area's exact path, after Spring Session's filter and
	 * the request context (an area may read the session) and before every security chain.
	 */
	@Bean
	FilterRegistrationBean<GateFilter> gateFilter(Gate gate) {
		FilterRegistrationBean<GateFilter> registration = new FilterRegistrationBean<>(new GateFilter(gate));
		gate.areas().forEach((area) -> registration.addUrlPatterns(GateController.AUTHZ + area.name()));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		registration.setName("gate");
		return registration;
	}

	@Bean
	ActivityRecorder gateActivity(ObjectProvider<GatedArea> areas, GateProperties properties) {
		return new ActivityRecorder(areas.orderedStream().toList(), properties.activityFlushInterval().toMillis());
	}

}
