package uk.gov.analyticalplatform.audit.internal;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChainHashTests {

	static StoredEvent event(long id, String details) {
		return new StoredEvent(id, Instant.parse("2026-11-29T09:30:00.123456Z"), "u-1", "alice", "10.0.0.1", "curl/8",
				"req-1", "grant.created", "grant", "g-" + id, details);
	}

	@Test
	void canonicalFormHasSortedKeysAndNoWhiteSpace() {
		String canonical = ChainHash.canonical(event(7, "{\"level\": \"READ\"}"), 3, ChainHash.GENESIS);
		assertThat(canonical).isEqualTo("{\"action\":\"grant.created\",\"actor\":{\"ip\":\"10.0.0.1\","
				+ "\"userAgent\":\"curl/8\",\"userId\":\"u-1\",\"username\":\"alice\"},\"details\":{\"level\": \"READ\"},"
				+ "\"id\":7,\"occurredAt\":\"2026-11-29T09:30:00.123456Z\",\"prevHash\":\"" + "0".repeat(64)
				+ "\",\"requestId\":\"req-1\",\"seq\":3,\"target\":{\"id\":\"g-7\",\"type\":\"grant\"}}");
	}

	@Test
	void stringsAreEscapedSoThatNoFieldCanImpersonateAnother() {
		StoredEvent tricky = new StoredEvent(1, Instant.EPOCH, null, "system:x\",\"username\":\"eve", null,
				"a\\b\n\u0001", null, "user.created", "user", "u", "{}");
		String canonical = ChainHash.canonical(tricky, 1, ChainHash.GENESIS);
		assertThat(canonical).contains("\"username\":\"system:x\\\",\\\"username\\\":\\\"eve\"")
			.contains("\"userAgent\":\"a\\\\b\\n\\u0001\"")
			.contains("\"userId\":null");
	}

	@Test
	void everyFieldAndTheChainPositionChangeTheHash() {
		byte[] base = ChainHash.of(event(1, "{}"), 1, ChainHash.GENESIS);
		assertThat(base).hasSize(32);
		assertThat(ChainHash.of(event(1, "{}"), 1, ChainHash.GENESIS)).isEqualTo(base);
		assertThat(ChainHash.of(event(1, "{\"a\": 1}"), 1, ChainHash.GENESIS)).isNotEqualTo(base);
		assertThat(ChainHash.of(event(2, "{}"), 1, ChainHash.GENESIS)).isNotEqualTo(base);
		assertThat(ChainHash.of(event(1, "{}"), 2, ChainHash.GENESIS)).isNotEqualTo(base);
		assertThat(ChainHash.of(event(1, "{}"), 1, base)).isNotEqualTo(base);
	}

}
