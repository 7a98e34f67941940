package uk.gov.analyticalplatform.dataaccess.internal.proposal;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.dataaccess.DatasetProposals;
import uk.gov.analyticalplatform.dataaccess.Groups;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetCatalogService;

/** Wires dataset proposals. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProposalProperties.class)
public class ProposalConfiguration {

	@Bean
	DatasetProposals dataAccessProposals(JdbcClient jdbc, DatasetCatalogService catalog, Groups groups, AuditLog audit,
			PlatformTransactionManager transactions, ObjectProvider<Clock> clock, ProposalProperties properties) {
		return new ProposalService(new ProposalRows(jdbc), catalog, groups, audit,
				new TransactionTemplate(transactions), clock.getIfAvailable(Clock::systemUTC), new ProposalSettings(
						properties.governanceGroup(), properties.bucketPrefix(), properties.retentionNotice()));
	}

}
