package uk.gov.analyticalplatform.identity;

import java.util.UUID;

/**
 * A user's sign-in as a session remembers it.
 *
 * @param userId whose sign-in it is
 * @param sessionEpoch the user's {@link UserAccount#sessionEpoch() session epoch} when
 * they signed in
 */
public record SessionSignIn(UUID userId, int sessionEpoch) {

}
