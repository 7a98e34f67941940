package uk.gov.analyticalplatform.dataaccess.internal.flows;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.analyticalplatform.dataaccess.DataFlows;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetCatalogService;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetRows;
import uk.gov.analyticalplatform.reconcile.Leadership;
import uk.gov.analyticalplatform.reconcile.ReconcileLoop;

/**
 * Wires data-flow tracking: the queries, and the leader's collector of access logs when a
 * log bucket is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FlowProperties.class)
public class FlowsConfiguration {

	@Bean
	DataFlows dataAccessFlows(JdbcClient jdbc, JdbcTemplate template, DatasetRows datasets,
			DatasetCatalogService catalog) {
		return new FlowService(new FlowRows(jdbc, template), datasets, catalog);
	}

	@Bean
	ReconcileLoop<String> dataAccessFlowCollector(JdbcClient jdbc, JdbcTemplate template, FlowSource source,
			PlatformTransactionManager transactions, Leadership leadership, ObjectProvider<Clock> clock,
			FlowProperties properties) {
		AccessLogCollector collector = new AccessLogCollector(new FlowRows(jdbc, template), source.logs(),
				new TransactionTemplate(transactions), clock.getIfAvailable(Clock::systemUTC), source.rolePrefix(),
				properties.retention());
		return new ReconcileLoop<>("dataaccess-flows", collector, leadership,
				new ReconcileLoop.Settings(source.enabled(), properties.pollInterval(), properties.pruneInterval()));
	}

	/**
	 * Where access logs come from.
	 *
	 * @param logs the log bucket
	 * @param rolePrefix the prefix of the platform's role names
	 * @param enabled whether a log bucket is configured and this instance reconciles
	 */
	public record FlowSource(LogSource logs, String rolePrefix, boolean enabled) {

	}

}
