package uk.gov.analyticalplatform.api.notifications;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import uk.gov.analyticalplatform.api.PlatformApplication;
import uk.gov.analyticalplatform.testing.PlatformServices;
import uk.gov.analyticalplatform.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Email switched on but half configured stops the application at start, saying what is
 * missing, rather than queueing notifications nothing can send.
 */
class EmailMisconfigurationIT {

	@Test
	void emailOnWithoutAMailServerRefusesToStart() {
		assertThatThrownBy(() -> start("platform.notifications.email.from=data-access@example.gov.uk"))
			.hasStackTraceContaining("no mail server is configured: set spring.mail.host");
	}

	@Test
	void emailOnWithoutASenderAddressRefusesToStart() {
		assertThatThrownBy(() -> start("spring.mail.host=127.0.0.1"))
			.hasStackTraceContaining("platform.notifications.email.from is not set");
	}

	private static void start(String setting) {
		String database = TestDatabases.create("EmailMisconfigurationIT");
		// as command-line arguments, which win over the application's own settings
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				"--spring.datasource.url=" + PlatformServices.get().jdbcUrl(database),
				"--spring.datasource.username=" + TestDatabases.APP_ROLE,
				"--spring.datasource.password=" + TestDatabases.APP_ROLE,
				"--spring.flyway.user=" + TestDatabases.OWNER_ROLE,
				"--spring.flyway.password=" + TestDatabases.OWNER_ROLE, "--platform.notifications.email.enabled=true"));
		arguments.add("--" + setting);
		try (ConfigurableApplicationContext started = new SpringApplicationBuilder(PlatformApplication.class)
			.run(arguments.toArray(String[]::new))) {
			// it started: the assertion above fails
		}
	}

}
