package uk.gov.analyticalplatform.identity;

import java.util.Set;

/**
 * A change an admin makes to a user; {@code null} members stay as they are.
 *
 * @param roles the user's new roles ({@link Role#ANALYST} is always kept)
 * @param suspended whether the user is to be suspended
 */
public record UserChange(Set<Role> roles, Boolean suspended) {

}
