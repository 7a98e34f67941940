package uk.gov.analyticalplatform.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first platform admin, created only when the database has no users at all
 * ({@code platform.bootstrap.*}).
 *
 * @param admin the admin's sign-in details
 */
@ConfigurationProperties("platform.bootstrap")
public record BootstrapProperties(@DefaultValue Admin admin) {

	/**
	 * @param username the admin's username ({@code PLATFORM_BOOTSTRAP_ADMIN_USERNAME})
	 * @param password the admin's first password, to be changed at first sign-in
	 * ({@code PLATFORM_BOOTSTRAP_ADMIN_PASSWORD})
	 */
	public record Admin(String username, String password) {

		public boolean isConfigured() {
			return this.username != null && !this.username.isBlank() && this.password != null
					&& !this.password.isBlank();
		}

	}

}
