package uk.gov.analyticalplatform.dataaccess.internal.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.dataaccess.Group;
import uk.gov.analyticalplatform.dataaccess.GroupNotFound;
import uk.gov.analyticalplatform.dataaccess.GroupRef;
import uk.gov.analyticalplatform.dataaccess.UserRef;

/** The {@code access_groups} and {@code access_group_members} tables. */
public class GroupRows {

	private final JdbcClient jdbc;

	public GroupRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, String name, String description, Instant at, String by) {
		this.jdbc
			.sql("INSERT INTO access_groups (id, name, description, created_at, created_by) "
					+ "VALUES (:id, :name, :description, :at, :by)")
			.param("id", id)
			.param("name", name)
			.param("description", description)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
	}

	boolean nameTaken(String name) {
		return this.jdbc.sql("SELECT count(*) FROM access_groups WHERE name = :name")
			.param("name", name)
			.query(Integer.class)
			.single() > 0;
	}

	public Group get(UUID id) {
		return this.jdbc.sql("SELECT id, name, description, created_at FROM access_groups WHERE id = :id")
			.param("id", id)
			.query(this::group)
			.optional()
			.orElseThrow(() -> GroupNotFound.forId(id));
	}

	Optional<UUID> idOf(String name) {
		return this.jdbc.sql("SELECT id FROM access_groups WHERE name = :name")
			.param("name", name)
			.query(UUID.class)
			.optional();
	}

	List<Group> all() {
		return this.jdbc.sql("SELECT id, name, description, created_at FROM access_groups ORDER BY name")
			.query(this::group)
			.list();
	}

	public GroupRef ref(UUID id) {
		return this.jdbc.sql("SELECT id, name FROM access_groups WHERE id = :id")
			.param("id", id)
			.query((row, n) -> new GroupRef(row.getObject("id", UUID.class), row.getString("name")))
			.optional()
			.orElseThrow(() -> GroupNotFound.forId(id));
	}

	/** Adds the member; false if already one. */
	boolean addMember(UUID groupId, UserRef user, Instant at, String by) {
		return this.jdbc.sql("""
				INSERT INTO access_group_members (group_id, user_id, username, added_at, added_by)
				VALUES (:group, :id, :username, :at, :by) ON CONFLICT DO NOTHING
				""")
			.param("group", groupId)
			.param("id", user.userId())
			.param("username", user.username())
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update() > 0;
	}

	/** Removes the member and returns them, if they were one. */
	Optional<UserRef> removeMember(UUID groupId, String userId) {
		return this.jdbc
			.sql("DELETE FROM access_group_members WHERE group_id = :group AND user_id = :id "
					+ "RETURNING user_id, username")
			.param("group", groupId)
			.param("id", userId)
			.query((row, n) -> new UserRef(row.getString("user_id"), row.getString("username")))
			.optional();
	}

	public List<UserRef> members(UUID groupId) {
		return this.jdbc
			.sql("SELECT user_id, username FROM access_group_members WHERE group_id = :group " + "ORDER BY username")
			.param("group", groupId)
			.query((row, n) -> new UserRef(row.getString("user_id"), row.getString("username")))
			.list();
	}

	private Group group(ResultSet row, int n) throws SQLException {
		UUID id = row.getObject("id", UUID.class);
		return new Group(id, row.getString("name"), row.getString("description"), members(id),
				row.getTimestamp("created_at").toInstant());
	}

}
