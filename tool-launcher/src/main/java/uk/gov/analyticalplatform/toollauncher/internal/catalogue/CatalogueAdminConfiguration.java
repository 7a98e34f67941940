package uk.gov.analyticalplatform.toollauncher.internal.catalogue;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogueAdmin;

/** Platform admins' changes to the tool catalogue. */
@Configuration(proxyBeanMethods = false)
public class CatalogueAdminConfiguration {

	@Bean
	ToolCatalogueAdmin toolCatalogueAdmin(CatalogueRows rows, AuditLog audit, PlatformTransactionManager transactions,
			ObjectProvider<Clock> clock) {
		return new CatalogueAdminService(rows, audit, new TransactionTemplate(transactions),
				clock.getIfAvailable(Clock::systemUTC));
	}

}
