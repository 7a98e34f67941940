package uk.gov.analyticalplatform.api.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;
import uk.gov.analyticalplatform.api.support.SignedInUsers;
import uk.gov.analyticalplatform.api.support.SignedInUsers.Enrolled;

/**
 * A browser test: a fresh {@link Browser} on the running application for each test, and
 * the sign-in steps every journey starts with.
 */
abstract class BrowserIntegrationTest extends IdentityIntegrationTest {

	protected Browser browser;

	@BeforeEach
	void openBrowser() {
		this.browser = new Browser(this.port);
	}

	@AfterEach
	void closeBrowser() {
		this.browser.close();
	}

	/** Signs an enrolled user in with their password and a fresh code; waits for home. */
	protected void signIn(Enrolled user) {
		this.browser.signIn(user.username(), SignedInUsers.PASSWORD, freshCode(user.secret()));
	}

	/** Submits the sign-in form's first step, whatever comes next. */
	protected void signInWithPassword(String username, String password) {
		this.browser.open("/sign-in");
		this.browser.type("username", username);
		this.browser.type("password", password);
		this.browser.click("#sign-in");
	}

}
