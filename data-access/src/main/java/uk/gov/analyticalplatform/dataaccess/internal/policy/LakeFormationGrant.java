package uk.gov.analyticalplatform.dataaccess.internal.policy;

import java.util.List;

/**
 * One Lake Formation permission set for the user's role.
 *
 * @param database the Glue database
 * @param table the table, {@link #ALL_TABLES} for every table of the database, or
 * {@code null} for the database itself
 * @param permissions the permissions, sorted, such as {@code DESCRIBE, SELECT}
 */
public record LakeFormationGrant(String database, String table,
		List<String> permissions) implements Comparable<LakeFormationGrant> {

	/** The table wildcard: every table of the database. */
	public static final String ALL_TABLES = "*";

	public LakeFormationGrant {
		permissions = List.copyOf(permissions);
	}

	public boolean onDatabase() {
		return this.table == null;
	}

	@Override
	public int compareTo(LakeFormationGrant other) {
		int byDatabase = this.database.compareTo(other.database);
		if (byDatabase != 0) {
			return byDatabase;
		}
		String mine = (this.table != null) ? this.table : "";
		String theirs = (other.table != null) ? other.table : "";
		return mine.compareTo(theirs);
	}

	/** The resource: {@code db}, {@code db.table} or {@code db.*}. */
	public String resourceKey() {
		return this.database + ((this.table != null) ? "." + this.table : "");
	}

	/** For people: {@code DESCRIBE,SELECT on db.table}. */
	@Override
	public String toString() {
		return String.join(",", this.permissions) + " on " + resourceKey();
	}

}
