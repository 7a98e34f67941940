package uk.gov.analyticalplatform.appdeploy.internal.kubernetes;

/** The IAM role an app's pods assume (IRSA), by app name. */
@FunctionalInterface
interface AppRoles {

	/** The role's ARN, or {@code null} when the app has none. */
	String roleArn(String app);

}
