package uk.gov.analyticalplatform.api.config;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class LogFormatEnvironmentPostProcessorTests {

	@Test
	void logFormatJsonSwitchesTheConsoleToStructuredJson() {
		StandardEnvironment environment = environmentWith(Map.of("LOG_FORMAT", "json"));
		new LogFormatEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
	}

	@Test
	void anyOtherLogFormatLeavesPlainText() {
		for (Map<String, Object> source : java.util.List.<Map<String, Object>>of(Map.of(),
				Map.of("LOG_FORMAT", "text"))) {
			StandardEnvironment environment = environmentWith(source);
			new LogFormatEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
			assertThat(environment.getProperty("logging.structured.format.console")).isNull();
		}
	}

	private static StandardEnvironment environmentWith(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

}
