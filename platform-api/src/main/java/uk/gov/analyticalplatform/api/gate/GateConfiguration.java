package uk.gov.analyticalplatform.api.gate;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;

import uk.gov.analyticalplatform.identity.Users;

/**
 * The gate's own security filter chain ({@code /authz/**}): open to every caller, since
 * the gate itself decides and answers 401 or 403, with the session's sign-in loaded but
 * not yet resolved to a user (the gate tells a suspended user from nobody). No CSRF (it
 * only reads) and no saved requests.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GateProperties.class)
class GateConfiguration {

	@Bean
	@Order(0)
	SecurityFilterChain gateSecurity(HttpSecurity http, SecurityContextRepository contexts) {
		http.securityMatcher("/authz/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.securityContext((context) -> context.securityContextRepository(contexts))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable);
		return http.build();
	}

	@Bean
	GateUsers gateUsers(Users users, Clock clock, GateProperties properties) {
		return new GateUsers(users, clock, properties.userCacheTtl());
	}

	@Bean
	ActivityRecorder gateActivity(ObjectProvider<GatedArea> areas, GateProperties properties) {
		return new ActivityRecorder(areas.orderedStream().toList(), properties.activityFlushInterval().toMillis());
	}

}
