package uk.gov.analyticalplatform.dataaccess.internal.reconcile;

/**
 * A resource with the name the platform wants exists but is not the platform's to change.
 */
public class RoleNotOwned extends RuntimeException {

	public RoleNotOwned(String message) {
		super(message);
	}

}
