package uk.gov.analyticalplatform.identity.internal.secondfactor;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.identity.IdentityProperties;
import uk.gov.analyticalplatform.identity.Users;

/** TOTP two-factor authentication and recovery codes. */
@Configuration(proxyBeanMethods = false)
public class SecondFactorConfiguration {

	@Bean
	SecondFactorService secondFactor(Users users, JdbcClient jdbc, IdentityProperties properties, AuditLog audit,
			Clock clock) {
		return new SecondFactorService(users, new SecondFactorRecords(jdbc), new TotpSecretCipher(properties.totp()),
				new TotpEnrolments(properties.totp().issuer()), properties.lockout(), audit, clock);
	}

}
