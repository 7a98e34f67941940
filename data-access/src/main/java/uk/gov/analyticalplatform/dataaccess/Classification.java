package uk.gov.analyticalplatform.dataaccess;

/** The Government Security Classification of a dataset. */
public enum Classification {

	OFFICIAL("OFFICIAL"), OFFICIAL_SENSITIVE("OFFICIAL-SENSITIVE");

	private final String label;

	Classification(String label) {
		this.label = label;
	}

	/** The marking as people write it, such as {@code OFFICIAL-SENSITIVE}. */
	public String label() {
		return this.label;
	}

}
