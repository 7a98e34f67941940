package uk.gov.analyticalplatform.web.internal.tools;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import uk.gov.analyticalplatform.dataaccess.Group;
import uk.gov.analyticalplatform.dataaccess.Groups;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.toollauncher.ToolUser;
import uk.gov.analyticalplatform.web.SignInSessions;

/**
 * The signed-in user as the tool launcher knows them: with their groups as they are now.
 */
@Component
public class ToolUsers {

	private final SignInSessions sessions;

	private final Groups groups;

	ToolUsers(SignInSessions sessions, Groups groups) {
		this.sessions = sessions;
		this.groups = groups;
	}

	public ToolUser current() {
		UserAccount user = this.sessions.current().orElseThrow().user();
		String id = user.id().toString();
		Set<String> names = this.groups.list()
			.stream()
			.filter((group) -> group.hasMember(id))
			.map(Group::name)
			.collect(Collectors.toSet());
		return new ToolUser(user.id(), user.username(), names, user.isPlatformAdmin());
	}

}
