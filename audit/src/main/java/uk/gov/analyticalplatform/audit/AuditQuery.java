package uk.gov.analyticalplatform.audit;

import java.time.Instant;

/**
 * A filter over the audit log; every member is optional ({@code null} matches
 * everything).
 *
 * @param actor the actor's username, exactly
 * @param actionPrefix a prefix of the action, such as {@code grant.} or
 * {@code totp.reset}
 * @param targetType the target's type, exactly
 * @param targetId the target's id, exactly
 * @param from events at or after this time
 * @param to events before this time
 */
public record AuditQuery(String actor, String actionPrefix, String targetType, String targetId, Instant from,
		Instant to) {

	public static AuditQuery all() {
		return new AuditQuery(null, null, null, null, null, null);
	}

	public AuditQuery {
		if (from != null && to != null && !from.isBefore(to)) {
			throw new IllegalArgumentException("The time range is empty: 'from' must be before 'to'");
		}
	}

}
