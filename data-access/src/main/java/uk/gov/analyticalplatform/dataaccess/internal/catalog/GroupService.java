package uk.gov.analyticalplatform.dataaccess.internal.catalog;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.transaction.support.TransactionOperations;

import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.DuplicateGroup;
import uk.gov.analyticalplatform.dataaccess.Group;
import uk.gov.analyticalplatform.dataaccess.GroupNotFound;
import uk.gov.analyticalplatform.dataaccess.Groups;
import uk.gov.analyticalplatform.dataaccess.InvalidDataset;
import uk.gov.analyticalplatform.dataaccess.PermissionDenied;
import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.dataaccess.internal.status.RoleStatusRows;

/**
 * Groups, changed by platform admins; membership changes re-apply the member's access.
 */
public class GroupService implements Groups {

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

	private final GroupRows groups;

	private final RoleStatusRows roles;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final Clock clock;

	public GroupService(GroupRows groups, RoleStatusRows roles, AuditLog audit, TransactionOperations transactions,
			Clock clock) {
		this.groups = groups;
		this.roles = roles;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public Group create(Caller caller, String name, String description) {
		requirePlatformAdmin(caller);
		if (name == null || !NAME.matcher(name).matches()) {
			throw new InvalidDataset(
					"A group name is 1 to 63 lower-case letters, digits and hyphens, not '" + name + "'");
		}
		return this.transactions.execute((tx) -> {
			if (this.groups.nameTaken(name)) {
				throw new DuplicateGroup("A group called '" + name + "' already exists");
			}
			UUID id = UUID.randomUUID();
			this.groups.insert(id, name, (description != null) ? description : "", this.clock.instant(),
					caller.username());
			this.audit
				.record(AuditEvent.of(caller.actor(), "group.created", "group", id.toString()).with("name", name));
			return this.groups.get(id);
		});
	}

	@Override
	public Group get(UUID id) {
		return this.groups.get(id);
	}

	@Override
	public Group getByName(String name) {
		return this.groups.get(this.groups.idOf(name).orElseThrow(() -> GroupNotFound.forName(name)));
	}

	@Override
	public List<Group> list() {
		return this.groups.all();
	}

	@Override
	public Group addMember(Caller caller, UUID groupId, UserRef user) {
		requirePlatformAdmin(caller);
		return this.transactions.execute((tx) -> {
			Group group = this.groups.get(groupId);
			if (this.groups.addMember(groupId, user, this.clock.instant(), caller.username())) {
				this.roles.bump(List.of(user));
				this.audit.record(AuditEvent.of(caller.actor(), "group.member_added", "group", groupId.toString())
					.with("group", group.name())
					.with("userId", user.userId())
					.with("username", user.username()));
			}
			return this.groups.get(groupId);
		});
	}

	@Override
	public Group removeMember(Caller caller, UUID groupId, String userId) {
		requirePlatformAdmin(caller);
		return this.transactions.execute((tx) -> {
			Group group = this.groups.get(groupId);
			this.groups.removeMember(groupId, userId).ifPresent((user) -> {
				this.roles.bump(List.of(user));
				this.audit.record(AuditEvent.of(caller.actor(), "group.member_removed", "group", groupId.toString())
					.with("group", group.name())
					.with("userId", user.userId())
					.with("username", user.username()));
			});
			return this.groups.get(groupId);
		});
	}

	static void requirePlatformAdmin(Caller caller) {
		if (!caller.platformAdmin()) {
			throw new PermissionDenied("Only platform admins may do this");
		}
	}

}
