package uk.gov.analyticalplatform.reconcile.internal;

import java.sql.DriverManager;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import uk.gov.analyticalplatform.reconcile.ChangeFeed;
import uk.gov.analyticalplatform.reconcile.Leadership;
import uk.gov.analyticalplatform.reconcile.ReconcileProperties;

/**
 * The one {@link Leadership} every reconciler of the application shares: the holder of a
 * PostgreSQL advisory lock on a session of its own, opened with the application's
 * database credentials ({@code spring.datasource.*}). Without a database URL, or with
 * {@code platform.leadership.enabled=false}, every replica leads. Also binds
 * {@link ReconcileProperties} ({@code platform.reconcile.*}) for the modules' loops, and
 * provides the replica's one {@link ChangeFeed}.
 */
@AutoConfiguration
@EnableConfigurationProperties(ReconcileProperties.class)
public class ReconcileAutoConfiguration {

	static final String PREFIX = "platform.leadership";

	static final String FORMER_PREFIX = "platform.data-access.leadership";

	private static final Logger log = LoggerFactory.getLogger(ReconcileAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	Leadership reconcileLeadership(Environment environment) {
		LeadershipProperties properties = properties(Binder.get(environment));
		String url = environment.getProperty("spring.datasource.url");
		if (!properties.enabled() || url == null) {
			log.info("Every replica reconciles: leadership is {}", (url == null) ? "without a database" : "off");
			return Leadership.everyReplica();
		}
		return new AdvisoryLockLeadership(sessions(environment, url, "reconciler-leadership"), properties.lockKey(),
				properties.checkInterval());
	}

	/**
	 * The replica's {@link ChangeFeed}: one listening session of its own, or, without a
	 * database URL, a feed that delivers nothing.
	 */
	@Bean
	@ConditionalOnMissingBean
	ChangeFeed changeFeed(Environment environment) {
		String url = environment.getProperty("spring.datasource.url");
		if (url == null) {
			return ChangeFeed.none();
		}
		return new PostgresChangeFeed(sessions(environment, url, "change-feed"));
	}

	/**
	 * Database sessions of their own, outside the pool, with the application's
	 * credentials.
	 */
	private static AdvisoryLockLeadership.Connections sessions(Environment environment, String url,
			String applicationName) {
		Properties connection = new Properties();
		connection.setProperty("user", environment.getProperty("spring.datasource.username", ""));
		connection.setProperty("password", environment.getProperty("spring.datasource.password", ""));
		connection.setProperty("ApplicationName", applicationName);
		connection.setProperty("tcpKeepAlive", "true");
		connection.setProperty("socketTimeout", "30");
		return () -> DriverManager.getConnection(url, connection);
	}

	/**
	 * The leadership settings under {@value #PREFIX}, or under the former
	 * {@value #FORMER_PREFIX} when only those are set.
	 */
	static LeadershipProperties properties(Binder binder) {
		BindResult<LeadershipProperties> current = binder.bind(PREFIX, LeadershipProperties.class);
		if (current.isBound()) {
			return current.get();
		}
		BindResult<LeadershipProperties> former = binder.bind(FORMER_PREFIX, LeadershipProperties.class);
		if (former.isBound()) {
			log.warn("{}.* is deprecated: set {}.* instead", FORMER_PREFIX, PREFIX);
			return former.get();
		}
		return binder.bindOrCreate(PREFIX, LeadershipProperties.class);
	}

}
