package uk.gov.analyticalplatform.dataaccess.internal.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.model.DataLakePrincipal;
import software.amazon.awssdk.services.lakeformation.model.DatabaseResource;
import software.amazon.awssdk.services.lakeformation.model.Permission;
import software.amazon.awssdk.services.lakeformation.model.PrincipalResourcePermissions;
import software.amazon.awssdk.services.lakeformation.model.Resource;
import software.amazon.awssdk.services.lakeformation.model.TableResource;
import software.amazon.awssdk.services.lakeformation.model.TableWildcard;

import uk.gov.analyticalplatform.dataaccess.internal.policy.LakeFormationGrant;

/**
 * The Lake Formation permissions held by a user's role: granted and revoked to match
 * exactly.
 */
class LakeFormationPermissions {

	private final LakeFormationClient lakeFormation;

	LakeFormationPermissions(LakeFormationClient lakeFormation) {
		this.lakeFormation = lakeFormation;
	}

	void apply(String roleArn, List<LakeFormationGrant> desired, List<String> changes) {
		Map<String, Held> held = held(roleArn);
		Map<String, LakeFormationGrant> wanted = new LinkedHashMap<>();
		desired.forEach((grant) -> wanted.put(grant.resourceKey(), grant));
		for (Map.Entry<String, Held> entry : held.entrySet()) {
			LakeFormationGrant want = wanted.get(entry.getKey());
			if (want == null || !want.permissions().equals(entry.getValue().permissions())) {
				this.lakeFormation.revokePermissions((r) -> r.principal(principal(roleArn))
					.resource(entry.getValue().resource())
					.permissionsWithStrings(entry.getValue().permissions()));
				changes.add("revoked Lake Formation " + String.join(",", entry.getValue().permissions()) + " on "
						+ entry.getKey());
			}
		}
		for (Map.Entry<String, LakeFormationGrant> entry : wanted.entrySet()) {
			Held current = held.get(entry.getKey());
			if (current == null || !current.permissions().equals(entry.getValue().permissions())) {
				this.lakeFormation.grantPermissions((r) -> r.principal(principal(roleArn))
					.resource(resource(entry.getValue()))
					.permissionsWithStrings(entry.getValue().permissions()));
				changes.add("granted Lake Formation " + entry.getValue());
			}
		}
	}

	void revokeAll(String roleArn) {
		held(roleArn).values()
			.forEach((held) -> this.lakeFormation.revokePermissions((r) -> r.principal(principal(roleArn))
				.resource(held.resource())
				.permissionsWithStrings(held.permissions())));
	}

	/** What the role holds, for people: {@code DESCRIBE,SELECT on db.table}. */
	List<String> describe(String roleArn) {
		List<String> described = new ArrayList<>();
		held(roleArn).forEach((key, held) -> described.add(String.join(",", held.permissions()) + " on " + key));
		return described;
	}

	private Map<String, Held> held(String roleArn) {
		Map<String, Held> held = new TreeMap<>();
		// Lake Formation filters by principal only together with a resource, so list all
		// and filter
		List<PrincipalResourcePermissions> permissions = new ArrayList<>();
		this.lakeFormation.listPermissionsPaginator((r) -> r.maxResults(1000))
			.forEach((page) -> page.principalResourcePermissions()
				.stream()
				.filter((permission) -> permission.principal() != null
						&& roleArn.equals(permission.principal().dataLakePrincipalIdentifier()))
				.forEach(permissions::add));
		for (PrincipalResourcePermissions permission : permissions) {
			Resource resource = permission.resource();
			String key = key(resource);
			if (key == null) {
				continue;
			}
			TreeSet<String> names = new TreeSet<>((held.containsKey(key)) ? held.get(key).permissions() : List.of());
			permission.permissions().stream().map(Permission::toString).forEach(names::add);
			held.put(key, new Held(resource, List.copyOf(names)));
		}
		return held;
	}

	private static String key(Resource resource) {
		if (resource.table() != null) {
			TableResource table = resource.table();
			return table.databaseName() + "."
					+ ((table.tableWildcard() != null) ? LakeFormationGrant.ALL_TABLES : table.name());
		}
		if (resource.database() != null) {
			return resource.database().name();
		}
		return null;
	}

	private static Resource resource(LakeFormationGrant grant) {
		if (grant.onDatabase()) {
			return Resource.builder().database(DatabaseResource.builder().name(grant.database()).build()).build();
		}
		TableResource.Builder table = TableResource.builder().databaseName(grant.database());
		if (LakeFormationGrant.ALL_TABLES.equals(grant.table())) {
			table.tableWildcard(TableWildcard.builder().build());
		}
		else {
			table.name(grant.table());
		}
		return Resource.builder().table(table.build()).build();
	}

	private static DataLakePrincipal principal(String roleArn) {
		return DataLakePrincipal.builder().dataLakePrincipalIdentifier(roleArn).build();
	}

	private record Held(Resource resource, List<String> permissions) {

	}

}
