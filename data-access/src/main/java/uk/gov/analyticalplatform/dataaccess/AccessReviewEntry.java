package uk.gov.analyticalplatform.dataaccess;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One line of an access review: who can (or could) do what on a dataset, since when,
 * granted or approved by whom.
 *
 * @param grantId the grant
 * @param dataset the dataset
 * @param principal the holder
 * @param members for a group, its members now; for an app, its owners now (who deploy the
 * code that runs with the app's role)
 * @param level the level
 * @param paths the sub-paths or tables, empty for the whole dataset
 * @param since when it was granted
 * @param grantedBy who granted or approved it
 * @param requestId the request it came from, or {@code null}
 * @param justification the request's justification, or {@code null}
 * @param expiresAt when it ends by itself
 * @param revokedAt when it ended, or {@code null}
 * @param revokedBy who or what ended it
 * @param lastReadAt when the holder (for a group, any of its members now) last read the
 * dataset, as the S3 access logs tracked it, or {@code null} if never
 * @param ownersChangedAt for an app, when an owner it has now was added after the grant
 * was given (the latest such time), or {@code null}: that owner holds the grant's access
 * in effect without it having been reviewed for them
 */
public record AccessReviewEntry(UUID grantId, DatasetRef dataset, Principal principal, List<UserRef> members,
		AccessLevel level, List<PathAccess> paths, Instant since, UserRef grantedBy, UUID requestId,
		String justification, Instant expiresAt, Instant revokedAt, String revokedBy, Instant lastReadAt,
		Instant ownersChangedAt) {

}
