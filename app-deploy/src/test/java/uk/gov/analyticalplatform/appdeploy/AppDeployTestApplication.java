package uk.gov.analyticalplatform.appdeploy;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The smallest application that runs app deployment: a DataSource, Flyway, audit, the
 * kernel's leadership, the Kubernetes adapter and the module.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class AppDeployTestApplication {

}
