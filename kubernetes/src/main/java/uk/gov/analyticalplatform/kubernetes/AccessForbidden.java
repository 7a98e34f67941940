package uk.gov.analyticalplatform.kubernetes;

/**
 * The API server's authorisation (RBAC) forbade the call (403): the control plane's
 * service account lacks a permission, or the call reached outside what it is granted.
 */
public class AccessForbidden extends KubernetesFailure {

	public AccessForbidden(String what, String reason, Throwable cause) {
		super("Forbidden to " + what + ": " + reason, 403, cause);
	}

}
