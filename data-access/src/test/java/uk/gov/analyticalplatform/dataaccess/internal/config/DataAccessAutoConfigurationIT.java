package uk.gov.analyticalplatform.dataaccess.internal.config;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.dataaccess.DataAccessTestApplication;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetRows;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.GroupRows;
import uk.gov.analyticalplatform.dataaccess.internal.status.RoleStatusRows;
import uk.gov.analyticalplatform.testing.PlatformDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module's wiring in an application: its table gateways and reconcilers share the
 * application's one {@link JdbcClient} rather than each making its own.
 */
@SpringBootTest(classes = DataAccessTestApplication.class)
@PlatformDatabase
class DataAccessAutoConfigurationIT {

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDatasetReconcilersStatusTableUsesTheApplicationsJdbcClient() {
		assertThat(this.context.getBean("dataAccessDatasetLoop")).extracting("reconciler.rows.jdbc")
			.isSameAs(this.jdbc);
	}

	@Test
	void theModulesTableGatewaysUseTheApplicationsJdbcClient() {
		assertThat(this.context.getBean(RoleStatusRows.class)).extracting("jdbc").isSameAs(this.jdbc);
		assertThat(this.context.getBean(DatasetRows.class)).extracting("jdbc").isSameAs(this.jdbc);
		assertThat(this.context.getBean(GroupRows.class)).extracting("jdbc").isSameAs(this.jdbc);
	}

}
