package uk.gov.analyticalplatform.appdeploy;

/**
 * What the platform promises about apps, shown on every app page, in the API and in front
 * of every app once per viewing session. It cannot be switched off; only its wording is
 * configurable.
 *
 * @param target the share of time apps are expected to be available, such as 0.95
 * @param support when apps are supported, such as "office hours, Monday to Friday"
 * @param notice the sentence shown to people
 */
public record Availability(double target, String support, String notice) {

	public Availability {
		if (target <= 0 || target > 1) {
			throw new IllegalArgumentException("platform.apps.availability.target is a share between 0 and 1");
		}
		if (support == null || support.isBlank() || notice == null || notice.isBlank()) {
			throw new IllegalArgumentException(
					"platform.apps.availability.support and .notice cannot be blank: the notice cannot be switched off");
		}
	}

}
