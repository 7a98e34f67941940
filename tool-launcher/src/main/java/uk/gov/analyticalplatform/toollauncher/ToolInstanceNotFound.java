package uk.gov.analyticalplatform.toollauncher;

import java.util.UUID;

/** No instance has the id, or it is not the caller's: the two are not told apart. */
public class ToolInstanceNotFound extends ToolLauncherException {

	public ToolInstanceNotFound(UUID id) {
		super("No tool instance " + id);
	}

}
