package uk.gov.analyticalplatform.api.identity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.api.support.ApiClient;
import uk.gov.analyticalplatform.api.support.ApiClient.Response;
import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;
import uk.gov.analyticalplatform.api.support.SignedInUsers;
import uk.gov.analyticalplatform.api.support.SignedInUsers.Enrolled;

import static org.assertj.core.api.Assertions.assertThat;

/** Password guessing slows down per account and per client address (OWASP ASVS 2.2.1). */
class SignInThrottleIT extends IdentityIntegrationTest {

	/** Every test here comes from 127.0.0.1: let the address's count lapse afterwards. */
	@AfterEach
	void letTheAddressCountLapse() {
		this.clock.advance(Duration.ofMinutes(31));
	}

	@Test
	void fiveWrongPasswordsBlockTheAccountEvenForTheRightPasswordUntilRetryAfter() {
		Enrolled user = this.users.enrolled("guessed");
		for (int i = 0; i < 5; i++) {
			assertThat(attempt(user.username(), "wrong guess " + i).status()).isEqualTo(401);
		}
		Response blocked = attempt(user.username(), SignedInUsers.PASSWORD);
		assertThat(blocked.status()).isEqualTo(429);
		assertThat(blocked.problemType()).isEqualTo("/problems/sign-in-throttled");
		assertThat(retryAfter(blocked)).as("the first block, 30 s, less the time since it began").isBetween(20, 30);
		assertThat(blocked.body()).doesNotContain("mfaRequired");
		assertThat(auditEvents("signin.throttled", user.username())).isEqualTo(1);
		assertThat(superuserQuery("SELECT details->>'reason' FROM audit_event WHERE action = 'signin.password.failed' "
				+ "AND target_id = ? ORDER BY id DESC LIMIT 1", user.user().id().toString()))
			.containsExactly("throttled");

		this.clock.advance(Duration.ofSeconds(31));
		assertThat(attempt(user.username(), SignedInUsers.PASSWORD).status()).isEqualTo(200);
		assertThat(attempt(user.username(), "wrong again").status()).isEqualTo(401);
		assertThat(attempt(user.username(), SignedInUsers.PASSWORD).status())
			.as("the right password forgot the account's earlier wrong ones")
			.isEqualTo(200);
	}

	@Test
	void aBlockThatAnotherReplicaRecordedRefusesTheRightPasswordHereToo() {
		Enrolled user = this.users.enrolled("elsewhere");
		OffsetDateTime now = this.clock.instant().atOffset(ZoneOffset.UTC);
		superuserQuery("""
				INSERT INTO sign_in_throttles (subject_kind, subject_hash, failures, last_failure_at, blocked_until)
				VALUES ('account', encode(sha256(convert_to(lower(?), 'UTF8')), 'hex'), 5, ?, ?) RETURNING failures
				""", user.username(), now, now.plusMinutes(2));

		Response blocked = attempt(user.username(), SignedInUsers.PASSWORD);

		assertThat(blocked.status()).isEqualTo(429);
		assertThat(retryAfter(blocked)).isBetween(100, 120);
	}

	@Test
	void eachWrongPasswordAfterABlockDoublesTheNextBlock() {
		Enrolled user = this.users.enrolled("persistent");
		for (int i = 0; i < 5; i++) {
			attempt(user.username(), "wrong guess " + i);
		}
		this.clock.advance(Duration.ofSeconds(31));
		assertThat(attempt(user.username(), "another guess").status()).isEqualTo(401);
		assertThat(retryAfter(attempt(user.username(), "and another")))
			.as("twice the first block, less the time since it began")
			.isBetween(31, 60);
	}

	@Test
	void anUnknownUsernameIsAnsweredExactlyLikeAKnownOne() {
		Enrolled known = this.users.enrolled("known");
		String unknown = "unknown-" + UUID.randomUUID().toString().substring(0, 8);
		List<Response> knownAnswers = new ArrayList<>();
		List<Response> unknownAnswers = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			knownAnswers.add(attempt(known.username(), "wrong guess " + i));
			unknownAnswers.add(attempt(unknown, "wrong guess " + i));
		}
		for (int i = 0; i < 6; i++) {
			Response knownAnswer = knownAnswers.get(i);
			Response unknownAnswer = unknownAnswers.get(i);
			assertThat(unknownAnswer.status()).isEqualTo(knownAnswer.status()).isEqualTo((i < 5) ? 401 : 429);
			assertThat(unknownAnswer.json().path("detail")).isEqualTo(knownAnswer.json().path("detail"));
			assertThat(unknownAnswer.raw().headers().firstValue("Retry-After"))
				.isEqualTo(knownAnswer.raw().headers().firstValue("Retry-After"));
		}
	}

	@Test
	void guessesInParallelAreCountedExactly() throws Exception {
		Enrolled user = this.users.enrolled("parallel");
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				String guess = "parallel guess " + i;
				answers.add(threads.submit(() -> attempt(user.username(), guess).status()));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get());
			}
			assertThat(statuses).filteredOn((status) -> status == 401).hasSize(5);
			assertThat(statuses).filteredOn((status) -> status == 429).hasSize(11);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void oneAddressGuessingManyUsernamesIsBlockedForEveryUsername() {
		Enrolled bystander = this.users.enrolled("bystander");
		int refusedAfter = -1;
		for (int i = 0; i < 60 && refusedAfter < 0; i++) {
			Response answer = attempt("sprayed-" + i + "-" + UUID.randomUUID().toString().substring(0, 6),
					"Winter2026!");
			if (answer.status() == 429) {
				refusedAfter = i;
			}
		}
		assertThat(refusedAfter).as("wrong passwords before the address was blocked").isBetween(1, 50);
		Response blocked = attempt(bystander.username(), SignedInUsers.PASSWORD);
		assertThat(blocked.status()).isEqualTo(429);
		assertThat(blocked.raw().headers().firstValue("Retry-After")).isPresent();
		assertThat(auditEvents("signin.throttled", "127.0.0.1")).isPositive();
	}

	/** The answer's Retry-After: whole seconds, rounded up, from when it was answered. */
	private static int retryAfter(Response answer) {
		return Integer.parseInt(answer.raw().headers().firstValue("Retry-After").orElseThrow());
	}

	private Response attempt(String username, String password) {
		ApiClient client = api();
		return client.post("/api/v1/auth/login", login(username, password));
	}

}
