package uk.gov.analyticalplatform.appdeploy.internal.config;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.appdeploy.AppsProperties;
import uk.gov.analyticalplatform.appdeploy.internal.apps.AppsConfiguration;
import uk.gov.analyticalplatform.appdeploy.internal.apps.Rollouts;
import uk.gov.analyticalplatform.appdeploy.internal.gate.JdbcAppGate;
import uk.gov.analyticalplatform.appdeploy.internal.kubernetes.AppKubernetesConfiguration;

/**
 * Wires app deployment over the application's DataSource, transaction manager, audit log
 * and Kubernetes adapter.
 */
@AutoConfiguration
@EnableConfigurationProperties(AppsProperties.class)
@Import({ AppsConfiguration.class, AppKubernetesConfiguration.class })
public class AppDeployAutoConfiguration {

	@Bean
	Rollouts appRollouts(DataSource dataSource, Clock clock) {
		return new Rollouts(JdbcClient.create(dataSource), clock);
	}

	@Bean
	JdbcAppGate appGate(DataSource dataSource) {
		return new JdbcAppGate(JdbcClient.create(dataSource));
	}

}
