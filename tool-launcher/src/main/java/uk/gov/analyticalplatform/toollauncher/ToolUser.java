package uk.gov.analyticalplatform.toollauncher;

import java.util.Set;
import java.util.UUID;

/**
 * Who is asking: the identity module's user and the groups they belong to.
 *
 * @param userId the stable user id
 * @param username the username
 * @param groups the names of their groups
 * @param platformAdmin whether they are a platform admin
 */
public record ToolUser(UUID userId, String username, Set<String> groups, boolean platformAdmin) {

	public ToolUser {
		groups = Set.copyOf(groups);
	}

}
