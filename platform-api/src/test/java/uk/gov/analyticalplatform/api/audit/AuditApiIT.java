package uk.gov.analyticalplatform.api.audit;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.gov.analyticalplatform.api.support.ApiClient;
import uk.gov.analyticalplatform.api.support.ApiClient.Response;
import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;
import uk.gov.analyticalplatform.api.support.SignedInUsers.Enrolled;
import uk.gov.analyticalplatform.audit.AuditCsv;
import uk.gov.analyticalplatform.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log's API, driven as a platform admin's script would, against the real
 * application.
 */
class AuditApiIT extends IdentityIntegrationTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private Enrolled admin;

	private ApiClient session;

	private Enrolled subject;

	@BeforeEach
	void anAdminResetsSomeonesSecondFactor() {
		this.admin = this.users.enrolled("auditor", Role.PLATFORM_ADMIN);
		this.session = signedIn(this.admin);
		this.subject = this.users.enrolled("subject");
		assertThat(this.session.post("/api/v1/users/" + this.subject.username() + "/totp/reset", null).status())
			.isEqualTo(204);
	}

	@Test
	void anAdminFindsTheChangeByActorActionAndTarget() {
		JsonNode page = this.session
			.get("/api/v1/audit/events?actor=" + this.admin.username() + "&action=totp.&targetType=user&targetId="
					+ this.subject.user().id())
			.json();
		assertThat(page.path("events")).hasSize(1);
		JsonNode event = page.path("events").get(0);
		assertThat(event.path("action").asString()).isEqualTo("totp.reset");
		assertThat(event.path("actorUsername").asString()).isEqualTo(this.admin.username());
		assertThat(event.path("actorIp").asString()).isEqualTo("127.0.0.1");
		assertThat(event.path("requestId").asString()).isNotBlank();
	}

	@Test
	void pagesFollowTheCursor() {
		JsonNode first = this.session.get("/api/v1/audit/events?actor=" + this.admin.username() + "&limit=1").json();
		assertThat(first.path("events")).hasSize(1);
		long cursor = first.path("nextCursor").asLong();
		JsonNode second = this.session
			.get("/api/v1/audit/events?actor=" + this.admin.username() + "&limit=1&cursor=" + cursor)
			.json();
		assertThat(second.path("events").get(0).path("id").asLong()).isLessThan(cursor + 1)
			.isNotEqualTo(first.path("events").get(0).path("id").asLong());
	}

	@Test
	void csvExportStreamsTheFilteredEventsAndIsAudited() {
		Response export = this.session.exchange("GET",
				"/api/v1/audit/events/export?format=csv&targetId=" + this.subject.user().id(), null, "*/*");
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.raw().headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(export.raw().headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((disposition) -> assertThat(disposition).startsWith("attachment"));
		List<String> lines = Arrays.asList(export.body().split("\r\n"));
		assertThat(lines.get(0) + "\r\n").isEqualTo(AuditCsv.HEADER);
		assertThat(lines.subList(1, lines.size())).isNotEmpty()
			.allSatisfy((line) -> assertThat(line).contains(this.subject.user().id().toString()))
			.anySatisfy((line) -> assertThat(line).contains("totp.reset"));
		assertThat(auditEvents("audit.exported", "events")).isPositive();
	}

	@Test
	void jsonLinesExportHasOneObjectPerLine() {
		Response export = this.session.exchange("GET",
				"/api/v1/audit/events/export?format=jsonl&actor=" + this.admin.username(), null, "*/*");
		assertThat(export.status()).isEqualTo(200);
		String[] lines = export.body().split("\n");
		assertThat(lines).isNotEmpty();
		for (String line : lines) {
			assertThat(json.readTree(line).path("actorUsername").asString()).isEqualTo(this.admin.username());
		}
	}

	@Test
	void verifyReportsAnIntactChainAndIsAudited() {
		Response checkpoint = this.session.post("/api/v1/audit/checkpoints", null);
		assertThat(checkpoint.status()).isEqualTo(200);
		JsonNode report = this.session.post("/api/v1/audit/verify", null).json();
		assertThat(report.path("status").asString()).isEqualTo("OK");
		assertThat(report.path("eventCount").asLong()).isPositive();
		assertThat(report.path("checkpointsVerified").asInt()).isPositive();
		assertThat(this.session.get("/api/v1/audit/checkpoints").json()).isNotEmpty();
		assertThat(auditEvents("audit.verified", "chain")).isPositive();
	}

	@Test
	void badQueriesAreProblemDocuments() {
		for (String query : List.of("events?limit=0", "events?limit=501", "events?from=yesterday",
				"events?from=2026-11-29T10:00:00Z&to=2026-11-29T09:00:00Z", "events/export?format=xml",
				"events/export")) {
			Response response = this.session.get("/api/v1/audit/" + query);
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.problemType()).as(query).isEqualTo("/problems/bad-request");
		}
	}

	@Test
	void aTokenWithTheAuditScopeExportsAndOthersAreRefused() {
		String auditToken = this.session
			.post("/api/v1/me/tokens", "{\"name\": \"siem\", \"scopes\": [\"audit:read\"], \"expiresInDays\": 7}")
			.json()
			.path("token")
			.asString();
		String profileToken = this.session
			.post("/api/v1/me/tokens", "{\"name\": \"other\", \"scopes\": [\"profile:read\"], \"expiresInDays\": 7}")
			.json()
			.path("token")
			.asString();
		assertThat(api().withBearer(auditToken).get("/api/v1/audit/events?limit=1").status()).isEqualTo(200);
		assertThat(api().withBearer(profileToken).get("/api/v1/audit/events?limit=1").status()).isEqualTo(403);
	}

	@Test
	void anAnalystIsRefused() {
		ApiClient analyst = signedIn(this.users.enrolled("analyst"));
		Response response = analyst.get("/api/v1/audit/events");
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.problemType()).isEqualTo("/problems/forbidden");
	}

}
