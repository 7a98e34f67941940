package uk.gov.analyticalplatform.dataaccess.internal.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import uk.gov.analyticalplatform.dataaccess.AccessLevel;
import uk.gov.analyticalplatform.dataaccess.DatasetKind;
import uk.gov.analyticalplatform.dataaccess.PathAccess;
import uk.gov.analyticalplatform.dataaccess.WorkloadIdentities;

/**
 * Compiles a user's effective grants into the IAM role AWS should have for them: the IRSA
 * trust policy, permission policies and Lake Formation permissions. A pure function: the
 * same input gives the same output, character for character; a prefix covered by a
 * broader grant is not repeated; the result fits IAM's limits or
 * {@link PolicyLimitExceeded} says why not.
 */
public final class PolicyCompiler {

	/** The name of the inline role policy. */
	public static final String INLINE_POLICY = "data-access";

	static final List<String> LIST = List.of("s3:ListBucket");

	static final List<String> READ = List.of("s3:GetObject", "s3:GetObjectVersion");

	static final List<String> WRITE = List.of("s3:AbortMultipartUpload", "s3:DeleteObject", "s3:PutObject");

	static final List<String> SNAPSHOT_WRITES = List.of("s3:AbortMultipartUpload", "s3:DeleteObject",
			"s3:DeleteObjectVersion", "s3:PutObject");

	static final List<String> ATHENA = List.of("athena:GetQueryExecution", "athena:GetQueryResults",
			"athena:GetWorkGroup", "athena:StartQueryExecution", "athena:StopQueryExecution");

	static final List<String> GLUE_READ = List.of("glue:GetDatabase", "glue:GetPartition", "glue:GetPartitions",
			"glue:GetTable", "glue:GetTables");

	static final List<String> LAKE_FORMATION = List.of("lakeformation:GetDataAccess");

	private static final Pattern APP_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

	private final PolicySettings settings;

	public PolicyCompiler(PolicySettings settings) {
		this.settings = settings;
	}

	/**
	 * The role name for a user: {@code <prefix>_user_<safe name>}, the safe name being
	 * the one their namespace has ({@link WorkloadIdentities#userSafeName}): the username
	 * itself when it is a DNS label.
	 */
	public String roleName(String username) {
		return fit(this.settings.rolePrefix() + "_user_" + WorkloadIdentities.userSafeName(username));
	}

	/**
	 * The role name for an app: {@code <prefix>_app_<name>}. No user's role can have it:
	 * user roles say {@code _user_}.
	 */
	public String appRoleName(String app) {
		if (app == null || !APP_NAME.matcher(app).matches()) {
			throw new IllegalArgumentException(
					"An app name is lower-case letters, digits and inner hyphens, not '" + app + "'");
		}
		return fit(this.settings.rolePrefix() + "_app_" + app);
	}

	private static String fit(String name) {
		if (name.length() > 64) {
			throw new PolicyLimitExceeded("The role name " + name + " is longer than IAM's 64 characters");
		}
		return name;
	}

	/**
	 * The Athena workgroup the compiled policies let users query through; the reconciler
	 * makes sure it exists.
	 */
	public String athenaWorkgroup() {
		return this.settings.athenaWorkgroup();
	}

	/**
	 * Compiles the user's access.
	 * @param username the user
	 * @param grants the user's active, unexpired grants, direct and through groups, in
	 * any order
	 * @param readOnlyPrefixes per bucket, the prefixes that nobody may write (dataset
	 * versions)
	 * @return the desired role
	 * @throws PolicyLimitExceeded if it cannot fit IAM's limits
	 */
	public DesiredRole compile(String username, Collection<GrantedAccess> grants,
			Map<String, ? extends Collection<String>> readOnlyPrefixes) {
		return compile(username, roleName(username),
				trustPolicy(WorkloadIdentities.userSubject(username, this.settings.serviceAccount())),
				WorkloadIdentities.userSafeName(username) + "/", grants, readOnlyPrefixes);
	}

	/**
	 * Compiles an app's access: the same policies a user with the same grants gets, in
	 * the app's own role, trusted only by the app's service account
	 * ({@link WorkloadIdentities#appSubject}), with its own Athena results prefix
	 * {@code app+<name>/} (no user's safe name contains {@code +}).
	 * @param app the app's name
	 * @param grants the app's active, unexpired grants, in any order
	 * @param readOnlyPrefixes per bucket, the prefixes that nobody may write
	 * @return the desired role; {@link DesiredRole#username()} is the app's name
	 * @throws PolicyLimitExceeded if it cannot fit IAM's limits
	 */
	public DesiredRole compileApp(String app, Collection<GrantedAccess> grants,
			Map<String, ? extends Collection<String>> readOnlyPrefixes) {
		return compile(app, appRoleName(app), trustPolicy(WorkloadIdentities.appSubject(app)), "app+" + app + "/",
				grants, readOnlyPrefixes);
	}

	private DesiredRole compile(String holder, String roleName, String trust, String resultsPrefix,
			Collection<GrantedAccess> grants, Map<String, ? extends Collection<String>> readOnlyPrefixes) {
		if (grants.isEmpty()) {
			return new DesiredRole(holder, roleName, trust, null, List.of(), List.of());
		}
		S3Access s3 = new S3Access();
		TableAccess tables = new TableAccess();
		for (GrantedAccess grant : grants) {
			if (grant.location().kind() == DatasetKind.S3) {
				s3.add(grant);
			}
			else {
				tables.add(grant);
			}
		}
		if (!tables.isEmpty() && this.settings.athenaResultsBucket() != null) {
			s3.add(this.settings.athenaResultsBucket(), resultsPrefix, true);
		}
		List<String> documents = pack(s3, tables, readOnlyPrefixes);
		List<NamedPolicy> managed = new ArrayList<>();
		for (int i = 1; i < documents.size(); i++) {
			managed.add(new NamedPolicy(roleName + "-" + i, documents.get(i)));
		}
		return new DesiredRole(holder, roleName, trust, new NamedPolicy(INLINE_POLICY, documents.get(0)), managed,
				tables.lakeFormationGrants());
	}

	private List<String> pack(S3Access s3, TableAccess tables, Map<String, ? extends Collection<String>> readOnly) {
		PolicyPacker packer = new PolicyPacker(this.settings.inlineLimit(), this.settings.managedLimit(),
				this.settings.maxManaged());
		List<String> readObjects = new ArrayList<>();
		List<String> writeObjects = new ArrayList<>();
		List<String> denyObjects = new ArrayList<>();
		for (Map.Entry<String, Map<String, Boolean>> bucket : s3.buckets.entrySet()) {
			String name = bucket.getKey();
			List<String> reads = Prefixes.minimal(bucket.getValue().keySet());
			List<String> writes = Prefixes.minimal(writePrefixes(bucket.getValue()));
			Collection<String> versions = readOnly.get(name);
			List<String> protectedPrefixes = (versions != null) ? Prefixes.minimal(versions) : List.of();
			writes = writes.stream().filter((prefix) -> !Prefixes.covered(protectedPrefixes, prefix)).toList();
			List<String> writable = writes;
			protectedPrefixes.stream()
				.filter((prefix) -> Prefixes.covered(writable, prefix))
				.forEach((prefix) -> denyObjects.add(objects(name, prefix)));
			packer.add(listStatement(name, reads));
			reads.forEach((prefix) -> readObjects.add(objects(name, prefix)));
			writes.forEach((prefix) -> writeObjects.add(objects(name, prefix)));
		}
		addIfAny(packer, Statement.allow(READ, readObjects));
		addIfAny(packer, Statement.allow(WRITE, writeObjects));
		addIfAny(packer, Statement.deny(SNAPSHOT_WRITES, denyObjects));
		if (!tables.isEmpty()) {
			packer.add(Statement.allow(ATHENA, List.of(arn("athena", "workgroup/" + this.settings.athenaWorkgroup()))));
			packer.add(Statement.allow(GLUE_READ, glueResources(tables)));
			packer.add(Statement.allow(LAKE_FORMATION, List.of("*")));
		}
		return packer.finish();
	}

	private static List<String> writePrefixes(Map<String, Boolean> prefixes) {
		return prefixes.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
	}

	private Statement listStatement(String bucket, List<String> prefixes) {
		String resource = "arn:" + this.settings.partition() + ":s3:::" + bucket;
		if (prefixes.contains("")) {
			return Statement.allow(LIST, List.of(resource));
		}
		return Statement.allowWhen(LIST, resource, "StringLike", "s3:prefix",
				prefixes.stream().map((prefix) -> prefix + "*").toList());
	}

	private String objects(String bucket, String prefix) {
		return "arn:" + this.settings.partition() + ":s3:::" + bucket + "/" + prefix + "*";
	}

	private List<String> glueResources(TableAccess tables) {
		Set<String> resources = new TreeSet<>();
		resources.add(arn("glue", "catalog"));
		for (LakeFormationGrant grant : tables.lakeFormationGrants()) {
			resources.add(arn("glue", "database/" + grant.database()));
			if (!grant.onDatabase()) {
				resources.add(arn("glue", "table/" + grant.database() + "/" + grant.table()));
			}
		}
		return List.copyOf(resources);
	}

	private String arn(String service, String resource) {
		return "arn:" + this.settings.partition() + ":" + service + ":" + this.settings.region() + ":"
				+ this.settings.accountId() + ":" + resource;
	}

	private static void addIfAny(PolicyPacker packer, Statement statement) {
		if (!statement.items().isEmpty()) {
			packer.add(statement);
		}
	}

	private String trustPolicy(String subject) {
		String issuer = this.settings.oidcIssuer();
		return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
				+ Json.string(this.settings.oidcProviderArn())
				+ "},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":{"
				+ Json.string(issuer + ":aud") + ":\"sts.amazonaws.com\"," + Json.string(issuer + ":sub") + ":"
				+ Json.string(subject) + "}}}]}";
	}

	/** Per bucket, per prefix: whether it may be written. */
	private static final class S3Access {

		private final Map<String, Map<String, Boolean>> buckets = new TreeMap<>();

		void add(GrantedAccess grant) {
			DatasetLocation location = grant.location();
			if (grant.paths().isEmpty()) {
				add(location.bucket(), location.rootPrefix(), grant.level().writes());
			}
			for (PathAccess path : grant.paths()) {
				add(location.bucket(), location.rootPrefix() + path.path(), path.level().writes());
			}
		}

		void add(String bucket, String prefix, boolean write) {
			this.buckets.computeIfAbsent(bucket, (key) -> new TreeMap<>()).merge(prefix, write, Boolean::logicalOr);
		}

	}

	/** Per database, per table (or all tables): the highest level. */
	private static final class TableAccess {

		private final Map<String, Map<String, AccessLevel>> databases = new TreeMap<>();

		boolean isEmpty() {
			return this.databases.isEmpty();
		}

		void add(GrantedAccess grant) {
			DatasetLocation location = grant.location();
			if (!grant.paths().isEmpty()) {
				grant.paths().forEach((table) -> add(location.glueDatabase(), table.path(), table.level()));
			}
			else if (location.tables().isEmpty()) {
				add(location.glueDatabase(), LakeFormationGrant.ALL_TABLES, grant.level());
			}
			else {
				location.tables().forEach((table) -> add(location.glueDatabase(), table, grant.level()));
			}
		}

		private void add(String database, String table, AccessLevel level) {
			this.databases.computeIfAbsent(database, (key) -> new TreeMap<>())
				.merge(table, level.forPath(), (a, b) -> a.includes(b) ? a : b);
		}

		List<LakeFormationGrant> lakeFormationGrants() {
			List<LakeFormationGrant> grants = new ArrayList<>();
			for (Map.Entry<String, Map<String, AccessLevel>> database : this.databases.entrySet()) {
				grants.add(new LakeFormationGrant(database.getKey(), null, List.of("DESCRIBE")));
				AccessLevel all = database.getValue().get(LakeFormationGrant.ALL_TABLES);
				database.getValue().forEach((table, level) -> {
					boolean covered = all != null && !table.equals(LakeFormationGrant.ALL_TABLES)
							&& all.includes(level);
					if (!covered) {
						grants.add(new LakeFormationGrant(database.getKey(), table, permissions(level)));
					}
				});
			}
			return grants;
		}

		private static List<String> permissions(AccessLevel level) {
			return level.writes() ? List.of("DELETE", "DESCRIBE", "INSERT", "SELECT") : List.of("DESCRIBE", "SELECT");
		}

	}

}
