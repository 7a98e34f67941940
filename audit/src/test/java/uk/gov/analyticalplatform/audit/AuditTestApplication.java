package uk.gov.analyticalplatform.audit;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The smallest application that runs the audit module: a DataSource, Flyway and the
 * module.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class AuditTestApplication {

}
