package uk.gov.analyticalplatform.identity.internal.account;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.audit.AuditRequestContext;
import uk.gov.analyticalplatform.identity.BootstrapProperties;
import uk.gov.analyticalplatform.identity.IdentityProperties;

/**
 * Users, local accounts (with the sign-in throttle), OpenID Connect accounts and the
 * bootstrap admin.
 */
@Configuration(proxyBeanMethods = false)
public class AccountConfiguration {

	@Bean
	UserRecords userRecords(JdbcClient jdbc) {
		return new UserRecords(jdbc);
	}

	@Bean
	PasswordHashing passwordHashing() {
		return new PasswordHashing();
	}

	@Bean
	UsersService users(UserRecords records, PasswordHashing hashing, AuditLog audit, Clock clock,
			ApplicationEventPublisher events) {
		return new UsersService(records, hashing, audit, clock, events);
	}

	@Bean
	SignInThrottle signInThrottle(JdbcClient jdbc, IdentityProperties properties,
			ObjectProvider<AuditRequestContext> requests, AuditLog audit, Clock clock) {
		Supplier<Optional<String>> clientAddress = () -> Optional.ofNullable(requests.getIfAvailable())
			.flatMap(AuditRequestContext::current)
			.map(AuditRequestContext.RequestDetails::ip);
		return new SignInThrottle(new SignInThrottleRows(jdbc), properties.signInThrottle(), clientAddress, audit,
				clock);
	}

	@Bean
	LocalSignInService localSignIn(UserRecords records, PasswordHashing hashing, SignInThrottle throttle,
			AuditLog audit) {
		return new LocalSignInService(records, hashing, throttle, audit);
	}

	@Bean
	OidcSignInService oidcSignIn(UserRecords records, AuditLog audit, Clock clock) {
		return new OidcSignInService(records, audit, clock);
	}

	@Bean
	BootstrapAdmin bootstrapAdmin(BootstrapProperties properties, UserRecords records, PasswordHashing hashing,
			AuditLog audit, JdbcClient jdbc, TransactionOperations transactions, Clock clock) {
		return new BootstrapAdmin(properties, records, hashing, audit, jdbc, transactions, clock);
	}

}
