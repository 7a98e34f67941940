package uk.gov.analyticalplatform.appdeploy;

import java.util.List;

/** The apps a person was added to as a viewer (by email), for their home page. */
public interface ViewableApps {

	/**
	 * The apps whose viewers include this email address (compared in lower case), by
	 * name.
	 */
	List<ViewableApp> viewableBy(String email);

	/**
	 * An app someone may view.
	 *
	 * @param name its name
	 * @param description what it is for
	 * @param url where it is served
	 */
	record ViewableApp(String name, String description, String url) {

	}

}
