package uk.gov.analyticalplatform.appdeploy;

/** A field of an app, a viewer, a version, a variable or a secret is malformed. */
public class InvalidApp extends AppException {

	private final String field;

	public InvalidApp(String field, String message) {
		super(Kind.INVALID, message);
		this.field = field;
	}

	/** The field at fault, as the API and forms name it. */
	public String field() {
		return this.field;
	}

}
