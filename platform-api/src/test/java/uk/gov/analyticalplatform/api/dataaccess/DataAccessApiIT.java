package uk.gov.analyticalplatform.api.dataaccess;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import uk.gov.analyticalplatform.api.support.ApiClient;
import uk.gov.analyticalplatform.api.support.ApiClient.Response;
import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;
import uk.gov.analyticalplatform.api.support.SignedInUsers.Enrolled;
import uk.gov.analyticalplatform.dataaccess.AccessReviewCsv;
import uk.gov.analyticalplatform.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The data access API end to end: the real application on its own database, applying
 * grants to the AWS emulator.
 */
class DataAccessApiIT extends IdentityIntegrationTest {

	ApiClient admin;

	Enrolled dataAdminUser;

	ApiClient dataAdmin;

	Enrolled analystUser;

	ApiClient analyst;

	String datasetId;

	String datasetName;

	@BeforeEach
	void dataset() {
		this.admin = signedIn(this.users.enrolled("padmin", Role.PLATFORM_ADMIN));
		this.dataAdminUser = this.users.enrolled("dadmin");
		this.dataAdmin = signedIn(this.dataAdminUser);
		this.analystUser = this.users.enrolled("analyst");
		this.analyst = signedIn(this.analystUser);
		String suffix = suffix();
		Response group = this.admin.post("/api/v1/groups", "{\"name\": \"owners-" + suffix + "\"}");
		assertThat(group.status()).as(group.toString()).isEqualTo(201);
		this.datasetName = "prisons-" + suffix;
		Response dataset = this.admin.post("/api/v1/datasets", """
				{"name": "%s", "description": "Prison population", "ownerGroupId": "%s",
				 "classification": "OFFICIAL_SENSITIVE", "kind": "S3", "bucket": "api-%s", "rootPrefix": "curated/",
				 "dataAdmins": ["%s"]}""".formatted(this.datasetName, group.json().path("id").asString(), suffix,
				this.dataAdminUser.username()));
		assertThat(dataset.status()).as(dataset.toString()).isEqualTo(201);
		assertThat(dataset.json().path("location").asString()).isEqualTo("s3://api-" + suffix + "/curated/");
		this.datasetId = dataset.json().path("id").asString();
	}

	@Test
	void anAnalystRequestsADataAdminApprovesAndTheAnalystsAccessBecomesReadyInAws() {
		Response search = this.analyst.get("/api/v1/datasets?q=" + this.datasetName);
		assertThat(search.json().path("items")).extracting((item) -> item.path("id").asString())
			.containsExactly(this.datasetId);

		String requestId = request(this.analyst, "a");
		Response awaiting = this.dataAdmin.get("/api/v1/access-requests/awaiting-decision");
		assertThat(awaiting.json().path("items")).extracting((item) -> item.path("id").asString()).contains(requestId);
		assertThat(this.analyst.get("/api/v1/access-requests").json().path("items").get(0).path("state").asString())
			.isEqualTo("PENDING");

		Response approved = this.dataAdmin.post("/api/v1/access-requests/" + requestId + "/approve",
				"{\"reason\": \"needed for the report\"}");
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		assertThat(approved.json().path("state").asString()).isEqualTo("APPROVED");
		assertThat(approved.json().path("decidedBy").path("username").asString())
			.isEqualTo(this.dataAdminUser.username());

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			JsonNode mine = this.analyst.get("/api/v1/me/datasets").json();
			assertThat(mine.path("status").path("state").asString()).isEqualTo("READY");
			assertThat(mine.path("status").path("observedGeneration").asLong())
				.isGreaterThanOrEqualTo(mine.path("status").path("generation").asLong());
			assertThat(mine.path("datasets")).hasSize(1);
			assertThat(mine.path("datasets").get(0).path("dataset").path("name").asString())
				.isEqualTo(this.datasetName);
			assertThat(mine.path("applied").path("roleArn").asString()).contains(this.analystUser.username());
			assertThat(mine.path("applied").path("policies").toString()).contains("curated/a/");
		});
		Response access = this.dataAdmin.get("/api/v1/datasets/" + this.datasetId + "/access");
		JsonNode grant = access.json().path("items").get(0);
		assertThat(grant.path("principal").path("name").asString()).isEqualTo(this.analystUser.username());
		assertThat(grant.path("level").asString()).isEqualTo("READ");
		assertThat(grant.path("grantedBy").path("username").asString()).isEqualTo(this.dataAdminUser.username());
		assertThat(grant.path("requestId").asString()).isEqualTo(requestId);
	}

	@Test
	void theAccessReviewIsACsvOfEveryGrantWithWhoApprovedItAndWhy() {
		String requestId = request(this.analyst, "a");
		this.dataAdmin.post("/api/v1/access-requests/" + requestId + "/approve", "{\"reason\": \"ok\"}");
		Response review = this.dataAdmin.exchange("GET",
				"/api/v1/datasets/" + this.datasetId + "/access-review?format=csv", null, "text/csv");
		assertThat(review.status()).as(review.toString()).isEqualTo(200);
		assertThat(review.raw().headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(review.raw().headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"access-review-" + this.datasetName + ".csv\"");
		String[] lines = review.body().split("\r\n");
		assertThat(lines).hasSize(2);
		assertThat(lines[0] + "\r\n").isEqualTo(AccessReviewCsv.HEADER);
		assertThat(lines[1])
			.contains("," + this.datasetName + ",USER," + this.analystUser.username() + ",,READ,a/:READ,")
			.contains("," + this.dataAdminUser.username() + "," + requestId + ",monthly report,")
			.endsWith(",monthly report,2099-01-01T00:00:00Z,,,,");
		assertThat(this.analyst
			.exchange("GET", "/api/v1/datasets/" + this.datasetId + "/access-review?format=csv", null, "text/csv")
			.status()).isEqualTo(403);
	}

	@Test
	void theAccessReviewAsJsonCarriesWhatTheCsvDoesWithAGroupsMembersNow() {
		String requestId = request(this.analyst, "a");
		String userGrantId = this.dataAdmin
			.post("/api/v1/access-requests/" + requestId + "/approve", "{\"reason\": \"ok\"}")
			.json()
			.path("grantId")
			.asString();
		String team = "team-" + suffix();
		String groupId = this.admin.post("/api/v1/groups", "{\"name\": \"" + team + "\"}").json().path("id").asString();
		this.admin.post("/api/v1/groups/" + groupId + "/members",
				"{\"username\": \"" + this.analystUser.username() + "\"}");
		Response grant = this.dataAdmin.post("/api/v1/grants", """
				{"datasetId": "%s", "principal": {"type": "GROUP", "groupId": "%s"}, "level": "READ"}"""
			.formatted(this.datasetId, groupId));
		assertThat(grant.status()).as(grant.toString()).isEqualTo(201);
		String groupGrantId = grant.json().path("id").asString();

		Response review = this.dataAdmin.get("/api/v1/datasets/" + this.datasetId + "/access-review?format=json");

		assertThat(review.status()).as(review.toString()).isEqualTo(200);
		assertThat(review.raw().headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		JsonNode entries = review.json();
		assertThat(entries).extracting((entry) -> entry.path("grantId").asString())
			.containsExactly(userGrantId, groupGrantId);
		JsonNode user = entries.get(0);
		assertThat(user.path("dataset").path("name").asString()).isEqualTo(this.datasetName);
		assertThat(user.path("principal").path("type").asString()).isEqualTo("USER");
		assertThat(user.path("principal").path("name").asString()).isEqualTo(this.analystUser.username());
		assertThat(user.path("members")).isEmpty();
		assertThat(user.path("level").asString()).isEqualTo("READ");
		assertThat(user.path("paths").toString()).isEqualTo("[{\"path\":\"a/\",\"level\":\"READ\"}]");
		assertThat(user.path("grantedBy").path("username").asString()).isEqualTo(this.dataAdminUser.username());
		assertThat(user.path("requestId").asString()).isEqualTo(requestId);
		assertThat(user.path("justification").asString()).isEqualTo("monthly report");
		assertThat(user.path("expiresAt").asString()).isEqualTo("2099-01-01T00:00:00Z");
		for (String empty : List.of("revokedAt", "revokedBy", "lastReadAt", "ownersChangedAt")) {
			assertThat(user.has(empty)).as(empty).isTrue();
			assertThat(user.path(empty).isNull()).as(empty).isTrue();
		}
		JsonNode group = entries.get(1);
		assertThat(group.path("principal").path("type").asString()).isEqualTo("GROUP");
		assertThat(group.path("principal").path("name").asString()).isEqualTo(team);
		assertThat(group.path("members")).singleElement().satisfies((member) -> {
			assertThat(member.path("username").asString()).isEqualTo(this.analystUser.username());
			assertThat(member.path("userId").asString()).isEqualTo(this.analystUser.user().id().toString());
		});
		assertThat(group.path("ownersChangedAt").isNull()).isTrue();
		String csv = this.dataAdmin
			.exchange("GET", "/api/v1/datasets/" + this.datasetId + "/access-review?format=csv", null, "text/csv")
			.body();
		assertThat(csv).contains(groupGrantId + "," + this.datasetName + ",GROUP," + team + ","
				+ this.analystUser.username() + ",READ,," + group.path("since").asString() + ",");

		assertProblem(this.analyst.get("/api/v1/datasets/" + this.datasetId + "/access-review?format=json"), 403,
				"/problems/forbidden");
		assertProblem(this.dataAdmin.get("/api/v1/datasets/" + this.datasetId + "/access-review?format=xml"), 400,
				"/problems/invalid-grant");
	}

	@Test
	void aRequestForAnUnknownDatasetIsNotFound() {
		Response response = this.analyst.post("/api/v1/access-requests", """
				{"datasetId": "%s", "level": "READ", "justification": "report"}""".formatted(UUID.randomUUID()));
		assertProblem(response, 404, "/problems/dataset-not-found");
	}

	@Test
	void aSecondPendingRequestForTheSameDatasetIsAConflict() {
		request(this.analyst, "a");
		Response again = this.analyst.post("/api/v1/access-requests", body(this.datasetId, "b"));
		assertProblem(again, 409, "/problems/duplicate-access-request");
	}

	@Test
	void approvingOwnRequestIsForbidden() {
		String requestId = request(this.admin, "a");
		Response response = this.admin.post("/api/v1/access-requests/" + requestId + "/approve",
				"{\"reason\": \"mine\"}");
		assertProblem(response, 403, "/problems/self-approval-forbidden");
	}

	@Test
	void decidingARequestAlreadyDecidedIsAConflict() {
		String requestId = request(this.analyst, "a");
		assertThat(this.dataAdmin.post("/api/v1/access-requests/" + requestId + "/reject", "{\"reason\": \"no\"}")
			.status()).isEqualTo(200);
		assertProblem(this.dataAdmin.post("/api/v1/access-requests/" + requestId + "/approve", "{\"reason\": \"yes\"}"),
				409, "/problems/request-already-decided");
		assertProblem(this.analyst.post("/api/v1/access-requests/" + requestId + "/withdraw", "{\"reason\": \"x\"}"),
				409, "/problems/request-already-decided");
	}

	@Test
	void aPathOutsideTheDatasetIsInvalid() {
		Response response = this.analyst.post("/api/v1/access-requests", body(this.datasetId, "../other"));
		assertProblem(response, 400, "/problems/invalid-path");
	}

	@Test
	void aRequestWithoutJustificationFailsValidation() {
		Response response = this.analyst.post("/api/v1/access-requests", """
				{"datasetId": "%s", "level": "READ"}""".formatted(this.datasetId));
		assertProblem(response, 400, "/problems/validation-failed");
	}

	@Test
	void aGrantTooLargeForIamIsRefusedAtDecisionTime() {
		String paths = String.join(",",
				IntStream.range(0, 700)
					.mapToObj((i) -> "{\"path\": \"p" + i + "/" + "x".repeat(100) + "/\", \"level\": \"READ\"}")
					.toList());
		Response response = this.dataAdmin.post("/api/v1/grants", """
				{"datasetId": "%s", "principal": {"type": "USER", "username": "%s"}, "level": "READ", "paths": [%s]}"""
			.formatted(this.datasetId, this.analystUser.username(), paths));
		assertProblem(response, 422, "/problems/grant-does-not-fit");
	}

	@Test
	void whenTwoAdminsApproveAtOnceExactlyOneWins() throws Exception {
		String requestId = request(this.analyst, "a");
		CountDownLatch ready = new CountDownLatch(2);
		CountDownLatch go = new CountDownLatch(1);
		List<Callable<Integer>> approvals = new ArrayList<>();
		for (ApiClient decider : List.of(this.admin, this.dataAdmin)) {
			decider.get("/api/v1/auth/csrf");
			approvals.add(() -> {
				ready.countDown();
				go.await();
				return decider.post("/api/v1/access-requests/" + requestId + "/approve", "{\"reason\": \"race\"}")
					.status();
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (Callable<Integer> approval : approvals) {
				results.add(pool.submit(approval));
			}
			ready.await();
			go.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get());
			}
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdownNow();
		}
		Response access = this.dataAdmin.get("/api/v1/datasets/" + this.datasetId + "/access");
		assertThat(access.json().path("items")).hasSize(1);
	}

	@Test
	void aDataAdminGrantsToAGroupAndRevokesWithAReason() {
		String suffix = suffix();
		String groupId = this.admin.post("/api/v1/groups", "{\"name\": \"team-" + suffix + "\"}")
			.json()
			.path("id")
			.asString();
		Response member = this.admin.post("/api/v1/groups/" + groupId + "/members",
				"{\"username\": \"" + this.analystUser.username() + "\"}");
		assertThat(member.json().path("members").get(0).path("username").asString())
			.isEqualTo(this.analystUser.username());
		Response grant = this.dataAdmin.post("/api/v1/grants", """
				{"datasetId": "%s", "principal": {"type": "GROUP", "groupId": "%s"}, "level": "READ_WRITE",
				 "paths": [{"path": "b/", "level": "READ_WRITE"}], "expiresAt": "2099-01-01T00:00:00Z"}"""
			.formatted(this.datasetId, groupId));
		assertThat(grant.status()).as(grant.toString()).isEqualTo(201);
		String grantId = grant.json().path("id").asString();
		assertThat(this.analyst.get("/api/v1/me/datasets").json().path("datasets").get(0).path("via").toString())
			.contains("group:team-" + suffix);

		Response revoked = this.dataAdmin.send("DELETE", "/api/v1/grants/" + grantId, "{\"reason\": \"project over\"}");
		assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
		assertThat(revoked.json().path("revokeReason").asString()).isEqualTo("project over");
		assertThat(this.dataAdmin.get("/api/v1/datasets/" + this.datasetId + "/access").json().path("items")).isEmpty();
		assertThat(this.analyst.get("/api/v1/me/datasets").json().path("datasets")).isEmpty();
	}

	@Test
	void aPipelineTokenRegistersAVersionThatAnalystsListAndDataAdminsVerify() {
		String token = this.dataAdmin
			.post("/api/v1/me/tokens",
					"{\"name\": \"pipeline\", \"scopes\": [\"datasets:write\"], \"expiresInDays\": 7}")
			.json()
			.path("token")
			.asString();
		ApiClient pipeline = api().withBearer(token);
		Response registered = pipeline.exchange("POST", "/api/v1/datasets/" + this.datasetId + "/versions", """
				{"version": "2026-11", "s3Prefix": "versions/2026-11/",
				 "manifest": [{"key": "part-0.csv", "size": 3, "sha256": "%s"}]}""".formatted("a".repeat(64)));
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		String versionId = registered.json().path("id").asString();
		assertThat(pipeline.exchange("GET", "/api/v1/datasets/" + this.datasetId + "/versions", null).status())
			.isEqualTo(403);

		Response listed = this.analyst.get("/api/v1/datasets/" + this.datasetId + "/versions");
		assertThat(listed.json().path("items").get(0).path("id").asString()).isEqualTo(versionId);
		assertThat(this.analyst.get("/api/v1/datasets/" + this.datasetId + "/versions/" + versionId)
			.json()
			.path("manifest")
			.get(0)
			.path("key")
			.asString()).isEqualTo("part-0.csv");
		assertThat(this.analyst.post("/api/v1/datasets/" + this.datasetId + "/versions/" + versionId + "/verify", "{}")
			.status()).isEqualTo(403);
		Response verified = pipeline.exchange("POST",
				"/api/v1/datasets/" + this.datasetId + "/versions/" + versionId + "/verify", null);
		assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
		assertThat(verified.json().path("problems").get(0).path("kind").asString()).isEqualTo("MISSING");
		assertProblem(this.analyst.get("/api/v1/datasets/" + UUID.randomUUID() + "/versions/" + versionId), 404,
				"/problems/dataset-version-not-found");
	}

	@Test
	void listsArePagedWithACursor() {
		this.admin.post("/api/v1/groups", "{\"name\": \"paged-" + suffix() + "\"}");
		String first = this.admin.get("/api/v1/groups?limit=1").json().path("nextCursor").asString();
		Response second = this.admin.get("/api/v1/groups?limit=1&cursor=" + first);
		assertThat(second.json().path("items")).hasSize(1);
		assertThat(this.admin.get("/api/v1/groups?limit=1").json().path("items").get(0).path("id"))
			.isNotEqualTo(second.json().path("items").get(0).path("id"));
		assertProblem(this.admin.get("/api/v1/groups?limit=0"), 400, "/problems/bad-request");
	}

	@Test
	void anAnalystWhoIsNotADataAdminMayNotManageAccess() {
		String requestId = request(this.analyst, "a");
		Enrolled otherUser = this.users.enrolled("other");
		ApiClient other = signedIn(otherUser);
		String dataset = "/api/v1/datasets/" + this.datasetId;
		assertProblem(other.get(dataset + "/access"), 403, "/problems/forbidden");
		assertProblem(other.exchange("GET", dataset + "/access-review?format=csv", null, "application/json"), 403,
				"/problems/forbidden");
		assertProblem(other.post("/api/v1/access-requests/" + requestId + "/approve", "{\"reason\": \"x\"}"), 403,
				"/problems/forbidden");
		assertProblem(other.post("/api/v1/access-requests/" + requestId + "/reject", "{\"reason\": \"x\"}"), 403,
				"/problems/forbidden");
		assertProblem(other.post("/api/v1/access-requests/" + requestId + "/withdraw", "{\"reason\": \"x\"}"), 403,
				"/problems/forbidden");
		assertProblem(other.get("/api/v1/access-requests/" + requestId), 404, "/problems/access-request-not-found");
		assertProblem(other.post("/api/v1/grants", """
				{"datasetId": "%s", "principal": {"type": "USER", "username": "%s"}, "level": "READ"}"""
			.formatted(this.datasetId, otherUser.username())), 403, "/problems/forbidden");
		assertThat(other.get("/api/v1/access-requests/awaiting-decision").json().path("items")).isEmpty();

		String grantId = this.dataAdmin
			.post("/api/v1/access-requests/" + requestId + "/approve", "{\"reason\": \"ok\"}")
			.json()
			.path("grantId")
			.asString();
		assertProblem(other.send("DELETE", "/api/v1/grants/" + grantId, "{\"reason\": \"x\"}"), 403,
				"/problems/forbidden");
		assertProblem(other.get("/api/v1/grants/" + grantId), 404, "/problems/grant-not-found");
		assertThat(this.dataAdmin.get("/api/v1/grants/" + grantId).status()).isEqualTo(200);
	}

	@Test
	void theEndpointsAreDescribedInTheOpenApiDocument() {
		JsonNode paths = api().get("/v3/api-docs").json().path("paths");
		for (String path : List.of("/api/v1/datasets", "/api/v1/datasets/{id}/access-review",
				"/api/v1/datasets/{id}/versions/{versionId}/verify", "/api/v1/groups/{id}/members",
				"/api/v1/grants/{id}", "/api/v1/access-requests/{id}/approve", "/api/v1/me/datasets")) {
			assertThat(paths.has(path)).as(path).isTrue();
		}
		assertThat(paths.path("/api/v1/access-requests/{id}/approve").path("post").path("tags").toString())
			.contains("Access requests");
		assertThat(paths.path("/api/v1/datasets/{id}/access-review").path("get").path("description").asString())
			.contains("format=json")
			.contains("members [{userId, username}]")
			.contains("ownersChangedAt")
			.contains("lastReadAt");
	}

	static String body(String datasetId, String path) {
		return """
				{"datasetId": "%s", "level": "READ", "paths": [{"path": "%s", "level": "READ"}],
				 "justification": "monthly report", "wantedUntil": "2099-01-01T00:00:00Z"}""".formatted(datasetId,
				path);
	}

	private String request(ApiClient requester, String path) {
		Response response = requester.post("/api/v1/access-requests", body(this.datasetId, path));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().path("id").asString();
	}

	static void assertProblem(Response response, int status, String type) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.problemType()).as(response.toString()).isEqualTo(type);
		assertThat(response.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
