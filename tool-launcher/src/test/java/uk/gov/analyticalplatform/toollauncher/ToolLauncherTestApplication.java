package uk.gov.analyticalplatform.toollauncher;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The smallest application with the tool launcher: a DataSource, Flyway (audit and tool
 * launcher), the kernel's leadership, the Kubernetes adapter on the real local cluster.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ToolLauncherTestApplication {

}
