package uk.gov.analyticalplatform.dataaccess;

import java.util.UUID;

/** No group has that id or name. */
public class GroupNotFound extends DataAccessException {

	public GroupNotFound(String message) {
		super(Kind.NOT_FOUND, message);
	}

	public static GroupNotFound forId(UUID id) {
		return new GroupNotFound("No group has id " + id);
	}

	public static GroupNotFound forName(String name) {
		return new GroupNotFound("No group is called '" + name + "'");
	}

}
