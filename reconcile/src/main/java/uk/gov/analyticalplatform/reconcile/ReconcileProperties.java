package uk.gov.analyticalplatform.reconcile;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the reconcilers of the application work ({@code platform.reconcile.*}; every key is
 * in docs/configuration.md).
 *
 * @param workers how many keys each reconciler that may reconcile keys in parallel (tool
 * instances, apps, users' access) reconciles at once, on the leader; one key is never
 * reconciled by two workers at the same time
 */
@ConfigurationProperties("platform.reconcile")
public record ReconcileProperties(@DefaultValue("8") int workers) {

	public ReconcileProperties {
		if (workers < 1) {
			throw new IllegalArgumentException("platform.reconcile.workers must be at least 1, not " + workers);
		}
	}

	/** One worker per reconciler: every key one after the other. */
	public static ReconcileProperties serial() {
		return new ReconcileProperties(1);
	}

}
