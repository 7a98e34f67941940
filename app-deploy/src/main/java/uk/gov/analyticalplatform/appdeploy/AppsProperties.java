package uk.gov.analyticalplatform.appdeploy;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of app deployment ({@code platform.apps.*}); every key is listed in
 * {@code docs/configuration.md}.
 *
 * @param maxViewers the most viewers an app may have
 * @param domain apps are served at {@code <name>.<domain>}
 * @param versionsKept how many versions of an app are kept (the deployed one always)
 * @param containerPort the port apps listen on
 * @param availabilityTarget the share of time apps are expected to be available
 * @param availabilitySupport when apps are supported
 * @param availabilityNotice the notice shown on app pages, in the API and in front of
 * every app once per session; it cannot be switched off
 * @param secrets the keys that encrypt apps' secrets at rest
 * @param gate how an app's ingress asks the platform who may pass
 * @param ingress the ingress controller in front of apps
 * @param resources what one app's container may use
 * @param reconciler how often the Kubernetes reconciler works
 */
@ConfigurationProperties("platform.apps")
public record AppsProperties(@DefaultValue("50") int maxViewers, @DefaultValue("apps.localhost") String domain,
		@DefaultValue("10") int versionsKept, @DefaultValue("8080") int containerPort,
		@DefaultValue("0.95") double availabilityTarget,
		@DefaultValue("office hours, Monday to Friday") String availabilitySupport,
		@DefaultValue(DEFAULT_NOTICE) String availabilityNotice, @DefaultValue Secrets secrets, @DefaultValue Gate gate,
		@DefaultValue Ingress ingress, @DefaultValue Resources resources, @DefaultValue Reconciler reconciler) {

	static final String DEFAULT_NOTICE = "Apps are available about 95% of the time and are supported in office "
			+ "hours, Monday to Friday, only. Do not use them for critical or official line-of-business work.";

	public AppsProperties {
		if (maxViewers < 1) {
			throw new IllegalArgumentException("platform.apps.max-viewers must be at least 1");
		}
		if (versionsKept < 1) {
			throw new IllegalArgumentException("platform.apps.versions-kept must be at least 1");
		}
	}

	/**
	 * @param encryptionKeys AES keys (base64, 128, 192 or 256 bits) by key id
	 * @param activeKeyId the id of the key that encrypts new secrets
	 */
	public record Secrets(Map<String, String> encryptionKeys, String activeKeyId) {

		public Secrets {
			encryptionKeys = (encryptionKeys != null) ? Map.copyOf(encryptionKeys) : Map.of();
		}

	}

	/**
	 * @param authUrl the URL the ingress controller calls for every request
	 * ({@code /authz/apps} of the control plane, inside the cluster)
	 * @param signInUrl where a viewer without a session is sent to sign in (the control
	 * plane's public {@code /authz/sign-in})
	 */
	public record Gate(@DefaultValue("http://analytical-platform.analytical-platform.svc/authz/apps") String authUrl,
			@DefaultValue("https://control-panel.localhost/authz/sign-in") String signInUrl) {

	}

	/**
	 * @param className the IngressClass of apps' ingresses
	 * @param controllerNamespace the namespace of the ingress controller, the only one
	 * whose pods may reach an app
	 * @param annotations extra annotations of apps' Ingress objects (the external-auth
	 * ones are the platform's own)
	 */
	public record Ingress(@DefaultValue("nginx") String className,
			@DefaultValue("ingress-nginx") String controllerNamespace, Map<String, String> annotations) {

		public Ingress {
			annotations = (annotations != null) ? Map.copyOf(annotations) : Map.of();
		}

	}

	/**
	 * @param cpuRequest CPU requested
	 * @param cpuLimit CPU limit
	 * @param memoryRequest memory requested
	 * @param memoryLimit memory limit
	 */
	public record Resources(@DefaultValue("100m") String cpuRequest, @DefaultValue("1") String cpuLimit,
			@DefaultValue("256Mi") String memoryRequest, @DefaultValue("1Gi") String memoryLimit) {

	}

	/**
	 * @param enabled whether this replica runs the reconciler (under the one leadership)
	 * @param pollInterval how often it looks for changes and rollouts in progress
	 * @param resyncInterval how often it reconciles every app (correcting drift)
	 * @param baseBackoff the first wait after a failure
	 * @param maxBackoff the longest wait after failures
	 */
	public record Reconciler(@DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration pollInterval,
			@DefaultValue("10m") Duration resyncInterval, @DefaultValue("2s") Duration baseBackoff,
			@DefaultValue("2m") Duration maxBackoff) {

	}

}
