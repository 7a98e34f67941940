package uk.gov.analyticalplatform.kubernetes.internal;

import java.util.function.Supplier;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;

import uk.gov.analyticalplatform.kubernetes.AccessForbidden;
import uk.gov.analyticalplatform.kubernetes.KubernetesFailure;
import uk.gov.analyticalplatform.kubernetes.ObjectRef;
import uk.gov.analyticalplatform.kubernetes.ObjectRejected;

/** Turns fabric8's exceptions into the adapter's, with the API server's own reason. */
final class Failures {

	private Failures() {
	}

	/**
	 * Runs a call that writes one object; an invalid object becomes
	 * {@link ObjectRejected}.
	 */
	static <T> T translate(ObjectRef object, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (KubernetesClientException ex) {
			if (ex.getCode() == 422 || ex.getCode() == 400) {
				throw new ObjectRejected(object, reason(ex), ex.getCode(), ex);
			}
			throw failure("apply " + object, ex);
		}
	}

	/** Runs any other call. */
	static <T> T translate(String what, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (KubernetesClientException ex) {
			throw failure(what, ex);
		}
	}

	private static KubernetesFailure failure(String what, KubernetesClientException ex) {
		if (ex.getCode() == 403) {
			return new AccessForbidden(what, reason(ex), ex);
		}
		String where = (ex.getCode() > 0) ? " (HTTP " + ex.getCode() + ")" : " (API server unreachable)";
		return new KubernetesFailure("Could not " + what + where + ": " + reason(ex), ex.getCode(), ex);
	}

	/** The API server's status behind a refusal, if it sent one. */
	static Status status(KubernetesFailure failure) {
		return (failure.getCause() instanceof KubernetesClientException ex) ? ex.getStatus() : null;
	}

	static String reason(KubernetesClientException ex) {
		Status status = ex.getStatus();
		if (status != null && status.getMessage() != null && !status.getMessage().isBlank()) {
			return status.getMessage();
		}
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
	}

}
