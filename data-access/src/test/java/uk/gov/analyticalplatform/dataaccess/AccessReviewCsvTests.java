package uk.gov.analyticalplatform.dataaccess;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessReviewCsvTests {

	@Test
	void aLineHoldsTheGrantItsHolderAndItsHistory() {
		UUID grant = UUID.fromString("00000000-0000-0000-0000-000000000001");
		AccessReviewEntry entry = new AccessReviewEntry(grant, new DatasetRef(UUID.randomUUID(), "prisons"),
				Principal.user("u1", "ana"), List.of(), AccessLevel.READ, List.of(PathAccess.read("a/")),
				Instant.parse("2026-11-29T10:00:00Z"), new UserRef("u2", "dan"), null, "Monthly report, urgent", null,
				null, null, Instant.parse("2026-12-01T09:30:00Z"), null);
		assertThat(AccessReviewCsv.line(entry))
			.isEqualTo("00000000-0000-0000-0000-000000000001,prisons,USER,ana,,READ,a/:READ,"
					+ "2026-11-29T10:00:00Z,dan,,\"Monthly report, urgent\",,,,2026-12-01T09:30:00Z,\r\n");
		assertThat(AccessReviewCsv.HEADER).endsWith(",revoked_by,last_read_at,owners_changed_at\r\n");
	}

	@Test
	void anAppsLineNamesItsOwnersAndWhenOneWasAddedAfterTheGrant() {
		UUID grant = UUID.fromString("00000000-0000-0000-0000-000000000002");
		AccessReviewEntry entry = new AccessReviewEntry(grant, new DatasetRef(UUID.randomUUID(), "courts"),
				Principal.app("listings"), List.of(new UserRef("u1", "ana"), new UserRef("u3", "bob")),
				AccessLevel.READ, List.of(), Instant.parse("2026-11-29T10:00:00Z"), new UserRef("u2", "dan"), null,
				null, null, null, null, null, Instant.parse("2026-12-02T08:00:00Z"));
		assertThat(AccessReviewCsv.line(entry))
			.isEqualTo("00000000-0000-0000-0000-000000000002,courts,APP,listings,ana bob,READ,,"
					+ "2026-11-29T10:00:00Z,dan,,,,,,,2026-12-02T08:00:00Z\r\n");
	}

}
