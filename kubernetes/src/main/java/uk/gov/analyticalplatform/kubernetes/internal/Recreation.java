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
 * No I/O, and each condition is checked once: the adapter asks {@link #candidate} of the
 * refusal alone, reads the object only for a candidate, asks {@link #allowed} of what it
 * read, then deletes with a precondition on the old object's UID.
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
	private static final Set<String> KINDS = Set.of("Service");

	/**
	 * The API server's own words for a field that cannot change: {@code field is
	 * immutable} (its generic message), {@code may not change once set} (a Service's
	 * cluster IPs), and the CEL and webhook variants Flux also matches.
	 */
	private static final Pattern IMMUTABLE = Pattern.compile("is immutable|immutable field|may not change once set");

	private Recreation() {
	}

	/**
	 * Whether applying {@code desired} refused with {@code refusal} could be mended by
	 * recreating it: its kind is one of {@link #KINDS} and the refusal is for immutable
	 * fields only. Needs nothing from the cluster; whether the object there may go is
	 * {@link #allowed}.
	 */
	static boolean candidate(HasMetadata desired, Status refusal) {
		return KINDS.contains(desired.getKind()) && immutable(refusal);
	}

	/**
	 * Whether the object in the cluster, read after a {@link #candidate} refusal, may be
	 * deleted and created anew: it is there, has a UID to delete on condition of, is the
	 * owner's and is not already being deleted.
	 */
	static boolean allowed(HasMetadata existing, Owner owner) {
		if (existing == null || existing.getMetadata().getUid() == null
				|| existing.getMetadata().getDeletionTimestamp() != null) {
			return false;
		}
		Map<String, String> labels = existing.getMetadata().getLabels();
		return labels != null && labels.entrySet().containsAll(owner.selector().entrySet());
	}

	/** Whether a refusal is 422 Invalid for immutable fields, and for nothing else. */
	private static boolean immutable(Status refusal) {
		if (refusal == null || refusal.getCode() == null || refusal.getCode() != 422
				|| !"Invalid".equals(refusal.getReason()) || refusal.getDetails() == null) {
			return false;
		}
		List<StatusCause> causes = refusal.getDetails().getCauses();
		return causes != null && !causes.isEmpty() && causes.stream()
			.allMatch((cause) -> cause.getMessage() != null && IMMUTABLE.matcher(cause.getMessage()).find());
	}

}
