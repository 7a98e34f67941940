package uk.gov.analyticalplatform.web.internal.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The control panel's pages, and GOV.UK Frontend's stylesheet, script and assets served
 * from its WebJar at the paths its stylesheet expects ({@code /assets/...}).
 */
@AutoConfiguration
@ComponentScan("uk.gov.analyticalplatform.web")
public class WebUiAutoConfiguration implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		String dist = "classpath:/META-INF/resources/webjars/govuk-frontend/" + govukFrontendVersion() + "/dist/govuk/";
		registry.addResourceHandler("/govuk/**").addResourceLocations(dist);
		registry.addResourceHandler("/assets/**").addResourceLocations(dist + "assets/");
	}

	static String govukFrontendVersion() {
		try (InputStream in = WebUiAutoConfiguration.class
			.getResourceAsStream("/META-INF/maven/org.webjars.npm/govuk-frontend/pom.properties")) {
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
