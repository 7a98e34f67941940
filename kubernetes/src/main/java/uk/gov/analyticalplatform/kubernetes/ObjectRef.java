package uk.gov.analyticalplatform.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * One object in the cluster, by kind, namespace ({@code null} for cluster-scoped kinds)
 * and name.
 */
public record ObjectRef(String kind, String namespace, String name) {

	public static ObjectRef of(HasMetadata object) {
		return new ObjectRef(object.getKind(), object.getMetadata().getNamespace(), object.getMetadata().getName());
	}

	@Override
	public String toString() {
		return this.kind + " " + ((this.namespace != null) ? this.namespace + "/" : "") + this.name;
	}

}
