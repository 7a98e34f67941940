package uk.gov.analyticalplatform.toollauncher;

/** Only platform admins may do this. */
public class ToolPermissionDenied extends ToolLauncherException {

	public ToolPermissionDenied(String message) {
		super(message);
	}

}
