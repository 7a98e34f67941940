package uk.gov.analyticalplatform.toollauncher.internal.config;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.toollauncher.internal.catalogue.CatalogueAdminConfiguration;
import uk.gov.analyticalplatform.toollauncher.internal.catalogue.CatalogueRows;
import uk.gov.analyticalplatform.toollauncher.internal.catalogue.CatalogueService;
import uk.gov.analyticalplatform.toollauncher.internal.instances.ToolInstancesConfiguration;
import uk.gov.analyticalplatform.toollauncher.internal.instances.ToolsProperties;
import uk.gov.analyticalplatform.toollauncher.internal.manifests.ToolSettings;

/**
 * The tool launcher: the catalogue, users' instances and their reconciler
 * ({@code platform.tools.*}).
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"uk.gov.analyticalplatform.kubernetes.internal.KubernetesAutoConfiguration",
		"uk.gov.analyticalplatform.audit.internal.AuditAutoConfiguration" })
@Import({ ToolInstancesConfiguration.class, CatalogueAdminConfiguration.class })
public class ToolLauncherAutoConfiguration {

	/** The settings under {@code platform.tools}, bound once. */
	@Bean
	ToolsProperties toolsProperties(Environment environment) {
		return Binder.get(environment).bindOrCreate("platform.tools", ToolsProperties.class);
	}

	@Bean
	CatalogueRows toolCatalogueRows(DataSource dataSource) {
		return new CatalogueRows(JdbcClient.create(dataSource));
	}

	@Bean
	CatalogueService toolCatalogue(CatalogueRows rows) {
		return new CatalogueService(rows);
	}

	@Bean
	ToolSettings toolSettings(ToolsProperties properties, Environment environment) {
		String base = environment.getProperty("platform.base-url", "http://localhost:8080").replaceAll("/+$", "");
		String gate = blank(properties.gateUrl()) ? base + "/authz/tools" : properties.gateUrl();
		String signIn = blank(properties.signInUrl()) ? base + "/authz/sign-in" : properties.signInUrl();
		ToolsProperties.Ingress ingress = properties.ingress();
		Map<String, String> auth = (ingress.authAnnotations() == null || ingress.authAnnotations().isEmpty())
				? ToolSettings.ingressNginxAuth(gate, signIn) : ingress.authAnnotations();
		return new ToolSettings(properties.domain(), ingress.className(),
				(ingress.annotations() != null) ? ingress.annotations() : Map.of(), auth, ingress.controllerNamespace(),
				properties.serviceAccount(), properties.homeSize(),
				blank(properties.storageClass()) ? null : properties.storageClass(), properties.quota());
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
