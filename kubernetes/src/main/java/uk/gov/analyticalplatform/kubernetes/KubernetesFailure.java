package uk.gov.analyticalplatform.kubernetes;

import uk.gov.analyticalplatform.reconcile.ApplyFailed;

/**
 * The API server refused or could not do what was asked. The message is a reconciler's
 * whole status reason ({@link ApplyFailed}): it names the object and quotes the server's
 * reason.
 */
public class KubernetesFailure extends ApplyFailed {

	private final int code;

	public KubernetesFailure(String message, int code, Throwable cause) {
		super(message, cause);
		this.code = code;
	}

	/** The HTTP status the API server answered, or 0 when it could not be reached. */
	public int code() {
		return this.code;
	}

}
