package uk.gov.analyticalplatform.dataaccess.internal.access;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import uk.gov.analyticalplatform.dataaccess.AccessReviewEntry;
import uk.gov.analyticalplatform.dataaccess.AppOwnership;
import uk.gov.analyticalplatform.dataaccess.Grant;
import uk.gov.analyticalplatform.dataaccess.PrincipalType;
import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.GroupRows;

/**
 * Builds the access review of a dataset from its grants, with group members, apps' owners
 * (and whether one was added after the grant), justifications and when each holder last
 * read it.
 */
class AccessReview {

	private final GrantRows grants;

	private final GroupRows groups;

	private final AppOwnership apps;

	/**
	 * @param apps who owns each app, or {@code null} where apps are not deployed
	 */
	AccessReview(GrantRows grants, GroupRows groups, AppOwnership apps) {
		this.grants = grants;
		this.groups = groups;
		this.apps = apps;
	}

	/**
	 * @param lastReads when each user last read the dataset, by username
	 */
	List<AccessReviewEntry> of(UUID datasetId, Map<String, Instant> lastReads) {
		return this.grants.onDataset(datasetId, false).stream().map((grant) -> entry(grant, lastReads)).toList();
	}

	private AccessReviewEntry entry(Grant grant, Map<String, Instant> lastReads) {
		List<AppOwnership.Owner> owners = (grant.principal().type() == PrincipalType.APP && this.apps != null)
				? this.apps.ownersSince(grant.principal().name()) : List.of();
		List<UserRef> members = switch (grant.principal().type()) {
			case GROUP -> this.groups.members(grant.principal().groupId());
			case APP -> owners.stream().map(AppOwnership.Owner::user).toList();
			default -> List.of();
		};
		return new AccessReviewEntry(grant.id(), grant.dataset(), grant.principal(), members, grant.level(),
				grant.paths(), grant.grantedAt(), grant.grantedBy(), grant.requestId(),
				this.grants.justification(grant), grant.expiresAt(), grant.revokedAt(), grant.revokedBy(),
				lastRead(grant, members, lastReads), ownersChangedAfter(grant, owners));
	}

	/**
	 * When the latest owner of an app that came after the grant was added, or
	 * {@code null}: an owner from before was there when the grant was decided (a request
	 * for an app is never decided by one of its owners).
	 */
	static Instant ownersChangedAfter(Grant grant, List<AppOwnership.Owner> owners) {
		return owners.stream()
			.map(AppOwnership.Owner::since)
			.filter((since) -> since.isAfter(grant.grantedAt()))
			.max(Comparator.naturalOrder())
			.orElse(null);
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
