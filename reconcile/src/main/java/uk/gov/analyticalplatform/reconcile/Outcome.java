package uk.gov.analyticalplatform.reconcile;

/**
 * What applying one desired object (or one principal's desired state) did to the world.
 */
public enum Outcome {

	/** The world already matched: nothing was written. */
	NOOP,

	/** The object did not exist and was created. */
	CREATED,

	/** The object existed and was changed to match. */
	PATCHED,

	/**
	 * The object existed but could not be changed to match (a field the API server does
	 * not let change once set): it was deleted and created anew.
	 */
	REPLACED,

	/** The object was no longer desired and was deleted. */
	DELETED;

	/** Whether the world was written to. */
	public boolean changed() {
		return this != NOOP;
	}

}
