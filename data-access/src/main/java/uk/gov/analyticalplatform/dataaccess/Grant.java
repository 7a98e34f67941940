package uk.gov.analyticalplatform.dataaccess;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A grant, active or ended.
 *
 * @param id its id
 * @param dataset the dataset
 * @param principal the holder
 * @param level the level
 * @param paths the sub-paths or tables it is limited to, empty for the whole dataset
 * @param expiresAt when it ends by itself, or {@code null}
 * @param grantedBy who granted it (the approving admin when it came from a request)
 * @param grantedAt since when
 * @param requestId the access request it came from, or {@code null} for a direct grant
 * @param revokedAt when it ended, or {@code null} while active
 * @param revokedBy who or what ended it ({@code system:...} for expiry)
 * @param revokeReason why it ended
 */
public record Grant(UUID id, DatasetRef dataset, Principal principal, AccessLevel level, List<PathAccess> paths,
		Instant expiresAt, UserRef grantedBy, Instant grantedAt, UUID requestId, Instant revokedAt, String revokedBy,
		String revokeReason) {

	public boolean active() {
		return this.revokedAt == null;
	}

}
