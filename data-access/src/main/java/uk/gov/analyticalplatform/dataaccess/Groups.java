package uk.gov.analyticalplatform.dataaccess;

import java.util.List;
import java.util.UUID;

/**
 * Groups (teams) of users. Changing membership changes the members' access, which the
 * reconciler applies; every change is audited. Only platform admins change groups.
 */
public interface Groups {

	/**
	 * @throws PermissionDenied if the caller is not a platform admin
	 * @throws DuplicateGroup if the name is taken
	 */
	Group create(Caller caller, String name, String description);

	/**
	 * @throws GroupNotFound if there is none
	 */
	Group get(UUID id);

	/**
	 * @throws GroupNotFound if there is none
	 */
	Group getByName(String name);

	/** Every group, by name. */
	List<Group> list();

	/** Adds a member (idempotent). */
	Group addMember(Caller caller, UUID groupId, UserRef user);

	/** Removes a member (idempotent). */
	Group removeMember(Caller caller, UUID groupId, String userId);

}
