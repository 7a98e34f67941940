package uk.gov.analyticalplatform.identity;

import java.util.UUID;

/**
 * A user was suspended: published as an application event on the replica that suspended
 * them, once the suspension has committed (never when it rolls back), so that what
 * outlives the requests they made (a tool's progress stream, opened through a session or
 * with an API token) can end at once. Other replicas learn of it through
 * {@link ApiTokens#notInGoodStanding} and the session store's checks.
 *
 * @param userId the user suspended
 */
public record UserSuspended(UUID userId) {

}
