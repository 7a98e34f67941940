package uk.gov.analyticalplatform.api.dataaccess;

import java.sql.DriverManager;
import java.util.Properties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reconciler leads in one replica only: the holder of a PostgreSQL advisory lock on a
 * session of its own, opened with the application's database credentials.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LeadershipProperties.class)
class DataAccessApiConfiguration {

	@Bean
	AdvisoryLockLeadership reconcilerLeadership(LeadershipProperties properties,
			@Value("${spring.datasource.url}") String url, @Value("${spring.datasource.username}") String username,
			@Value("${spring.datasource.password}") String password) {
		Properties connection = new Properties();
		connection.setProperty("user", username);
		connection.setProperty("password", password);
		connection.setProperty("ApplicationName", "reconciler-leadership");
		connection.setProperty("tcpKeepAlive", "true");
		connection.setProperty("socketTimeout", "30");
		return new AdvisoryLockLeadership(() -> DriverManager.getConnection(url, connection), properties.lockKey(),
				properties.checkInterval());
	}

}
