package uk.gov.analyticalplatform.appdeploy;

import java.util.List;

/**
 * An app's versions and their deployment: owners (or their pipelines, with an
 * {@code apps:deploy} token) register images and deploy any registered version; deploying
 * an older one is a rollback. Versions beyond {@code platform.apps.versions-kept} are
 * pruned, never the deployed one; the history is kept.
 */
public interface AppReleases {

	/**
	 * Registers an image as the app's next version; registering the newest version's
	 * image again returns that version.
	 * @throws AppNotFound if there is none the caller may see
	 * @throws InvalidApp if the image is malformed or not from the app's image repository
	 */
	AppVersion register(Caller caller, String app, String image);

	/**
	 * The app's versions, newest first.
	 * @throws AppNotFound if there is none the caller may see
	 */
	List<AppVersion> versions(Caller caller, String app);

	/**
	 * Makes a version the one Kubernetes runs (a rollback when it is older than the one
	 * deployed); Kubernetes rolls it out once committed.
	 * @throws AppNotFound if there is none the caller may see
	 * @throws AppVersionNotFound if it has no such version
	 */
	AppDeployment deploy(Caller caller, String app, int version);

	/**
	 * Who deployed what and when, newest first.
	 * @throws AppNotFound if there is none the caller may see
	 */
	List<AppDeployment> history(Caller caller, String app);

}
