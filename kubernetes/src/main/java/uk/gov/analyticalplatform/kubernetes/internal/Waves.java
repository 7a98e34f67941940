package uk.gov.analyticalplatform.kubernetes.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * The order an owner's desired objects are applied in, as waves: the objects of one wave
 * are applied at the same time, each wave after the one before has been applied. Kept in
 * the order given, the list is cut so that
 * <ul>
 * <li>an object with no namespace (a Namespace) is a wave of its own, before what follows
 * it: what lives in a namespace is applied only once the namespace is there;</li>
 * <li>a workload (anything that makes pods) is a wave of its own, after what precedes it:
 * its pods are admitted only once their ServiceAccount, policies, quota, claims and the
 * Service and Ingress that reach them exist, and the API server admits no pod that could
 * run unconfined or unreachable;</li>
 * <li>every run of other namespaced objects in between (a quota, a LimitRange, a
 * ServiceAccount, a NetworkPolicy, a claim, a Service, an Ingress: none depends on
 * another's existence) is one wave.</li>
 * </ul>
 * As kapp applies a change set: namespaces first, then the rest together; with the
 * workloads held back. No I/O.
 */
final class Waves {

	/** The kinds that make pods. */
	static final Set<String> WORKLOADS = Set.of("Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job",
			"CronJob", "ReplicationController");

	private Waves() {
	}

	static <T extends HasMetadata> List<List<T>> of(List<T> desired) {
		List<List<T>> waves = new ArrayList<>();
		List<T> run = new ArrayList<>();
		for (T object : desired) {
			if (alone(object)) {
				if (!run.isEmpty()) {
					waves.add(List.copyOf(run));
					run.clear();
				}
				waves.add(List.of(object));
			}
			else {
				run.add(object);
			}
		}
		if (!run.isEmpty()) {
			waves.add(List.copyOf(run));
		}
		return waves;
	}

	private static boolean alone(HasMetadata object) {
		return object.getMetadata().getNamespace() == null || WORKLOADS.contains(object.getKind());
	}

}
