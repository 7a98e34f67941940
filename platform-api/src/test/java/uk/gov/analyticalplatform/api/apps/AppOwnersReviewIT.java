package uk.gov.analyticalplatform.api.apps;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import uk.gov.analyticalplatform.api.support.ApiClient;
import uk.gov.analyticalplatform.api.support.ApiClient.Response;
import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;
import uk.gov.analyticalplatform.api.support.SignedInUsers.Enrolled;
import uk.gov.analyticalplatform.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An owner added to an app deploys code that runs with the app's IAM role, so they hold
 * its grants in effect without a data admin having reviewed them: the audit event names
 * the datasets they now reach, and the dataset's access review (CSV, JSON and control
 * panel) shows the app's owners now and flags a grant that an owner came after.
 */
class AppOwnersReviewIT extends IdentityIntegrationTest {

	@Test
	void anOwnerAddedAfterAGrantIsAuditedWithTheDataTheyReachAndFlaggedInTheAccessReview() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		ApiClient platformAdmin = signedIn(this.users.enrolled("review-padmin", Role.PLATFORM_ADMIN));
		Enrolled dataAdminUser = this.users.enrolled("review-dadmin");
		ApiClient dataAdmin = signedIn(dataAdminUser);
		Enrolled ownerUser = this.users.enrolled("review-owner");
		ApiClient owner = signedIn(ownerUser);
		Enrolled newcomer = this.users.enrolled("review-newcomer");
		String app = "reviewed-" + suffix;
		Response registered = owner.post("/api/v1/apps", """
				{"name": "%s", "repositoryUrl": "https://github.com/moj/%s", "imageRepository": "ghcr.io/moj/%s"}"""
			.formatted(app, app, app));
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		String datasetName = "sentences-" + suffix;
		String dataset = dataset(platformAdmin, dataAdminUser, datasetName, suffix);
		Response grant = dataAdmin.post("/api/v1/grants", """
				{"datasetId": "%s", "principal": {"type": "APP", "app": "%s"}, "level": "READ"}""".formatted(dataset,
				app));
		assertThat(grant.status()).as(grant.toString()).isEqualTo(201);
		String grantId = grant.json().path("id").asString();
		assertThat(reviewLine(dataAdmin, dataset, grantId)).contains(",APP," + app + "," + ownerUser.username() + ",")
			.endsWith(",");
		JsonNode before = reviewEntry(dataAdmin, dataset, grantId);
		assertThat(before.path("members")).extracting((member) -> member.path("username").asString())
			.containsExactly(ownerUser.username());
		assertThat(before.path("ownersChangedAt").isNull()).isTrue();

		assertThat(page(owner, "/apps/" + app)).contains("id=\"owner-data-warning\"")
			.contains("so a new owner reaches its data: " + datasetName);

		this.clock.advance(Duration.ofMinutes(5));
		Response added = owner.post("/api/v1/apps/" + app + "/owners",
				"{\"username\": \"" + newcomer.username() + "\"}");
		assertThat(added.status()).as(added.toString()).isEqualTo(200);

		assertThat(superuserQuery(
				"SELECT details::text FROM audit_event WHERE action = 'app.owner.added' " + "AND target_id = ?", app))
			.singleElement()
			.satisfies((details) -> assertThat(details).contains(newcomer.username())
				.contains("\"datasetsReached\": [\"" + datasetName + "\"]"));
		// email is off here, so nothing is queued for the data admins
		// (EmailNotificationsIT
		// has it on)
		assertThat(superuserQuery("SELECT count(*) FROM access_notifications WHERE app_name = ?", app))
			.containsExactly("0");
		String line = reviewLine(dataAdmin, dataset, grantId);
		assertThat(line).contains(",APP," + app + "," + ownerUser.username() + " " + newcomer.username() + ",");
		String changedAt = line.substring(line.lastIndexOf(',') + 1);
		assertThat(changedAt).isNotEmpty();
		assertThat(java.time.Instant.parse(changedAt)).isAfter(java.time.Instant.parse(reviewSince(line)));
		JsonNode after = reviewEntry(dataAdmin, dataset, grantId);
		assertThat(after.path("principal").path("type").asString()).isEqualTo("APP");
		assertThat(after.path("members")).extracting((member) -> member.path("username").asString())
			.containsExactly(ownerUser.username(), newcomer.username());
		assertThat(after.path("members").get(1).path("userId").asString()).isEqualTo(newcomer.user().id().toString());
		assertThat(after.path("ownersChangedAt").asString()).isEqualTo(changedAt);
		assertThat(after.path("since").asString()).isEqualTo(reviewSince(line));

		assertThat(page(dataAdmin, "/data/datasets/" + dataset + "/access"))
			.contains("id=\"app-owners-" + grantId + "\"")
			.contains("Owners now: " + ownerUser.username() + ", " + newcomer.username())
			.contains("id=\"app-owners-changed-" + grantId + "\"")
			.contains("after this grant: review it");
	}

	/** A control panel page, as the session's browser would get it. */
	private String page(ApiClient session, String path) throws Exception {
		return session.http()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					BodyHandlers.ofString())
			.body();
	}

	private String dataset(ApiClient platformAdmin, Enrolled dataAdmin, String name, String suffix) {
		Response group = platformAdmin.post("/api/v1/groups", "{\"name\": \"review-owners-" + suffix + "\"}");
		assertThat(group.status()).as(group.toString()).isEqualTo(201);
		Response dataset = platformAdmin.post("/api/v1/datasets", """
				{"name": "%s", "description": "Sentences", "ownerGroupId": "%s", "classification": "OFFICIAL",
				 "kind": "S3", "bucket": "review-%s", "rootPrefix": "curated/", "dataAdmins": ["%s"]}""".formatted(name,
				group.json().path("id").asString(), suffix, dataAdmin.username()));
		assertThat(dataset.status()).as(dataset.toString()).isEqualTo(201);
		return dataset.json().path("id").asString();
	}

	/** The grant's line of the dataset's access review CSV. */
	private static String reviewLine(ApiClient dataAdmin, String dataset, String grantId) {
		Response review = dataAdmin.exchange("GET", "/api/v1/datasets/" + dataset + "/access-review?format=csv", null,
				"text/csv");
		assertThat(review.status()).as(review.toString()).isEqualTo(200);
		return Arrays.stream(review.body().split("\r\n"))
			.filter((line) -> line.startsWith(grantId + ","))
			.findFirst()
			.orElseThrow();
	}

	/** The grant's entry in the dataset's access review as JSON. */
	private static JsonNode reviewEntry(ApiClient dataAdmin, String dataset, String grantId) {
		Response review = dataAdmin.get("/api/v1/datasets/" + dataset + "/access-review?format=json");
		assertThat(review.status()).as(review.toString()).isEqualTo(200);
		for (JsonNode entry : review.json()) {
			if (entry.path("grantId").asString().equals(grantId)) {
				return entry;
			}
		}
		throw new AssertionError("No entry for grant " + grantId + " in " + review.body());
	}

	/** The {@code since} cell (the eighth) of a review line without quoted commas. */
	private static String reviewSince(String line) {
		return line.split(",", -1)[7];
	}

}
