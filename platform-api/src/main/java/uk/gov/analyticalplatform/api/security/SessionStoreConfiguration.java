package uk.gov.analyticalplatform.api.security;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
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

	@Bean
	static BeanPostProcessor sessionReadsOncePerRequest() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof JdbcIndexedSessionRepository store) ? new RequestScopedSessionReads<>(store)
						: bean;
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
