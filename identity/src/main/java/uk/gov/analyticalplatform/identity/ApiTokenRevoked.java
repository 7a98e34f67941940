package uk.gov.analyticalplatform.identity;

import java.util.UUID;

/**
 * An API token was revoked: published as an application event on the replica that revoked
 * it, once the revocation has committed (never when it rolls back), so that what outlives
 * the requests the token authenticated (a tool's progress stream) can end at once. Other
 * replicas learn of it through {@link ApiTokens#notInGoodStanding}.
 *
 * @param tokenId the token revoked
 * @param userId its owner
 */
public record ApiTokenRevoked(UUID tokenId, UUID userId) {

}
