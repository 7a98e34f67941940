package uk.gov.analyticalplatform.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What is kept about a token (never its value).
 *
 * @param id the token's id
 * @param name its name
 * @param scopes what it may be used for
 * @param createdAt when it was issued
 * @param expiresAt when it stops working
 * @param lastUsedAt when it was last used, if ever
 */
public record ApiTokenSummary(UUID id, String name, Set<ApiScope> scopes, Instant createdAt, Instant expiresAt,
		Instant lastUsedAt) {

	public ApiTokenSummary {
		scopes = Set.copyOf(scopes);
	}

}
