package uk.gov.analyticalplatform.toollauncher;

import java.util.Locale;

/** The tools an analyst can launch. */
public enum Tool {

	RSTUDIO, JUPYTERLAB, VSCODE;

	/** The tool's name in hosts, labels and URLs: lower case. */
	public String slug() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The tool named by its slug or its name, in any case. */
	public static Tool parse(String name) {
		try {
			return valueOf(name.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidToolRequest("No tool is called '" + name + "': choose rstudio, jupyterlab or vscode");
		}
	}

}
