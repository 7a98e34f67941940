package uk.gov.analyticalplatform.dataaccess;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import uk.gov.analyticalplatform.audit.AuditEvents;

/**
 * The module's public services as an integration test drives them: one field
 * ({@code @Autowired DataAccessServices data}) instead of the same block of injected
 * fields in every test; {@code @Import(DataAccessServices.Config.class)}.
 */
public record DataAccessServices(DatasetCatalog catalog, Groups groups, Grants grants, AccessRequests requests,
		AccessStatus status, DatasetVersions versions, AuditEvents audit) {

	/** Provides {@link DataAccessServices} from the application's beans. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		DataAccessServices dataAccessServices(DatasetCatalog catalog, Groups groups, Grants grants,
				AccessRequests requests, AccessStatus status, DatasetVersions versions, AuditEvents audit) {
			return new DataAccessServices(catalog, groups, grants, requests, status, versions, audit);
		}

	}

}
