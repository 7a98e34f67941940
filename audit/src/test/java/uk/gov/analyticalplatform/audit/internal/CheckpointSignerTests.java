package uk.gov.analyticalplatform.audit.internal;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.audit.AuditProperties.CheckpointSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CheckpointSignerTests {

	private static final String KEY_A = Base64.getEncoder().encodeToString("a".repeat(32).getBytes());

	private static final String KEY_B = Base64.getEncoder().encodeToString("b".repeat(32).getBytes());

	private final byte[] head = ChainHash.of(ChainHashTests.event(1, "{}"), 1, ChainHash.GENESIS);

	private final Instant at = Instant.parse("2026-11-29T10:00:00Z");

	@Test
	void aSignatureVerifiesOnlyForTheSameSeqHashTimeAndKey() {
		CheckpointSigner signer = new CheckpointSigner(
				new CheckpointSettings(null, "a", Map.of("a", KEY_A, "b", KEY_B)));
		byte[] signature = signer.sign(5, this.head, this.at);
		assertThat(signer.verify(5, this.head, this.at, "a", signature)).isTrue();
		assertThat(signer.verify(6, this.head, this.at, "a", signature)).isFalse();
		assertThat(signer.verify(5, ChainHash.GENESIS, this.at, "a", signature)).isFalse();
		assertThat(signer.verify(5, this.head, this.at.plusSeconds(1), "a", signature)).isFalse();
		assertThat(signer.verify(5, this.head, this.at, "b", signature)).isFalse();
		assertThat(signer.verify(5, this.head, this.at, "unknown", signature)).isFalse();
	}

	@Test
	void checkpointsSignedWithARetiredKeyStillVerify() {
		byte[] old = new CheckpointSigner(new CheckpointSettings(null, "a", Map.of("a", KEY_A))).sign(5, this.head,
				this.at);
		CheckpointSigner rotated = new CheckpointSigner(
				new CheckpointSettings(null, "b", Map.of("a", KEY_A, "b", KEY_B)));
		assertThat(rotated.verify(5, this.head, this.at, "a", old)).isTrue();
		assertThat(rotated.signingKeyId()).isEqualTo("b");
	}

	@Test
	void shortOrMissingKeysAreRefused() {
		String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CheckpointSigner(new CheckpointSettings(null, "s", Map.of("s", shortKey))))
			.withMessageContaining("at least 32");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CheckpointSigner(new CheckpointSettings(null, "x", Map.of("a", KEY_A))))
			.withMessageContaining("not among");
		CheckpointSigner none = new CheckpointSigner(new CheckpointSettings(null, null, null));
		assertThat(none.canSign()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> none.sign(1, this.head, this.at));
	}

}
