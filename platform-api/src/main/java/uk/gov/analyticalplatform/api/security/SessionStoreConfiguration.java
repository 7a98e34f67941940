package uk.gov.analyticalplatform.api.security;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The session store (Spring Session JDBC, so that sessions outlive a restart and every
 * replica sees them), made cheap on the path every signed-in request takes: the session
 * is read once a request ({@link RequestScopedSessionReads}), and its reads and writes
 * run in plain JDBC transactions of their own rather than through JPA, which they never
 * use.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	/**
	 * Spring Session's own transactions, as its configuration looks them up by name. Each
	 * is a new transaction, as in Spring Session's default.
	 */
	@Bean
	TransactionTemplate springSessionTransactionOperations(DataSource dataSource) {
		TransactionTemplate transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
		transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return transactions;
	}

	/**
	 * Spring Session writes a session's row on every request, only to move its last
	 * access time: a write, a row lock and a WAL flush for every page and API call, and a
	 * queue when one session sends requests in parallel. The row is now written when
	 * anything but the last access changed, or when the last access moved by a touch
	 * interval or more. A session may therefore end up to one touch interval before its
	 * idle timeout, never after.
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> lastAccessWrittenOnceATouchInterval(
			@Value("${platform.session.touch-interval:1m}") Duration touchInterval) {
		long millis = touchInterval.toMillis();
		// the parameters are bound in Spring Session's order: session id, last access,
		// idle timeout, expiry, principal, primary key
		String update = """
				UPDATE %TABLE_NAME% AS s
				SET SESSION_ID = n.session_id, LAST_ACCESS_TIME = n.last_access_time,
				    MAX_INACTIVE_INTERVAL = n.max_inactive_interval, EXPIRY_TIME = n.expiry_time,
				    PRINCIPAL_NAME = n.principal_name
				FROM (SELECT CAST(? AS char(36)) AS session_id, CAST(? AS bigint) AS last_access_time,
				             CAST(? AS int) AS max_inactive_interval, CAST(? AS bigint) AS expiry_time,
				             CAST(? AS varchar(100)) AS principal_name, CAST(? AS char(36)) AS primary_id) AS n
				WHERE s.PRIMARY_ID = n.primary_id
				  AND (s.SESSION_ID <> n.session_id OR s.MAX_INACTIVE_INTERVAL <> n.max_inactive_interval
				       OR s.PRINCIPAL_NAME IS DISTINCT FROM n.principal_name
				       OR n.last_access_time - s.LAST_ACCESS_TIME >= :touch)
				""".replace(":touch", Long.toString(millis));
		return (store) -> store.setUpdateSessionQuery(update);
	}

	/**
	 * Two requests of one session that each set an attribute the stored session lacks
	 * (two forms sent at once, each leaving a flash message) would both insert it, and
	 * the second would fail on the primary key: PostgreSQL's upsert makes the later write
	 * win instead.
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer concurrentAttributeWrites() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	@Bean
	static BeanPostProcessor sessionReadsOncePerRequest(ApplicationEventPublisher events) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof JdbcIndexedSessionRepository store)
						? new RequestScopedSessionReads<>(store, events) : bean;
			}

		};
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> sessionReadScope() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				RequestScopedSessionReads.scope());
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setName("sessionReadScope");
		return registration;
	}

}
