package uk.gov.analyticalplatform.api.gate;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
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
	GateSessions gateSessions(CookieSerializer cookies, SessionRepository<? extends Session> store,
			SecurityContextRepository contexts, Clock clock, GateProperties properties) {
		return new GateSessions(cookies, store, contexts, clock, properties.userCacheTtl());
	}

	@Bean
	GateUsers gateUsers(Users users, Clock clock, GateProperties properties) {
		return new GateUsers(users, clock, properties.userCacheTtl());
	}

	@Bean
	Gate gate(ObjectProvider<GatedArea> areas, GateSessions sessions, GateUsers users, ActivityRecorder activity,
			Clock clock, MeterRegistry meters) {
		return new Gate(areas.orderedStream().toList(), sessions, users, activity, clock, meters);
	}

	/**
	 * The gate's answers for each area's exact path, first of all filters: before the
	 * request id, the {@code http.server.requests} observation, Spring Session's filter
	 * (the gate reads the session store itself, {@link GateSessions}) and every security
	 * chain. Registration beans come before the filter beans Spring Boot adapts, so of
	 * the filters at the highest precedence this one runs first.
	 */
	@Bean
	FilterRegistrationBean<GateFilter> gateFilter(Gate gate) {
		FilterRegistrationBean<GateFilter> registration = new FilterRegistrationBean<>(new GateFilter(gate));
		gate.areas().forEach((area) -> registration.addUrlPatterns(GateController.AUTHZ + area.name()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setName("gate");
		return registration;
	}

	@Bean
	ActivityRecorder gateActivity(ObjectProvider<GatedArea> areas, GateProperties properties) {
		return new ActivityRecorder(areas.orderedStream().toList(), properties.activityFlushInterval().toMillis());
	}

}
