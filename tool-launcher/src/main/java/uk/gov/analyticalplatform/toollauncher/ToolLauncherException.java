package uk.gov.analyticalplatform.toollauncher;

/** Something the tool launcher refused; the message is written for the user. */
public abstract class ToolLauncherException extends RuntimeException {

	protected ToolLauncherException(String message) {
		super(message);
	}

}
