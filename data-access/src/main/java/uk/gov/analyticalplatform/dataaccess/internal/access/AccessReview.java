package uk.gov.analyticalplatform.dataaccess.internal.access;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import uk.gov.analyticalplatform.dataaccess.AccessReviewEntry;
import uk.gov.analyticalplatform.dataaccess.Grant;
import uk.gov.analyticalplatform.dataaccess.PrincipalType;
import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.GroupRows;

/**
 * Builds the access review of a dataset from its grants, with group members,
 * justifications and when each holder last read it.
 */
class AccessReview {

	private final GrantRows grants;

	private final GroupRows groups;

	AccessReview(GrantRows grants, GroupRows groups) {
		this.grants = grants;
		this.groups = groups;
	}

	/**
	 * @param lastReads when each user last read the dataset, by username
	 */
	List<AccessReviewEntry> of(UUID datasetId, Map<String, Instant> lastReads) {
		return this.grants.onDataset(datasetId, false).stream().map((grant) -> entry(grant, lastReads)).toList();
	}

	private AccessReviewEntry entry(Grant grant, Map<String, Instant> lastReads) {
		List<UserRef> members = (grant.principal().type() == PrincipalType.GROUP)
				? this.groups.members(grant.principal().groupId()) : List.of();
		return new AccessReviewEntry(grant.id(), grant.dataset(), grant.principal(), members, grant.level(),
				grant.paths(), grant.grantedAt(), grant.grantedBy(), grant.requestId(),
				this.grants.justification(grant), grant.expiresAt(), grant.revokedAt(), grant.revokedBy(),
				lastRead(grant, members, lastReads));
	}

	/** The holder's last read: a user's own, a group's latest of its members now. */
	static Instant lastRead(Grant grant, List<UserRef> members, Map<String, Instant> lastReads) {
		return switch (grant.principal().type()) {
			case USER -> lastReads.get(grant.principal().name());
			case GROUP -> members.stream()
				.map((member) -> lastReads.get(member.username()))
				.filter(Objects::nonNull)
				.max(Comparator.naturalOrder())
				.orElse(null);
			default -> null;
		};
	}

}
