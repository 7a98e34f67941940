package uk.gov.analyticalplatform.kubernetes;

/**
 * The API server refused or could not do what was asked. Messages are written to be shown
 * as a reconciler's status reason: they name the object and quote the server's reason.
 */
public class KubernetesFailure extends RuntimeException {

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
