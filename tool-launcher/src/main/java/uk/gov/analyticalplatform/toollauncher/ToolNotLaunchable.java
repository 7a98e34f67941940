package uk.gov.analyticalplatform.toollauncher;

/** The release or profile may not be used by this user (retired, restricted). */
public class ToolNotLaunchable extends ToolLauncherException {

	public ToolNotLaunchable(String message) {
		super(message);
	}

}
