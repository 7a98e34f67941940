package uk.gov.analyticalplatform.appdeploy.internal.apps;

import uk.gov.analyticalplatform.appdeploy.InvalidApp;

/** The registry says the tag does not exist: the version is refused. */
class ImageNotFound extends InvalidApp {

	ImageNotFound(String reference, String registry) {
		super("image", "The registry " + registry + " has no image " + reference
				+ ": check the tag, or register the version after the build has pushed it");
	}

}
