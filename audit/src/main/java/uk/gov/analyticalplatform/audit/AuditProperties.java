package uk.gov.analyticalplatform.audit;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit log ({@code platform.audit.*}).
 *
 * @param chainInterval how often the sequencer looks for events written by other replicas
 * (events written here are linked as soon as their transaction commits)
 * @param linkDelay how long after a commit the sequencer links, gathering the events of a
 * busy moment into one batch
 * @param chainBatchSize how many events the sequencer links in one transaction
 * @param checkpoint signed checkpoints of the chain's head
 */
@ConfigurationProperties("platform.audit")
public record AuditProperties(@DefaultValue("1s") Duration chainInterval, @DefaultValue("50ms") Duration linkDelay,
		@DefaultValue("1000") int chainBatchSize, @DefaultValue CheckpointSettings checkpoint) {

	/**
	 * @param interval how often a checkpoint is signed when the chain has grown
	 * @param signingKeyId the id of the key that signs new checkpoints
	 * @param keys HMAC-SHA-256 keys by id, base64, at least 32 bytes each; keep retired
	 * keys here so that old checkpoints still verify. Without keys no checkpoints are
	 * written.
	 */
	public record CheckpointSettings(@DefaultValue("15m") Duration interval, String signingKeyId,
			Map<String, String> keys) {

		public CheckpointSettings {
			keys = (keys != null) ? Map.copyOf(keys) : Map.of();
		}

		public boolean enabled() {
			return this.signingKeyId != null && !this.signingKeyId.isBlank();
		}

	}

}
