package uk.gov.analyticalplatform.reconcile.internal;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcileAutoConfigurationTests {

	@Test
	void leadershipIsConfiguredUnderPlatformLeadership() {
		LeadershipProperties properties = bind(
				Map.of("platform.leadership.lock-key", "42", "platform.leadership.check-interval", "2s"));
		assertThat(properties).isEqualTo(new LeadershipProperties(true, 42, Duration.ofSeconds(2)));
	}

	@Test
	void theFormerDataAccessNamesStillWorkWhenTheNewOnesAreNotSet() {
		assertThat(bind(Map.of("platform.data-access.leadership.lock-key", "7")).lockKey()).isEqualTo(7);
		assertThat(
				bind(Map.of("platform.data-access.leadership.lock-key", "7", "platform.leadership.enabled", "false")))
			.isEqualTo(new LeadershipProperties(false, 4702111234L, Duration.ofSeconds(5)));
	}

	@Test
	void withoutSettingsReplicasCompeteForTheDefaultLockEveryFiveSeconds() {
		assertThat(bind(Map.of())).isEqualTo(new LeadershipProperties(true, 4702111234L, Duration.ofSeconds(5)));
	}

	private static LeadershipProperties bind(Map<String, String> properties) {
		return ReconcileAutoConfiguration.properties(new Binder(new MapConfigurationPropertySource(properties)));
	}

}
