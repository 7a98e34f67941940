package uk.gov.analyticalplatform.api.security;

import uk.gov.analyticalplatform.identity.SessionSignIn;

/**
 * A session and the sign-in it holds. Every sign-in a session stores is stored under a
 * new session id ({@link SessionSignIns}), so the sign-in a session id holds never
 * changes: read once, it stays true of that id for as long as the session lasts.
 *
 * @param id the session's id
 * @param signIn whose sign-in it holds, at which session epoch
 */
public record SignedInSession(String id, SessionSignIn signIn) {

}
