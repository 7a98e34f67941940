package uk.gov.analyticalplatform.web.internal.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.audit.AuditQuery;
import uk.gov.analyticalplatform.audit.AuditRecord;
import uk.gov.analyticalplatform.web.internal.admin.AuditRow.Detail;
import uk.gov.analyticalplatform.web.internal.support.FormErrors;

import static org.assertj.core.api.Assertions.assertThat;

class AuditRowTests {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static final UUID JO = UUID.fromString("00000000-0000-0000-0000-00000000000a");

	@Test
	void timesAreLocalToTheSecondWithTheZoneNamed() {
		assertThat(row(Instant.parse("2026-12-06T14:04:01.242009Z"), "user", JO.toString(), Map.of()).when())
			.isEqualTo("6 December 2026 14:04:01 GMT");
		assertThat(row(Instant.parse("2026-07-01T14:04:01.242009Z"), "user", JO.toString(), Map.of()).when())
			.isEqualTo("1 July 2026 15:04:01 BST");
	}

	@Test
	void targetsAreNamedNotNumbered() {
		assertThat(target("user", JO.toString(), Map.of())).isEqualTo("jo");
		assertThat(target("user", UUID.randomUUID().toString(), Map.of("username", "gone"))).isEqualTo("gone");
		assertThat(target("dataset", "d1", Map.of("name", "prisons"))).isEqualTo("Dataset prisons");
		assertThat(target("group", "g1", Map.of("group", "analysts"))).isEqualTo("Group analysts");
		assertThat(target("grant", "x", Map.of("dataset", "prisons", "principal", "jo")))
			.isEqualTo("Access to prisons for jo");
		assertThat(target("access_request", "r", Map.of("dataset", "prisons", "requester", "jo")))
			.isEqualTo("Request by jo for prisons");
		assertThat(target("api_token", "t", Map.of("name", "nightly"))).isEqualTo("API token nightly");
		assertThat(target("something_new", "42", Map.of())).isEqualTo("something_new 42");
	}

	@Test
	void detailsAreASummaryListInWords() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("recentFailures", 3);
		details.put("roles", List.of("ANALYST", "PLATFORM_ADMIN"));
		details.put("expiresAt", null);
		details.put("filter", Map.of("actionPrefix", "grant."));
		assertThat(row(Instant.EPOCH, "user", JO.toString(), details).details()).containsExactly(
				new Detail("Recent failures", "3"), new Detail("Roles", "ANALYST, PLATFORM_ADMIN"),
				new Detail("Expires at", "None"), new Detail("Filter", "Action prefix: grant."),
				new Detail("Target id", JO.toString()));
	}

	@Test
	void dateFiltersAreWholeLocalDaysBothIncluded() {
		FormErrors errors = new FormErrors();
		AuditQuery query = new AuditFilterForm(" jo ", "", "", "", "1", "7", "2026", "2", "7", "2026").query(LONDON,
				errors);
		assertThat(errors.any()).isFalse();
		assertThat(query.actor()).isEqualTo("jo");
		assertThat(query.from()).isEqualTo(Instant.parse("2026-06-30T23:00:00Z"));
		assertThat(query.to()).isEqualTo(Instant.parse("2026-07-02T23:00:00Z"));
	}

	@Test
	void aDateThatIsNotRealOrARangeBackwardsIsExplained() {
		FormErrors errors = new FormErrors();
		AuditQuery query = new AuditFilterForm("", "", "", "", "31", "2", "2026", "", "", "").query(LONDON, errors);
		assertThat(errors.message("from-day")).contains("must be a real date");
		assertThat(query.from()).isNull();
		FormErrors backwards = new FormErrors();
		new AuditFilterForm("", "", "", "", "2", "7", "2026", "1", "7", "2026").query(LONDON, backwards);
		assertThat(backwards.message("to-day")).contains("after the first day");
	}

	@Test
	void linksCarryTheFilter() {
		AuditFilterForm filter = new AuditFilterForm("jo", "grant.", null, null, "1", "7", "2026", null, null, null);
		assertThat(filter.link("/admin/audit", Map.of("cursor", 40L)))
			.isEqualTo("/admin/audit?actor=jo&action=grant.&fromDay=1&fromMonth=7&fromYear=2026&cursor=40");
	}

	private static String target(String type, String id, Map<String, Object> details) {
		return row(Instant.EPOCH, type, id, details).target();
	}

	private static AuditRow row(Instant at, String type, String id, Map<String, Object> details) {
		AuditRecord event = new AuditRecord(1, at, null, "admin", null, null, null, "some.action", type, id, details,
				1L, "00", "11");
		return AuditRow.of(event, LONDON, (user) -> JO.equals(user) ? Optional.of("jo") : Optional.empty());
	}

}
