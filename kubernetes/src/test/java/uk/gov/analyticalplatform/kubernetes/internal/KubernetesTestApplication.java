package uk.gov.analyticalplatform.kubernetes.internal;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The smallest application with a Kubernetes reconciler: a DataSource, Flyway (a test
 * status table, {@code web_apps}), the kernel's leadership and the Kubernetes adapter.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class KubernetesTestApplication {

}
