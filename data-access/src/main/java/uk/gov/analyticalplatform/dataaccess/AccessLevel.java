package uk.gov.analyticalplatform.dataaccess;

/**
 * How much a grant allows: {@code READ}; {@code READ_WRITE}; {@code ADMIN}, which is
 * read-write and may also manage access to the dataset. Sub-paths carry {@code READ} or
 * {@code READ_WRITE} only.
 */
public enum AccessLevel {

	READ, READ_WRITE, ADMIN;

	/** Whether this level allows at least what {@code other} allows. */
	public boolean includes(AccessLevel other) {
		return compareTo(other) >= 0;
	}

	/** Whether this level allows writing and deleting objects. */
	public boolean writes() {
		return this != READ;
	}

	/** The level as a sub-path level: {@code ADMIN} becomes {@code READ_WRITE}. */
	public AccessLevel forPath() {
		return (this == ADMIN) ? READ_WRITE : this;
	}

	/**
	 * The level in the words people read in the control panel, emails and reviews:
	 * "Read", "Read and write" or "Admin".
	 */
	public String label() {
		return switch (this) {
			case READ -> "Read";
			case READ_WRITE -> "Read and write";
			case ADMIN -> "Admin";
		};
	}

}
