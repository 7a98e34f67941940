package uk.gov.analyticalplatform.testing;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Points every test context of a {@link PlatformDatabase} test class at a database of its
 * own. Contexts are cached by Spring as usual, so one database serves every test class
 * that shares a context.
 */
class PlatformDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		if (!TestContextAnnotationUtils.hasAnnotation(testClass, PlatformDatabase.class)) {
			return null;
		}
		return new DatabaseCustomizer();
	}

	private static final class DatabaseCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			String database = TestDatabases.create(config.getTestClass().getSimpleName());
			String url = PlatformServices.get().jdbcUrl(database);
			Map<String, Object> properties = Map.of("spring.datasource.url", url, "spring.datasource.username",
					TestDatabases.APP_ROLE, "spring.datasource.password", TestDatabases.APP_ROLE, "spring.flyway.user",
					TestDatabases.OWNER_ROLE, "spring.flyway.password", TestDatabases.OWNER_ROLE,
					"platform.test.database", database);
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("platformDatabase", properties));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof DatabaseCustomizer;
		}

		@Override
		public int hashCode() {
			return DatabaseCustomizer.class.hashCode();
		}

	}

}
