package uk.gov.analyticalplatform.api.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.api.support.ApiClient;
import uk.gov.analyticalplatform.api.support.ApiClient.Response;
import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;
import uk.gov.analyticalplatform.api.support.SignedInUsers;
import uk.gov.analyticalplatform.api.support.SignedInUsers.Enrolled;
import uk.gov.analyticalplatform.api.support.TestTotp;
import uk.gov.analyticalplatform.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

class SecondFactorIT extends IdentityIntegrationTest {

	@Test
	void aCodeIsAcceptedOnceAndItsReplayIsRefused() {
		Enrolled user = this.users.enrolled("replay");
		String code = freshCode(user.secret());
		ApiClient first = passwordOnly(user);
		assertThat(first.post("/api/v1/auth/totp/verify", code(code)).status()).isEqualTo(200);
		ApiClient second = passwordOnly(user);
		Response replay = second.post("/api/v1/auth/totp/verify", code(code));
		assertThat(replay.status()).isEqualTo(401);
		assertThat(replay.problemType()).isEqualTo("/problems/code-rejected");
		assertThat(second.get("/api/v1/me").problemType()).isEqualTo("/problems/mfa-required");
	}

	@Test
	void aCodeFromTheStepBeforeIsStillAcceptedButNotOneTwoStepsOld() {
		Enrolled user = this.users.enrolled("drift");
		this.clock.advance(Duration.ofSeconds(90));
		long step = Math.floorDiv(this.clock.instant().getEpochSecond(), 30);
		ApiClient old = passwordOnly(user);
		assertThat(old.post("/api/v1/auth/totp/verify", code(TestTotp.codeAtStep(user.secret(), step - 2))).status())
			.isEqualTo(401);
		assertThat(old.post("/api/v1/auth/totp/verify", code(TestTotp.codeAtStep(user.secret(), step - 1))).status())
			.isEqualTo(200);
	}

	@Test
	void fiveWrongCodesLockTheSecondFactorForFifteenMinutesThenItUnlocks() {
		Enrolled user = this.users.enrolled("lockout");
		ApiClient client = passwordOnly(user);
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			statuses.add(client.post("/api/v1/auth/totp/verify", code("000000")).status());
		}
		assertThat(statuses).containsExactly(401, 401, 401, 401, 429);
		Response locked = client.post("/api/v1/auth/totp/verify", code(freshCode(user.secret())));
		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.problemType()).isEqualTo("/problems/second-factor-locked");
		assertThat(locked.json().path("detail").asString()).contains("wait 15 minutes").doesNotContain("Z");
		assertThat(locked.raw().headers().firstValue("Retry-After")).hasValue("870");
		assertThat(auditEvents("totp.locked", user.user().id().toString())).isEqualTo(1);
		assertThat(auditEvents("signin.second_factor.failed", user.user().id().toString())).isEqualTo(6);

		this.clock.advance(Duration.ofMinutes(13));
		assertThat(client.post("/api/v1/auth/totp/verify", code(freshCode(user.secret()))).status()).isEqualTo(429);
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(client.post("/api/v1/auth/totp/verify", code(freshCode(user.secret()))).status()).isEqualTo(200);
		assertThat(client.get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void wrongRecoveryCodesLockTheSecondFactorLikeWrongCodes() {
		Enrolled user = this.users.enrolled("recoveryguess");
		ApiClient client = passwordOnly(user);
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			statuses.add(client.post("/api/v1/auth/recovery-code", code("aaaa-bbbb-cccc-000" + i)).status());
		}
		assertThat(statuses).containsExactly(401, 401, 401, 401, 429);
		Response locked = client.post("/api/v1/auth/totp/verify", code(freshCode(user.secret())));
		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.raw().headers().firstValue("Retry-After")).hasValue("870");
		assertThat(auditEvents("totp.locked", user.user().id().toString())).isEqualTo(1);
	}

	@Test
	void wrongCodesSpreadOverMoreThanFifteenMinutesDoNotLock() {
		Enrolled user = this.users.enrolled("spread");
		ApiClient client = passwordOnly(user);
		for (int i = 0; i < 4; i++) {
			client.post("/api/v1/auth/totp/verify", code("000000"));
		}
		this.clock.advance(Duration.ofMinutes(16));
		assertThat(client.post("/api/v1/auth/totp/verify", code("000000")).status()).isEqualTo(401);
		assertThat(client.post("/api/v1/auth/totp/verify", code(freshCode(user.secret()))).status()).isEqualTo(200);
	}

	@Test
	void aRecoveryCodeWorksOnceInsteadOfTheApp() {
		Enrolled user = this.users.enrolled("recovery");
		ApiClient client = signedIn(user);
		List<String> codes = new ArrayList<>();
		client.post("/api/v1/me/recovery-codes", null)
			.json()
			.path("recoveryCodes")
			.forEach((node) -> codes.add(node.asString()));
		assertThat(codes).hasSize(10);
		ApiClient first = passwordOnly(user);
		assertThat(first.post("/api/v1/auth/recovery-code", code(codes.get(0).toUpperCase())).status()).isEqualTo(200);
		assertThat(first.get("/api/v1/me").status()).isEqualTo(200);
		ApiClient again = passwordOnly(user);
		Response reused = again.post("/api/v1/auth/recovery-code", code(codes.get(0)));
		assertThat(reused.status()).isEqualTo(401);
		assertThat(again.get("/api/v1/me").problemType()).isEqualTo("/problems/mfa-required");
		assertThat(again.post("/api/v1/auth/recovery-code", code(codes.get(1))).status()).isEqualTo(200);
		assertThat(auditEvents("totp.recovery_codes.regenerated", user.user().id().toString())).isEqualTo(1);
	}

	@Test
	void anAdminResetMakesTheUserEnrolAgainAndEndsTheirSessions() {
		Enrolled admin = this.users.enrolled("resetter", Role.PLATFORM_ADMIN);
		Enrolled user = this.users.enrolled("resettee");
		ApiClient userSession = signedIn(user);
		ApiClient adminSession = signedIn(admin);
		Response reset = adminSession.post("/api/v1/users/" + user.username() + "/totp/reset", null);
		assertThat(reset.status()).isEqualTo(204);
		assertThat(userSession.get("/api/v1/me").status()).isEqualTo(401);
		Response login = api().post("/api/v1/auth/login", login(user.username(), SignedInUsers.PASSWORD));
		assertThat(login.json().path("enrolmentRequired").asBoolean()).isTrue();
		assertThat(auditEvents("totp.reset", user.user().id().toString())).isEqualTo(1);
	}

	@Test
	void theSecretIsStoredEncrypted() throws Exception {
		Enrolled user = this.users.enrolled("encrypted");
		try (var connection = uk.gov.analyticalplatform.testing.TestDatabases.superuser(this.database);
				var query = connection
					.prepareStatement("SELECT key_id, ciphertext FROM totp_credentials WHERE user_id = ?")) {
			query.setObject(1, user.user().id());
			try (var rows = query.executeQuery()) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("test-totp");
				// ciphertext is arbitrary bytes (NUL included): compare as Latin-1 text
				// in Java
				String stored = new String(rows.getBytes(2), java.nio.charset.StandardCharsets.ISO_8859_1);
				assertThat(stored).isNotEmpty().doesNotContain(user.secret());
			}
		}
	}

	private ApiClient passwordOnly(Enrolled user) {
		ApiClient client = api();
		assertThat(client.post("/api/v1/auth/login", login(user.username(), SignedInUsers.PASSWORD)).status())
			.isEqualTo(200);
		return client;
	}

}
