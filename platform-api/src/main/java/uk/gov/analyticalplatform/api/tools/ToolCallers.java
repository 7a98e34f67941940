package uk.gov.analyticalplatform.api.tools;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import uk.gov.analyticalplatform.dataaccess.Group;
import uk.gov.analyticalplatform.dataaccess.Groups;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.toollauncher.ToolUser;

/**
 * Who calls the tool launcher: the signed-in user with their platform-admin role and
 * their groups (from data access) as they are at this request.
 */
@Component
public class ToolCallers {

	private final Groups groups;

	ToolCallers(Groups groups) {
		this.groups = groups;
	}

	public ToolUser of(UserAccount user) {
		String id = user.id().toString();
		Set<String> names = this.groups.list()
			.stream()
			.filter((group) -> group.hasMember(id))
			.map(Group::name)
			.collect(Collectors.toSet());
		return new ToolUser(user.id(), user.username(), names, user.isPlatformAdmin());
	}

}
