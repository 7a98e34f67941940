package uk.gov.analyticalplatform.toollauncher;

/**
 * A request that names no tool, release or profile there is, or asks for the impossible.
 */
public class InvalidToolRequest extends ToolLauncherException {

	public InvalidToolRequest(String message) {
		super(message);
	}

}
