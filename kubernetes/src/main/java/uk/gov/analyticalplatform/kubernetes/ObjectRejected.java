package uk.gov.analyticalplatform.kubernetes;

/**
 * The API server refused an object as invalid (422, or 400 for a malformed one): retrying
 * the same object will not help; its builder or its input is wrong.
 */
public class ObjectRejected extends KubernetesFailure {

	public ObjectRejected(ObjectRef object, String reason, int code, Throwable cause) {
		super(object + " was rejected by the API server: " + reason, code, cause);
	}

}
