package uk.gov.analyticalplatform.reconcile;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The smallest application that runs the kernel: a DataSource, Flyway (a test status
 * table, {@code widgets}) and the kernel's leadership.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ReconcileTestApplication {

}
