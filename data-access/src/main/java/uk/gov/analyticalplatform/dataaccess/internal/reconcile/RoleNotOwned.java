package uk.gov.analyticalplatform.dataaccess.internal.reconcile;

import uk.gov.analyticalplatform.reconcile.ApplyFailed;

/**
 * A resource with the name the platform wants exists but is not the platform's to change;
 * the message, naming the resource and its owner, is the reason.
 */
public class RoleNotOwned extends ApplyFailed {

	public RoleNotOwned(String message) {
		super(message);
	}

}
