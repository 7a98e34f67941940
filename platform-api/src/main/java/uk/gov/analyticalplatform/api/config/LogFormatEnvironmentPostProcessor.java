package uk.gov.analyticalplatform.api.config;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code LOG_FORMAT=json} switches console logging to structured JSON (Elastic Common
 * Schema), one object a line with the request id among its fields, for log shippers in a
 * cluster.
 */
class LogFormatEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if ("json".equalsIgnoreCase(environment.getProperty("LOG_FORMAT"))) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("logFormat", Map.of("logging.structured.format.console", "ecs")));
		}
	}

}
