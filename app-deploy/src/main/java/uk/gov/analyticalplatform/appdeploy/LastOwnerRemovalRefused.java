package uk.gov.analyticalplatform.appdeploy;

/** An app keeps at least one owner: its last owner cannot be removed. */
public class LastOwnerRemovalRefused extends AppException {

	public LastOwnerRemovalRefused(String app) {
		super(Kind.CONFLICT, "'" + app + "' must keep at least one owner: add another owner first");
	}

}
