package uk.gov.analyticalplatform.toollauncher.internal.instances;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tool launcher ({@code platform.tools.*}); every key is in docs/configuration.md.
 *
 * @param domain tools are served at {@code <username>-<tool>.<domain>}
 * @param idleTimeout the idle timeout of profiles an admin creates without one
 * @param gateUrl the gate tools' Ingress objects send every request to; empty:
 * {@code <platform.base-url>/authz/tools}
 * @param signInUrl where the ingress sends a browser the gate answered 401; empty:
 * {@code <platform.base-url>/authz/sign-in}
 * @param ingress the tools' Ingress objects
 * @param serviceAccount the service account tools run as; it must match
 * {@code platform.data-access.service-account}, which users' IAM roles trust
 * @param homeSize each home volume's size
 * @param storageClass the home volumes' storage class; empty: the cluster's default
 * @param quota each user namespace's ResourceQuota; empty: {@link #DEFAULT_QUOTA}
 * @param startLimit starts in progress at once; the rest queue in order
 * @param startTimeout a start not READY after this long fails
 * @param reconciler how often the reconciler works
 */
@ConfigurationProperties("platform.tools")
public record ToolsProperties(@DefaultValue("tools.localhost") String domain, @DefaultValue("8h") Duration idleTimeout,
		String gateUrl, String signInUrl, @DefaultValue Ingress ingress, @DefaultValue("analyst") String serviceAccount,
		@DefaultValue("10Gi") String homeSize, String storageClass, Map<String, String> quota,
		@DefaultValue("20") int startLimit, @DefaultValue("10m") Duration startTimeout,
		@DefaultValue Reconciler reconciler) {

	/** Each user namespace's quota when none is configured. */
	public static final Map<String, String> DEFAULT_QUOTA = Map.of("pods", "6", "requests.cpu", "12", "requests.memory",
			"48Gi", "persistentvolumeclaims", "3", "requests.storage", "30Gi");

	public ToolsProperties {
		quota = (quota == null || quota.isEmpty()) ? DEFAULT_QUOTA : Map.copyOf(quota);
	}

	/**
	 * @param className the ingress class
	 * @param annotations extra annotations (the external-auth ones are the platform's own
	 * unless {@code authAnnotations} replaces them)
	 * @param authAnnotations the external-auth annotations; empty: ingress-nginx's
	 * {@code auth-url}, {@code auth-signin} and {@code auth-response-headers}
	 * @param controllerNamespace the ingress controller's namespace, the only one allowed
	 * to reach tools
	 */
	public record Ingress(@DefaultValue("nginx") String className, Map<String, String> annotations,
			Map<String, String> authAnnotations, @DefaultValue("ingress-nginx") String controllerNamespace) {

	}

	/**
	 * @param enabled whether this instance reconciles tools at all
	 * @param pollInterval how often it looks for changes besides change signals
	 * @param resyncInterval how often it re-applies every instance, restoring and
	 * auditing what was changed by hand
	 * @param sweepInterval how often idle instances, retired releases and start timeouts
	 * are looked for
	 * @param baseBackoff the wait after a failed apply, doubled each time
	 * @param maxBackoff the longest wait
	 */
	public record Reconciler(@DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration pollInterval,
			@DefaultValue("10m") Duration resyncInterval, @DefaultValue("30s") Duration sweepInterval,
			@DefaultValue("2s") Duration baseBackoff, @DefaultValue("2m") Duration maxBackoff) {

	}

}
