package uk.gov.analyticalplatform.dataaccess.internal.access;

import java.util.List;
import java.util.UUID;

import uk.gov.analyticalplatform.dataaccess.AccessReviewEntry;
import uk.gov.analyticalplatform.dataaccess.Grant;
import uk.gov.analyticalplatform.dataaccess.PrincipalType;
import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.GroupRows;

/**
 * Builds the access review of a dataset from its grants, with group members and
 * justifications.
 */
class AccessReview {

	private final GrantRows grants;

	private final GroupRows groups;

	AccessReview(GrantRows grants, GroupRows groups) {
		this.grants = grants;
		this.groups = groups;
	}

	List<AccessReviewEntry> of(UUID datasetId) {
		return this.grants.onDataset(datasetId, false).stream().map(this::entry).toList();
	}

	private AccessReviewEntry entry(Grant grant) {
		List<UserRef> members = (grant.principal().type() == PrincipalType.GROUP)
				? this.groups.members(grant.principal().groupId()) : List.of();
		return new AccessReviewEntry(grant.id(), grant.dataset(), grant.principal(), members, grant.level(),
				grant.paths(), grant.grantedAt(), grant.grantedBy(), grant.requestId(),
				this.grants.justification(grant), grant.expiresAt(), grant.revokedAt(), grant.revokedBy());
	}

}
