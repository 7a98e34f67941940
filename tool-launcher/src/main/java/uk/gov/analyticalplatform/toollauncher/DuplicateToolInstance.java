package uk.gov.analyticalplatform.toollauncher;

/** The user already has an instance of this tool: one per user per tool. */
public class DuplicateToolInstance extends ToolLauncherException {

	public DuplicateToolInstance(Tool tool) {
		super("You already have " + tool.slug() + ": start, switch or delete that one");
	}

}
