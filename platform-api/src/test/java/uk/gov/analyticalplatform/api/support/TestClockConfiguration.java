package uk.gov.analyticalplatform.api.support;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import uk.gov.analyticalplatform.testing.MovableClock;

/**
 * The application's clock in every test context that scans the application: a
 * {@link MovableClock} that tests move forward instead of waiting.
 */
@Configuration(proxyBeanMethods = false)
class TestClockConfiguration {

	@Bean
	@Primary
	MovableClock movableClock() {
		return new MovableClock();
	}

}
