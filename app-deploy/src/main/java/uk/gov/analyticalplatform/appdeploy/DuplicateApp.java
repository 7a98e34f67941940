package uk.gov.analyticalplatform.appdeploy;

/** An app with that name exists already. */
public class DuplicateApp extends AppException {

	public DuplicateApp(String name) {
		super(Kind.CONFLICT, "An app called '" + name + "' already exists");
	}

}
