package uk.gov.analyticalplatform.kubernetes;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the control plane reaches Kubernetes ({@code platform.kubernetes.*}).
 *
 * @param kubeconfig a kubeconfig file to use; when empty, fabric8's usual search applies
 * ({@code KUBECONFIG}, {@code ~/.kube/config}, then the in-cluster service account)
 * @param simulator run the in-JVM simulator instead (the local setup on a machine without
 * a cluster): objects are stored, deployments become ready, no real pods run
 * @param fieldManager the server-side apply field manager that owns the platform's fields
 * @param requestTimeout how long one API call may take
 */
@ConfigurationProperties("platform.kubernetes")
public record KubernetesProperties(String kubeconfig, @DefaultValue("false") boolean simulator,
		@DefaultValue("analytical-platform") String fieldManager, @DefaultValue("30s") Duration requestTimeout) {

}
