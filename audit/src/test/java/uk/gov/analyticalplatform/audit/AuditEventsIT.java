package uk.gov.analyticalplatform.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.analyticalplatform.testing.PlatformDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@SpringBootTest
@PlatformDatabase
@DirtiesContext
class AuditEventsIT {

	private static final Actor ADMIN = Actor.user("u-admin", "admin");

	@Autowired
	AuditLog auditLog;

	@Autowired
	AuditEvents auditEvents;

	@Autowired
	TransactionTemplate transactions;

	private Instant start;

	@BeforeEach
	void recordSome() {
		this.start = Instant.now();
		record(Actor.user("u-1", "alice"), "grant.created", "grant", "g-1");
		record(Actor.user("u-1", "alice"), "grant.revoked", "grant", "g-1");
		record(Actor.user("u-2", "bob"), "totp.reset", "user", "u-1");
		record(Actor.system("reconciler"), "grant.expired", "grant", "g-2");
		record(Actor.user("u-2", "bob"), "grant_x.created", "grant", "g-3");
	}

	@Test
	void filtersByActorActionPrefixTargetAndTime() {
		assertThat(actions(new AuditQuery("alice", null, null, null, this.start, null)))
			.containsExactly("grant.revoked", "grant.created");
		assertThat(actions(new AuditQuery(null, "grant.", null, null, this.start, null)))
			.containsExactly("grant.expired", "grant.revoked", "grant.created");
		assertThat(actions(new AuditQuery(null, null, "user", "u-1", this.start, null))).containsExactly("totp.reset");
		assertThat(actions(new AuditQuery(null, null, null, null, Instant.now().plusSeconds(60), null))).isEmpty();
	}

	@Test
	void aPrefixIsLiteralNotAPattern() {
		assertThat(actions(new AuditQuery(null, "grant_", null, null, this.start, null)))
			.containsExactly("grant_x.created");
	}

	@Test
	void pagesFollowTheCursorNewestFirst() {
		AuditQuery query = new AuditQuery(null, null, null, null, this.start, null);
		AuditPage first = this.auditEvents.search(query, null, 2);
		AuditPage second = this.auditEvents.search(query, first.nextCursor(), 2);
		AuditPage third = this.auditEvents.search(query, second.nextCursor(), 2);
		List<Long> ids = new ArrayList<>();
		for (AuditPage page : List.of(first, second, third)) {
			page.events().forEach((event) -> ids.add(event.id()));
		}
		assertThat(ids).hasSizeGreaterThanOrEqualTo(5)
			.isSortedAccordingTo((a, b) -> Long.compare(b, a))
			.doesNotHaveDuplicates();
		assertThatIllegalArgumentException().isThrownBy(() -> this.auditEvents.search(query, null, 501));
	}

	@Test
	void exportStreamsTheFilteredSetAndIsItselfAudited() {
		List<AuditRecord> streamed = new ArrayList<>();
		long count = this.auditEvents.export(ADMIN, new AuditQuery("bob", null, null, null, this.start, null), "csv",
				streamed::add);
		assertThat(count).isEqualTo(streamed.size()).isGreaterThanOrEqualTo(2);
		assertThat(streamed).allSatisfy((event) -> assertThat(event.actorUsername()).isEqualTo("bob"));
		AuditRecord exported = this.auditEvents
			.search(new AuditQuery("admin", "audit.exported", null, null, null, null), null, 1)
			.events()
			.get(0);
		assertThat(exported.details()).containsEntry("format", "csv");
		assertThat(exported.details().get("filter")).asString().contains("bob");
	}

	@Test
	void verifyingIsItselfAudited() {
		VerifyReport report = this.auditEvents.verify(ADMIN);
		assertThat(report.ok()).as(report.toString()).isTrue();
		AuditRecord verified = this.auditEvents
			.search(new AuditQuery("admin", "audit.verified", null, null, null, null), null, 1)
			.events()
			.get(0);
		assertThat(verified.details()).containsEntry("status", "OK");
	}

	private List<String> actions(AuditQuery query) {
		return this.auditEvents.search(query, null, 100).events().stream().map(AuditRecord::action).toList();
	}

	private void record(Actor actor, String action, String type, String id) {
		this.transactions
			.executeWithoutResult((status) -> this.auditLog.record(AuditEvent.of(actor, action, type, id)));
	}

}
