package uk.gov.analyticalplatform.identity.internal;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import uk.gov.analyticalplatform.identity.BootstrapProperties;
import uk.gov.analyticalplatform.identity.IdentityProperties;
import uk.gov.analyticalplatform.identity.internal.account.AccountConfiguration;
import uk.gov.analyticalplatform.identity.internal.secondfactor.SecondFactorConfiguration;
import uk.gov.analyticalplatform.identity.internal.token.TokenConfiguration;

/** The identity module's beans, for any application that has a data source. */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration")
@EnableConfigurationProperties({ IdentityProperties.class, BootstrapProperties.class })
@Import({ AccountConfiguration.class, SecondFactorConfiguration.class, TokenConfiguration.class })
public class IdentityAutoConfiguration {

	/** The time the module works by; tests replace it to move time without waiting. */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
