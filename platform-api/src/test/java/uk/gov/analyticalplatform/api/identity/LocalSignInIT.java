package uk.gov.analyticalplatform.api.identity;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import uk.gov.analyticalplatform.api.support.ApiClient;
import uk.gov.analyticalplatform.api.support.ApiClient.Response;
import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;
import uk.gov.analyticalplatform.api.support.SignedInUsers;
import uk.gov.analyticalplatform.api.support.TestTotp;
import uk.gov.analyticalplatform.identity.UserAccount;

import static org.assertj.core.api.Assertions.assertThat;

class LocalSignInIT extends IdentityIntegrationTest {

	@Test
	void aNewUserSignsInEnrolsTotpGetsRecoveryCodesAndReachesTheApi() {
		UserAccount user = this.users.unenrolled("newcomer");
		ApiClient client = api();
		Response login = client.post("/api/v1/auth/login", login(user.username(), SignedInUsers.PASSWORD));
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().path("mfaRequired").asBoolean()).isTrue();
		assertThat(login.json().path("enrolmentRequired").asBoolean()).isTrue();
		assertThat(client.get("/api/v1/me").problemType()).isEqualTo("/problems/mfa-required");

		JsonNode enrolment = client.post("/api/v1/auth/totp/enrolment", null).json();
		String secret = enrolment.path("secret").asString();
		assertThat(enrolment.path("otpauthUri").asString()).startsWith("otpauth://totp/")
			.contains("secret=" + secret)
			.contains("issuer=");
		assertThat(java.util.Base64.getDecoder().decode(enrolment.path("qrPngBase64").asString())).startsWith(0x89, 'P',
				'N', 'G');
		Response wrong = client.post("/api/v1/auth/totp/enrolment/confirm", code("000000"));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.problemType()).isEqualTo("/problems/code-rejected");

		Response confirmed = client.post("/api/v1/auth/totp/enrolment/confirm",
				code(TestTotp.code(secret, this.clock.instant())));
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.json().path("recoveryCodes")).hasSize(10);
		Response me = client.get("/api/v1/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().path("user").path("username").asString()).isEqualTo(user.username());
		assertThat(me.json().path("user").path("roles").toString()).contains("ANALYST");
		assertThat(auditEvents("totp.enrolled", user.id().toString())).isEqualTo(1);
		assertThat(auditEvents("signin.password.succeeded", user.id().toString())).isEqualTo(1);
	}

	@Test
	void theSessionIdChangesAtSignInAndAgainAfterTheSecondFactor() {
		SignedInUsers.Enrolled user = this.users.enrolled("rotation");
		ApiClient client = api();
		client.get("/api/v1/auth/csrf");
		client.post("/api/v1/auth/login", login(user.username(), SignedInUsers.PASSWORD));
		String afterPassword = client.cookie("PLATFORM_SESSION");
		assertThat(afterPassword).isNotNull();
		client.post("/api/v1/auth/totp/verify", code(freshCode(user.secret())));
		assertThat(client.cookie("PLATFORM_SESSION")).isNotNull().isNotEqualTo(afterPassword);
		assertThat(auditEvents("signin.second_factor.succeeded", user.user().id().toString())).isEqualTo(1);
	}

	@Test
	void aWrongPasswordIsRefusedWithoutSayingWhyAndAudited() {
		SignedInUsers.Enrolled user = this.users.enrolled("wrongpw");
		Response wrong = api().post("/api/v1/auth/login", login(user.username(), "not the password at all"));
		Response unknown = api().post("/api/v1/auth/login", login("nobody-" + user.username(), "whatever it is"));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.problemType()).isEqualTo("/problems/sign-in-failed");
		assertThat(unknown.json().path("detail")).isEqualTo(wrong.json().path("detail"));
		assertThat(auditEvents("signin.password.failed", user.user().id().toString())).isEqualTo(1);
		assertThat(auditEvents("signin.password.failed", "nobody-" + user.username())).isEqualTo(1);
	}

	@Test
	void theBootstrapAdminMustChangeTheirPasswordAfterTheSecondFactor() {
		UserAccount admin = this.users.admin();
		assertThat(admin.roles()).hasSize(2);
		ApiClient client = api();
		Response login = client.post("/api/v1/auth/login", login("admin", "bootstrap passphrase for tests"));
		assertThat(login.status()).isEqualTo(200);
		String secret = client.post("/api/v1/auth/totp/enrolment", null).json().path("secret").asString();
		client.post("/api/v1/auth/totp/enrolment/confirm", code(TestTotp.code(secret, this.clock.instant())));

		Response blocked = client.get("/api/v1/users");
		assertThat(blocked.status()).isEqualTo(403);
		assertThat(blocked.problemType()).isEqualTo("/problems/password-change-required");
		Response weak = client.post("/api/v1/me/password",
				"{\"currentPassword\": \"bootstrap passphrase for tests\", \"newPassword\": \"password1234\"}");
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.problemType()).isEqualTo("/problems/password-rejected");
		Response changed = client.post("/api/v1/me/password",
				"{\"currentPassword\": \"bootstrap passphrase for tests\", \"newPassword\": \"" + SignedInUsers.PASSWORD
						+ "\"}");
		assertThat(changed.status()).isEqualTo(204);
		assertThat(client.get("/api/v1/users").status()).isEqualTo(200);
		assertThat(auditEvents("user.password.changed", admin.id().toString())).isEqualTo(1);
		assertThat(auditEvents("user.created", admin.id().toString())).isEqualTo(1);
	}

	@Test
	void signingOutEndsTheSessionAndSigningOutEverywhereEndsTheOthers() {
		SignedInUsers.Enrolled user = this.users.enrolled("signout");
		ApiClient first = signedIn(user);
		ApiClient second = signedIn(user);
		assertThat(first.post("/api/v1/auth/logout", null).status()).isEqualTo(204);
		assertThat(first.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(second.get("/api/v1/me").status()).isEqualTo(200);
		ApiClient third = signedIn(user);
		assertThat(third.post("/api/v1/auth/logout", "{\"everywhere\": true}").status()).isEqualTo(204);
		assertThat(second.get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void scriptsWithoutTheCsrfTokenAreRefused() {
		SignedInUsers.Enrolled user = this.users.enrolled("csrf");
		Response refused = api().exchange("POST", "/api/v1/auth/login", login(user.username(), SignedInUsers.PASSWORD));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.problemType()).isEqualTo("/problems/csrf-token-invalid");
	}

}
