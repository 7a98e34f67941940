package uk.gov.analyticalplatform.toollauncher.internal.manifests;

import java.util.Map;

/**
 * The installation's settings that shape every tool's objects.
 *
 * @param domain tools are served at {@code <host label>.<domain>}
 * @param ingressClassName the ingress class of tools' Ingress objects
 * @param ingressAnnotations extra annotations of every Ingress
 * @param authAnnotations the external-auth annotations, pointing at the gate
 * @param ingressControllerNamespace the only namespace whose pods may reach a tool
 * @param serviceAccount the service account tools run as (its IAM role by IRSA)
 * @param homeSize the size of each home volume, as a Kubernetes quantity
 * @param storageClassName the home volumes' storage class, or {@code null} for the
 * cluster's default
 * @param quota the hard limits of each user's namespace (Kubernetes resource names to
 * quantities)
 */
public record ToolSettings(String domain, String ingressClassName, Map<String, String> ingressAnnotations,
		Map<String, String> authAnnotations, String ingressControllerNamespace, String serviceAccount, String homeSize,
		String storageClassName, Map<String, String> quota) {

	public ToolSettings {
		ingressAnnotations = Map.copyOf(ingressAnnotations);
		authAnnotations = Map.copyOf(authAnnotations);
		quota = Map.copyOf(quota);
	}

	/**
	 * ingress-nginx's external-auth annotations: every request asks {@code gateUrl}, a
	 * 401 sends the browser to {@code signInUrl} with the original URL, and the gate's
	 * identity headers reach the tool.
	 */
	public static Map<String, String> ingressNginxAuth(String gateUrl, String signInUrl) {
		return Map.of("nginx.ingress.kubernetes.io/auth-url", gateUrl, "nginx.ingress.kubernetes.io/auth-signin",
				signInUrl, "nginx.ingress.kubernetes.io/auth-response-headers",
				"X-Auth-Request-User,X-Auth-Request-Email");
	}

}
