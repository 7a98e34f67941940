package uk.gov.analyticalplatform.api.gate;

import java.util.UUID;

/**
 * The signed-in user of a request that reached the gate: passed the second factor, not
 * suspended, session still current.
 *
 * @param id the stable user id
 * @param username the username
 * @param email the email address, or {@code null}
 */
public record GateUser(UUID id, String username, String email) {

}
