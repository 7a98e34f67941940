package uk.gov.analyticalplatform.kubernetes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who owns a set of objects, as labels: every object applied for the owner carries them
 * (and {@value #MANAGED_BY}={@value #PLATFORM}), and pruning deletes only objects that
 * carry all of them.
 *
 * @param labels the owner's identifying labels, never empty
 */
public record Owner(Map<String, String> labels) {

	/** The standard label naming the tool that manages an object. */
	public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

	/** This platform's value of {@link #MANAGED_BY}. */
	public static final String PLATFORM = "analytical-platform";

	public Owner {
		if (labels == null || labels.isEmpty()) {
			throw new IllegalArgumentException("An owner needs at least one label");
		}
		labels = Map.copyOf(labels);
	}

	/** An owner identified by one label. */
	public static Owner of(String key, String value) {
		return new Owner(Map.of(key, value));
	}

	/**
	 * The owner's labels and the platform's managed-by label: what owned objects carry.
	 */
	public Map<String, String> selector() {
		Map<String, String> selector = new LinkedHashMap<>(this.labels);
		selector.put(MANAGED_BY, PLATFORM);
		return selector;
	}

}
