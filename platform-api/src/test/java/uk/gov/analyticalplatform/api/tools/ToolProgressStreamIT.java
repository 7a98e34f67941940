package uk.gov.analyticalplatform.api.tools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import uk.gov.analyticalplatform.api.support.ApiClient;
import uk.gov.analyticalplatform.api.support.ApiClient.Response;
import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;
import uk.gov.analyticalplatform.api.support.SignedInUsers.Enrolled;
import uk.gov.analyticalplatform.identity.UserChange;
import uk.gov.analyticalplatform.identity.Users;
import uk.gov.analyticalplatform.toollauncher.Tool;
import uk.gov.analyticalplatform.toollauncher.ToolInstance;
import uk.gov.analyticalplatform.toollauncher.ToolInstances;
import uk.gov.analyticalplatform.toollauncher.ToolUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The progress stream over HTTP with the browser's session: what another replica's
 * reconciler commits (here, a write on a database session of its own, no reconciler of
 * this application reaching a cluster) is pushed as a {@code status} event at once, a
 * quiet stream carries heartbeat comments, the stream completes at READY and with a
 * {@code deleted} event when the instance goes, and the replica counts its open streams.
 * Opened to follow a running tool, it stays open at READY and sends the change of its
 * data access notice. A stream ends with the session that opened it (signed out here at
 * once; expired, or ended elsewhere, at the next heartbeat), and one opened with an API
 * token ends with the token (revoked here at once; revoked on another replica, which here
 * is a write of the row on a database session of its own, or its owner suspended, at the
 * next heartbeat). Another user's instance is refused with 404 before any stream opens
 * ({@code ApiAccessIT}).
 */
class ToolProgressStreamIT extends IdentityIntegrationTest {

	static final Duration PUSHED = Duration.ofSeconds(5);

	@Autowired
	ToolInstances instances;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ProgressStreamProperties streams;

	@Autowired
	Users identity;

	@Test
	void whatAnotherReplicaCommitsIsPushedAtOnceAQuietStreamHasHeartbeatsAndItCompletesWhenReady() {
		Enrolled owner = this.users.enrolled("stream-owner");
		ToolInstance instance = this.instances.create(toolUser(owner), Tool.JUPYTERLAB, null, null);
		double openBefore = openStreams();
		Stream stream = open(signedIn(owner), instance.id(), "");
		await().atMost(PUSHED).until(() -> stream.data().stream().anyMatch((data) -> data.contains("\"PENDING\"")));
		assertThat(stream.lines).first().isEqualTo("event:status");
		assertThat(openStreams()).isEqualTo(openBefore + 1);

		long written = System.nanoTime();
		writeAsAnotherReplica(instance.id(), "STARTING", "Pulling image");
		await().atMost(PUSHED)
			.until(() -> stream.data().stream().anyMatch((data) -> data.contains("\"Pulling image\"")));
		System.out.printf("status pushed %d ms after the other replica's commit%n",
				Duration.ofNanos(System.nanoTime() - written).toMillis());

		await().atMost(heartbeat()).until(() -> stream.lines.contains(":heartbeat"));
		writeAsAnotherReplica(instance.id(), "READY", null);
		await().atMost(PUSHED).untilTrue(stream.ended);
		assertThat(stream.data()).last().asString().contains("\"READY\"");
		await().atMost(PUSHED).until(() -> openStreams() == openBefore);
		this.instances.delete(toolUser(owner), instance.id(), true);
	}

	@Test
	void theStreamOfAnInstanceThatGoesEndsWithADeletedEvent() {
		Enrolled owner = this.users.enrolled("stream-deleted");
		ToolInstance instance = this.instances.create(toolUser(owner), Tool.RSTUDIO, null, null);
		Stream stream = open(signedIn(owner), instance.id(), "");
		await().atMost(PUSHED).until(() -> !stream.data().isEmpty());

		superuserQuery("DELETE FROM tool_instances WHERE id = ?::uuid RETURNING id", instance.id().toString());

		await().atMost(PUSHED).untilTrue(stream.ended);
		assertThat(stream.lines).contains("event:deleted");
	}

	@Test
	void openedToFollowARunningToolTheStreamStaysOpenAtReadyAndSendsEachChangeOfItsDataAccessNotice() {
		Enrolled owner = this.users.enrolled("stream-running");
		ToolInstance instance = this.instances.create(toolUser(owner), Tool.JUPYTERLAB, null, null);
		superuserQuery("UPDATE tool_instances SET phase = 'READY', step = NULL, running_role_arn = '' "
				+ "WHERE id = ?::uuid RETURNING id", instance.id().toString());
		Stream stream = open(signedIn(owner), instance.id(), "?whileRunning=true");
		await().atMost(PUSHED).until(() -> stream.data().stream().anyMatch((data) -> data.contains("\"READY\"")));
		assertThat(stream.data()).last().asString().contains("\"dataAccessChanged\":false");

		setRoles(instance.id(), "role_arn", "arn:aws:iam::123456789012:role/stream-running");

		await().atMost(PUSHED)
			.until(() -> stream.data().stream().anyMatch((data) -> data.contains("\"dataAccessChanged\":true")));
		setRoles(instance.id(), "running_role_arn", "arn:aws:iam::123456789012:role/stream-running");
		await().atMost(PUSHED)
			.until(() -> stream.data().get(stream.data().size() - 1).contains("\"dataAccessChanged\":false"));
		assertThat(stream.ended).isFalse();
		writeAsAnotherReplica(instance.id(), "STOPPED", null);
		await().atMost(PUSHED).untilTrue(stream.ended);
		this.instances.delete(toolUser(owner), instance.id(), true);
	}

	@Test
	void aStreamEndsAsSoonAsTheSessionThatOpenedItSignsOut() {
		Enrolled owner = this.users.enrolled("stream-signout");
		ToolInstance instance = this.instances.create(toolUser(owner), Tool.RSTUDIO, null, null);
		ApiClient session = signedIn(owner);
		double openBefore = openStreams();
		Stream stream = open(session, instance.id(), "");
		await().atMost(PUSHED).until(() -> !stream.data().isEmpty());

		double bySessionEnd = cutOff("session-end");

		assertThat(session.post("/api/v1/auth/logout", null).status()).isEqualTo(204);

		assertThat(cutOff("session-end")).as("ended by the sign-out before it answered, not by the heartbeat's check")
			.isEqualTo(bySessionEnd + 1);
		await().atMost(PUSHED).untilTrue(stream.ended);
		await().atMost(PUSHED).until(() -> openStreams() == openBefore);
		this.instances.delete(toolUser(owner), instance.id(), true);
	}

	@Test
	void aStreamEndsAtTheNextHeartbeatOnceItsUserSignsOutEverywhereFromAnotherSession() {
		Enrolled owner = this.users.enrolled("stream-everywhere");
		ToolInstance instance = this.instances.create(toolUser(owner), Tool.RSTUDIO, null, null);
		Stream stream = open(signedIn(owner), instance.id(), "");
		await().atMost(PUSHED).until(() -> !stream.data().isEmpty());

		assertThat(signedIn(owner).post("/api/v1/auth/logout", "{\"everywhere\": true}").status()).isEqualTo(204);

		await().atMost(heartbeat()).untilTrue(stream.ended);
		this.instances.delete(toolUser(owner), instance.id(), true);
	}

	@Test
	void aStreamEndsAtTheNextHeartbeatOnceItsSessionExpires() {
		Enrolled owner = this.users.enrolled("stream-expiry");
		ToolInstance instance = this.instances.create(toolUser(owner), Tool.RSTUDIO, null, null);
		Stream stream = open(signedIn(owner), instance.id(), "");
		await().atMost(PUSHED).until(() -> !stream.data().isEmpty());

		assertThat(superuserQuery("UPDATE spring_session SET last_access_time = 0, expiry_time = 0 "
				+ "WHERE principal_name = ? RETURNING session_id", owner.user().id().toString()))
			.hasSize(1);

		await().atMost(heartbeat()).untilTrue(stream.ended);
		this.instances.delete(toolUser(owner), instance.id(), true);
	}

	@Test
	void aStreamOpenedWithAnApiTokenEndsAsSoonAsTheTokenIsRevoked() {
		TokenStream opened = openWithToken("stream-token-revoked");
		double byRevocation = cutOff("token-revocation");

		assertThat(opened.session().send("DELETE", "/api/v1/me/tokens/" + opened.tokenId(), null).status())
			.isEqualTo(204);

		assertThat(cutOff("token-revocation"))
			.as("ended by the revocation before it answered, not by the heartbeat's check")
			.isEqualTo(byRevocation + 1);
		await().atMost(PUSHED).untilTrue(opened.stream().ended);
		this.instances.delete(toolUser(opened.owner()), opened.instance().id(), true);
	}

	@Test
	void aStreamOpenedWithAnApiTokenEndsAtTheNextHeartbeatOnceTheTokenIsRevokedOnAnotherReplica() {
		TokenStream opened = openWithToken("stream-token-elsewhere");
		double byRevocation = cutOff("token-revocation");
		double byCheck = cutOff("standing-check");

		assertThat(superuserQuery("UPDATE api_tokens SET revoked_at = created_at WHERE id = ?::uuid RETURNING id",
				opened.tokenId()))
			.hasSize(1);

		await().atMost(heartbeat()).untilTrue(opened.stream().ended);
		assertThat(cutOff("standing-check")).isGreaterThan(byCheck);
		assertThat(cutOff("token-revocation")).isEqualTo(byRevocation);
		this.instances.delete(toolUser(opened.owner()), opened.instance().id(), true);
	}

	@Test
	void aStreamOpenedWithAnApiTokenEndsAsSoonAsItsOwnerIsSuspended() {
		TokenStream opened = openWithToken("stream-token-suspended");
		double bySuspension = cutOff("suspension");

		this.identity.update(this.users.admin().id(), opened.owner().username(), new UserChange(null, true));

		assertThat(cutOff("suspension")).as("ended by the suspension before it returned, not by the heartbeat's check")
			.isEqualTo(bySuspension + 1);
		await().atMost(PUSHED).untilTrue(opened.stream().ended);
		this.instances.delete(toolUser(opened.owner()), opened.instance().id(), true);
	}

	@Test
	void aStreamOpenedWithAnApiTokenEndsAtTheNextHeartbeatOnceItsOwnerIsSuspendedOnAnotherReplica() {
		TokenStream opened = openWithToken("stream-token-suspended-elsewhere");
		double bySuspension = cutOff("suspension");
		double byCheck = cutOff("standing-check");

		assertThat(superuserQuery("UPDATE users SET suspended_at = now() WHERE id = ?::uuid RETURNING id",
				opened.owner().user().id().toString()))
			.hasSize(1);

		await().atMost(heartbeat()).untilTrue(opened.stream().ended);
		assertThat(cutOff("standing-check")).isGreaterThan(byCheck);
		assertThat(cutOff("suspension")).isEqualTo(bySuspension);
		this.instances.delete(toolUser(opened.owner()), opened.instance().id(), true);
	}

	private void setRoles(UUID id, String column, String role) {
		superuserQuery("UPDATE tool_instances SET " + column + " = ? WHERE id = ?::uuid RETURNING id", role,
				id.toString());
	}

	private void writeAsAnotherReplica(UUID id, String phase, String step) {
		superuserQuery("UPDATE tool_instances SET phase = ?, step = ?, phase_since = now() WHERE id = ?::uuid "
				+ "RETURNING id", phase, step, id.toString());
	}

	private double openStreams() {
		return this.meters.get(ToolProgressStreams.METRIC).gauge().value();
	}

	/** How many streams were ended because what opened them no longer signs in. */
	private double cutOff(String by) {
		return this.meters.get(ToolProgressStreams.METRIC + ".cut.off").tag("by", by).functionCounter().count();
	}

	/** A heartbeat, and time for what it ends to arrive. */
	private Duration heartbeat() {
		return this.streams.heartbeat().plus(PUSHED);
	}

	/**
	 * A new user's new instance, followed by a stream opened with a token of theirs (the
	 * scope the route needs), once its first event has arrived.
	 */
	private TokenStream openWithToken(String prefix) {
		Enrolled owner = this.users.enrolled(prefix);
		ToolInstance instance = this.instances.create(toolUser(owner), Tool.RSTUDIO, null, null);
		ApiClient session = signedIn(owner);
		Response token = session.post("/api/v1/me/tokens",
				"{\"name\": \"progress\", \"scopes\": [\"tools:write\"], \"expiresInDays\": 30}");
		assertThat(token.status()).as(token.toString()).isEqualTo(201);
		Stream stream = open(api().http(), instance.id(), "", "Authorization",
				"Bearer " + token.json().path("token").asString());
		await().atMost(PUSHED).until(() -> !stream.data().isEmpty());
		return new TokenStream(owner, instance, session, token.json().path("id").asString(), stream);
	}

	private Stream open(ApiClient session, UUID id, String query) {
		return open(session.http(), id, query);
	}

	private Stream open(HttpClient http, UUID id, String query, String... headers) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/me/tools/" + id + "/events" + query))
			.header("Accept", "text/event-stream");
		if (headers.length > 0) {
			request.headers(headers);
		}
		Stream stream = new Stream();
		CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response = http.sendAsync(request.build(),
				BodyHandlers.ofLines());
		response.thenAcceptAsync((lines) -> {
			assertThat(lines.statusCode()).isEqualTo(200);
			lines.body().forEach(stream.lines::add);
			stream.ended.set(true);
		});
		return stream;
	}

	private static ToolUser toolUser(Enrolled user) {
		return new ToolUser(user.user().id(), user.username(), Set.of(), false);
	}

	/** A stream opened with an API token, and the token's owner and instance. */
	private record TokenStream(Enrolled owner, ToolInstance instance, ApiClient session, String tokenId,
			Stream stream) {

	}

	/** The lines of a stream as they arrive. */
	private static final class Stream {

		final List<String> lines = new CopyOnWriteArrayList<>();

		final AtomicBoolean ended = new AtomicBoolean();

		List<String> data() {
			return this.lines.stream().filter((line) -> line.startsWith("data:")).toList();
		}

	}

}
