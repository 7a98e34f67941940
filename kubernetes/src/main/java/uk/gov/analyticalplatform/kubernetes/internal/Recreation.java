package uk.gov.analyticalplatform.kubernetes.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;

import uk.gov.analyticalplatform.kubernetes.Owner;

/**
 * When converging deletes an object and creates it anew because the API server refused to
 * change a field that cannot change once set (an upgrade that makes a tool's Service
 * headless, say), as Flux's {@code force}, Argo CD's {@code Force=true,Replace=true} and
 * {@code kubectl replace --force} do, but never on request and only where it is safe:
 * <ul>
 * <li>the kind is one whose objects hold no data and no identity that anything else
 * depends on: {@link #KINDS};</li>
 * <li>the object in the cluster is the owner's (it carries the owner's labels, as only
 * those are ever pruned) and is not already being deleted;</li>
 * <li>the refusal is 422 Invalid and every cause the API server gave says a field is
 * immutable: an object that is also invalid in another way is refused as it is, and the
 * old one is kept.</li>
 * </ul>
 * No I/O: the adapter asks, then deletes with a precondition on the old object's UID.
 */
final class Recreation {

	/**
	 * The kinds that may be recreated: only Service. Its immutable fields (cluster IP, IP
	 * families) name nothing any tool or app uses (ingress routes to endpoints), and a
	 * new one is routed to within the endpoint controller's next sync. Not on the list,
	 * deliberately: PersistentVolumeClaim (the user's home: a new claim is a new, empty
	 * volume), Namespace (deleting it deletes everything in it), ServiceAccount (its
	 * pods' tokens are bound to its UID, so running tools would lose their IAM role),
	 * Deployment (its only immutable field is the selector; recreating it kills the
	 * user's running session, so a selector change must come with a new name, which the
	 * prune removes the old one under), NetworkPolicy, ResourceQuota, LimitRange and
	 * Ingress (nothing immutable in what the platform sets, and a NetworkPolicy deleted
	 * even briefly leaves the namespace open), Secret (it holds data).
	 */
	static final Set<String> KINDS = Set.of("Service");

	/**
	 * The API server's own words for a field that cannot change: {@code field is
	 * immutable} (its generic message), {@code may not change once set} (a Service's
	 * cluster IPs), and the CEL and webhook variants Flux also matches.
	 */
	private static final Pattern IMMUTABLE = Pattern.compile("is immutable|immutable field|may not change once set");

	private Recreation() {
	}

	/**
	 * Whether the owner's {@code existing} object may be deleted and created anew as
	 * {@code desired}, after the API server refused applying it with {@code refusal}.
	 */
	static boolean allowed(HasMetadata desired, HasMetadata existing, Owner owner, Status refusal) {
		if (!KINDS.contains(desired.getKind()) || existing == null || existing.getMetadata().getUid() == null
				|| existing.getMetadata().getDeletionTimestamp() != null) {
			return false;
		}
		Map<String, String> labels = existing.getMetadata().getLabels();
		return labels != null && labels.entrySet().containsAll(owner.selector().entrySet()) && immutable(refusal);
	}

	/** Whether a refusal is 422 Invalid for immutable fields, and for nothing else. */
	static boolean immutable(Status refusal) {
		if (refusal == null || refusal.getCode() == null || refusal.getCode() != 422
				|| !"Invalid".equals(refusal.getReason()) || refusal.getDetails() == null) {
			return false;
		}
		List<StatusCause> causes = refusal.getDetails().getCauses();
		return causes != null && !causes.isEmpty() && causes.stream()
			.allMatch((cause) -> cause.getMessage() != null && IMMUTABLE.matcher(cause.getMessage()).find());
	}

}
