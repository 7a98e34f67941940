package uk.gov.analyticalplatform.api.browser;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.analyticalplatform.api.support.SignedInUsers.Enrolled;
import uk.gov.analyticalplatform.audit.Actor;
import uk.gov.analyticalplatform.audit.AuditCsv;
import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit page for platform admins in a real browser, 1280 pixels wide: read, filter by
 * text and by date, page, export and verify; every page checked for accessibility.
 */
class AuditPageBrowserIT extends BrowserIntegrationTest {

	@Autowired
	private AuditLog auditLog;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void theLogIsReadableAt1280PixelsWithLocalTimesNamedTargetsAndDetailsAsASummaryList() {
		Enrolled admin = this.users.enrolled("auditor", Role.PLATFORM_ADMIN);
		Enrolled subject = this.users.enrolled("audited");
		this.users.enrolled("more-audited");
		signIn(admin);
		this.browser.open("/admin/audit?targetId=" + subject.user().id());
		this.browser.assertAccessible();
		assertThat(this.browser.all("[data-test=event]")).isNotEmpty();
		assertThat(this.browser.text("[data-test=target]")).isEqualTo(subject.username());
		assertThat(this.browser.text("[data-test=when]"))
			.matches("\\d{1,2} [A-Z][a-z]+ \\d{4} \\d{2}:\\d{2}:\\d{2} (GMT|BST)");
		assertThat(this.browser.all("[data-test=details] .govuk-summary-list__key")).extracting((key) -> key.getText())
			.contains("Target id");

		this.browser.open("/admin/audit");
		long pageWidth = (Long) this.browser.script("return document.documentElement.scrollWidth;");
		long windowWidth = (Long) this.browser.script("return window.innerWidth;");
		assertThat(pageWidth).as("the page scrolls sideways").isLessThanOrEqualTo(windowWidth);
		double tableRight = ((Number) this.browser
			.script("return document.getElementById('events').getBoundingClientRect().right;")).doubleValue();
		double mainRight = ((Number) this.browser
			.script("return document.getElementById('main-content').getBoundingClientRect().right;")).doubleValue();
		assertThat(tableRight).as("the table's last column is cut off").isLessThanOrEqualTo(mainRight);
	}

	@Test
	void anAdminPagesThroughFilteredEventsExportsThemAndVerifiesWithoutLosingTheFilter() {
		String type = "paging-" + UUID.randomUUID().toString().substring(0, 8);
		this.transactions.executeWithoutResult((status) -> {
			for (int i = 0; i < 55; i++) {
				this.auditLog.record(AuditEvent.of(Actor.system("test"), "test.paged", type, "event-" + i));
			}
		});
		signIn(this.users.enrolled("pager", Role.PLATFORM_ADMIN));
		this.browser.open("/admin/audit");
		this.browser.type("targetType", type);
		this.browser.click("#filter");
		this.browser.awaitText("#events caption", "Events, newest first");
		assertThat(this.browser.all("[data-test=event]")).hasSize(50);
		this.browser.click("#older");
		this.browser.awaitText("#events caption", "Older events");
		assertThat(this.browser.all("[data-test=event]")).hasSize(5);
		assertThat(this.browser.find("#targetType").getAttribute("value")).isEqualTo(type);
		this.browser.assertAccessible();
		this.browser.click("#newest");
		this.browser.awaitText("#events caption", "Events, newest first");

		String csv = this.browser.fetch(this.browser.find("#export-csv").getAttribute("href"));
		assertThat(csv).startsWith("200\n" + AuditCsv.HEADER.strip());
		assertThat(csv.lines().filter((line) -> line.contains(type)).count()).isEqualTo(55);

		this.browser.click("#verify");
		this.browser.awaitText("#verify-report", "The log is intact");
		assertThat(this.browser.find("#verify-report").getAttribute("class")).contains("govuk-panel");
		assertThat(this.browser.find("#targetType").getAttribute("value")).isEqualTo(type);
		assertThat(this.browser.all("[data-test=event]")).hasSize(50);
		this.browser.assertAccessible();
		this.browser.open("/admin/audit?targetType=" + type);
		assertThat(this.browser.all("#verify-report")).as("the result shows once").isEmpty();
	}

	@Test
	void anAdminFiltersByDayInUkTime() {
		String type = "dated-" + UUID.randomUUID().toString().substring(0, 8);
		this.transactions.executeWithoutResult(
				(status) -> this.auditLog.record(AuditEvent.of(Actor.system("test"), "test.dated", type, "one")));
		Instant at = Instant.parse(superuserQuery(
				"SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM audit_event WHERE target_type = ?",
				type)
			.get(0));
		LocalDate day = at.atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();
		signIn(this.users.enrolled("dater", Role.PLATFORM_ADMIN));

		this.browser.open("/admin/audit?targetType=" + type);
		typeDate("from", day);
		typeDate("to", day);
		this.browser.click("#filter");
		this.browser.awaitText("#events", "test.dated");
		this.browser.assertAccessible();

		typeDate("from", day.plusDays(1));
		typeDate("to", day.plusDays(1));
		this.browser.click("#filter");
		this.browser.awaitText("#no-events", "No events match");

		typeDate("from", day.plusDays(1));
		typeDate("to", day);
		this.browser.click("#filter");
		this.browser.awaitText(".govuk-error-summary", "The last day must be the same as or after the first day");
		this.browser.assertAccessible();
	}

	private void typeDate(String name, LocalDate day) {
		this.browser.type(name + "-day", Integer.toString(day.getDayOfMonth()));
		this.browser.type(name + "-month", Integer.toString(day.getMonthValue()));
		this.browser.type(name + "-year", Integer.toString(day.getYear()));
	}

}
