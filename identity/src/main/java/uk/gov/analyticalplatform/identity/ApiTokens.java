package uk.gov.analyticalplatform.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Personal API tokens: shown once, stored only as a SHA-256 hash, scoped, expiring within
 * the configured maximum (90 days by default), revocable.
 */
public interface ApiTokens {

	/**
	 * Issues a token to a fully signed-in user.
	 * @throws ApiTokenRequestRefused when the name, scopes or lifetime are not acceptable
	 */
	IssuedApiToken issue(UUID userId, ApiTokenRequest request);

	/** The user's tokens that are neither revoked nor expired, newest first. */
	List<ApiTokenSummary> list(UUID userId);

	/**
	 * Revokes one of the user's own tokens, and once that has committed publishes
	 * {@link ApiTokenRevoked}.
	 * @throws ApiTokenNotFound when the user has no such live token
	 */
	void revoke(UUID userId, UUID tokenId);

	/**
	 * The live token with this value, if its owner is not suspended.
	 * @param rawToken the token as presented in an {@code Authorization: Bearer} header
	 */
	Optional<AuthenticatedToken> authenticate(String rawToken);

	/**
	 * Of these tokens, those that would no longer authenticate: gone, revoked, expired,
	 * or owned by a suspended user. One query however many are asked about, for what
	 * checks many tokens at once.
	 */
	Set<UUID> notInGoodStanding(Collection<UUID> tokenIds);

}
