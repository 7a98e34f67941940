package uk.gov.analyticalplatform.dataaccess;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A group (team) of users; grants to a group apply to each member.
 *
 * @param id its id
 * @param name its unique name
 * @param description what the team is
 * @param members its members, by username
 * @param createdAt when it was created
 */
public record Group(UUID id, String name, String description, List<UserRef> members, Instant createdAt) {

	public boolean hasMember(String userId) {
		return this.members.stream().anyMatch((member) -> member.userId().equals(userId));
	}

}
