package uk.gov.analyticalplatform.dataaccess;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The smallest application that runs the data access module: a DataSource, Flyway, audit
 * and the module.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class DataAccessTestApplication {

}
