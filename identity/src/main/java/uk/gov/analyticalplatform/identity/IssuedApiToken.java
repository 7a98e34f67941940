package uk.gov.analyticalplatform.identity;

/**
 * A token just issued: its value is here and nowhere else.
 *
 * @param summary what is kept about it
 * @param token the token, to show once
 */
public record IssuedApiToken(ApiTokenSummary summary, String token) {

}
