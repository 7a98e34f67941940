package uk.gov.analyticalplatform.appdeploy;

import java.time.Instant;

/**
 * Someone allowed to open an app, by email: they may have no account yet, and get one at
 * their first sign-in.
 *
 * @param email the email, lower case
 * @param addedAt when they were added
 * @param addedBy who added them
 */
public record Viewer(String email, Instant addedAt, String addedBy) {

}
