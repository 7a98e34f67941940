package uk.gov.analyticalplatform.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.sql.Connection;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.gov.analyticalplatform.api.support.ApiClient;
import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;
import uk.gov.analyticalplatform.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformApplicationIT extends IdentityIntegrationTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	JdbcTemplate jdbc;

	private ApiClient session;

	@LocalManagementPort
	int managementPort;

	@Test
	void startsAgainstPostgresWithEveryMigrationAppliedByTheSchemaOwner() throws Exception {
		assertThat(this.jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("platform_app");
		try (Connection connection = TestDatabases.superuser(this.database);
				ResultSet history = connection.createStatement()
					.executeQuery("SELECT count(*) FILTER (WHERE success), count(*) FILTER (WHERE NOT success), "
							+ "bool_and(installed_by = 'platform_owner') FROM flyway_schema_history")) {
			history.next();
			assertThat(history.getInt(1)).isPositive();
			assertThat(history.getInt(2)).isZero();
			assertThat(history.getBoolean(3)).isTrue();
		}
	}

	@Test
	void healthIsUpWithTheDatabase() throws Exception {
		HttpResponse<String> response = send(management("/actuator/health").header("Accept", "application/json"));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode health = json.readTree(response.body());
		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
	}

	@Test
	void infoNamesTheVersionAndPrometheusExposesMetricsOnTheManagementPort() throws Exception {
		JsonNode info = json.readTree(send(management("/actuator/info").header("Accept", "application/json")).body());
		assertThat(info.path("build").path("version").asString()).isNotBlank();
		assertThat(info.path("git").path("commit").path("id").asString()).matches("[0-9a-f]{7,40}");
		HttpResponse<String> prometheus = send(management("/actuator/prometheus").header("Accept", "text/plain"));
		assertThat(prometheus.statusCode()).isEqualTo(200);
		assertThat(prometheus.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
	}

	@Test
	void unknownApiPathIsAProblemDocument() throws Exception {
		HttpResponse<String> response = get("/api/v1/no-such-thing", "application/json");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("/problems/not-found");
		assertThat(problem.path("title").asString()).isEqualTo("Not Found");
		assertThat(problem.path("status").asInt()).isEqualTo(404);
		assertThat(problem.path("detail").asString()).contains("/api/v1/no-such-thing");
	}

	@Test
	void unknownApiPathIsAProblemDocumentEvenForABrowser() throws Exception {
		HttpResponse<String> response = get("/api/v1/no-such-thing", "text/html");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(json.readTree(response.body()).path("type").asString()).isEqualTo("/problems/not-found");
	}

	@Test
	void malformedJsonIsABadRequestWithoutAStackTrace() throws Exception {
		HttpResponse<String> response = post("/api/v1/test/echo", "{\"name\": \"x\", ");
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("/problems/malformed-body");
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		assertThat(problem.path("detail").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("trace");
	}

	@Test
	void invalidFieldsAreListedOneByOne() throws Exception {
		HttpResponse<String> response = post("/api/v1/test/echo", "{\"name\": \" \", \"count\": 11}");
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("/problems/validation-failed");
		assertThat(problem.path("errors")).hasSize(2);
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("count");
		assertThat(problem.path("errors").get(1).path("field").asString()).isEqualTo("name");
	}

	@Test
	void unexpectedErrorsHideTheirDetailButNameTheRequest() throws Exception {
		HttpResponse<String> response = post("/api/v1/test/fail", "{}");
		assertThat(response.statusCode()).isEqualTo(500);
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("/problems/internal-error");
		assertThat(response.body()).doesNotContain("secret internal detail").doesNotContain("IllegalStateException");
		assertThat(problem.path("requestId").asString())
			.isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
	}

	@Test
	void aSafeCallerRequestIdIsEchoedAndAnUnsafeOneReplaced() throws Exception {
		HttpResponse<String> kept = send(HttpRequest.newBuilder(uri("/livez")).header("X-Request-Id", "abc-123"));
		assertThat(kept.headers().firstValue("X-Request-Id")).hasValue("abc-123");
		HttpResponse<String> replaced = send(
				HttpRequest.newBuilder(uri("/livez")).header("X-Request-Id", "bad id\twith spaces"));
		assertThat(replaced.headers().firstValue("X-Request-Id"))
			.hasValueSatisfying((id) -> assertThat(id).matches("[0-9a-f-]{36}"));
	}

	@Test
	void openApiDocumentDescribesTheApi() throws Exception {
		HttpResponse<String> response = get("/v3/api-docs", "application/json");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json.readTree(response.body()).path("openapi").asString()).startsWith("3.");
		HttpResponse<String> swagger = get("/swagger-ui.html", "text/html");
		assertThat(swagger.statusCode()).isEqualTo(302);
		String swaggerPage = swagger.headers().firstValue("Location").orElseThrow();
		assertThat(send(HttpRequest.newBuilder(uri(URI.create(swaggerPage).getPath()))).body()).contains("swagger-ui");
	}

	/** Requests as a signed-in user, since the API answers nobody else. */
	private HttpResponse<String> get(String path, String accept) {
		return session().exchange("GET", path, null, accept).raw();
	}

	private HttpResponse<String> post(String path, String body) {
		return session().send("POST", path, body).raw();
	}

	private ApiClient session() {
		if (this.session == null) {
			this.session = signedIn(this.users.enrolled("platform"));
		}
		return this.session;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	private HttpRequest.Builder management(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + path));
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
