package uk.gov.analyticalplatform.identity;

import java.util.Set;

/**
 * A token to issue.
 *
 * @param name a name to recognise it by, unique among the user's live tokens
 * @param scopes what it may be used for
 * @param expiresInDays its lifetime, from 1 to the configured maximum
 */
public record ApiTokenRequest(String name, Set<ApiScope> scopes, int expiresInDays) {

}
