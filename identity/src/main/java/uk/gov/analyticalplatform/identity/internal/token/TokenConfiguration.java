package uk.gov.analyticalplatform.identity.internal.token;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.identity.IdentityProperties;
import uk.gov.analyticalplatform.identity.Users;

/** Personal API tokens. */
@Configuration(proxyBeanMethods = false)
public class TokenConfiguration {

	@Bean
	ApiTokenService apiTokens(Users users, JdbcClient jdbc, IdentityProperties properties, AuditLog audit, Clock clock,
			ApplicationEventPublisher events) {
		int maxDays = properties.apiTokens().maxLifetimeDays();
		if (maxDays < 1 || maxDays > 90) {
			throw new IllegalStateException("platform.identity.api-tokens.max-lifetime-days must be 1 to 90");
		}
		if (properties.apiTokens().maxCreatedPerHour() < 1) {
			throw new IllegalStateException("platform.identity.api-tokens.max-created-per-hour must be at least 1");
		}
		return new ApiTokenService(users, new ApiTokenRecords(jdbc), properties.apiTokens(), audit, clock, events);
	}

}
