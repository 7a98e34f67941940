package uk.gov.analyticalplatform.identity.internal.account;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.identity.BootstrapProperties;

/** Users, local accounts, OpenID Connect accounts and the bootstrap admin. */
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
	UsersService users(UserRecords records, PasswordHashing hashing, AuditLog audit, Clock clock) {
		return new UsersService(records, hashing, audit, clock);
	}

	@Bean
	LocalSignInService localSignIn(UserRecords records, PasswordHashing hashing, AuditLog audit) {
		return new LocalSignInService(records, hashing, audit);
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
