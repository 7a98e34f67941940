package uk.gov.analyticalplatform.bench.dataaccess;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import uk.gov.analyticalplatform.dataaccess.AccessLevel;
import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.dataaccess.internal.access.EffectiveAccess;
import uk.gov.analyticalplatform.dataaccess.internal.policy.DesiredRole;
import uk.gov.analyticalplatform.dataaccess.internal.policy.GrantedAccess;
import uk.gov.analyticalplatform.dataaccess.internal.policy.PolicyCompiler;
import uk.gov.analyticalplatform.dataaccess.internal.policy.PolicySettings;
import uk.gov.analyticalplatform.testing.PlatformServices;
import uk.gov.analyticalplatform.testing.TestDatabases;

/**
 * The policy compiler at the scale (10,000 users, 2,000 datasets, 100,000
 * grants): compiling every user's role, recompiling one user after one grant change in
 * memory, and the reconciler's real path for one user (effective grants read from
 * PostgreSQL, then compiled). Every loop is bounded. Run with
 * {@code scripts/bench.sh data-access}.
 */
public final class DataAccessBenchmark {

	private static final PolicyCompiler compiler = new PolicyCompiler(
			PolicySettings.withIamLimits("aws", "123456789012", "eu-west-2", "ap",
					"arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-2.amazonaws.com/id/BENCH", "analyst",
					"primary", "athena-results"));

	private DataAccessBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		long start = System.nanoTime();
		Population population = new Population();
		List<List<GrantedAccess>> effective = population.effective();
		System.out.printf(
				"data access benchmark: %,d users, %,d datasets, %,d grants (%,d effective), built in %d ms%n",
				Population.USERS, Population.DATASETS, population.grants.size(),
				effective.stream().mapToInt(List::size).sum(), (System.nanoTime() - start) / 1_000_000);
		compileEveryone(population, effective);
		recompileOneInMemory(population, effective);
		recompileOneFromDatabase(population);
	}

	private static void compileEveryone(Population population, List<List<GrantedAccess>> effective) {
		long[] runs = new long[7];
		int managed = 0;
		long characters = 0;
		for (int run = 0; run < runs.length; run++) {
			long start = System.nanoTime();
			managed = 0;
			characters = 0;
			for (int user = 0; user < Population.USERS; user++) {
				DesiredRole role = compiler.compile(Population.username(user), effective.get(user),
						population.versions);
				managed += role.managedPolicies().size();
				characters += role.hasAccess() ? role.inlinePolicy().document().length() : 0;
			}
			runs[run] = System.nanoTime() - start;
		}
		System.out.printf(
				"compile every user's role: first run %d ms, then best %d ms, median %d ms "
						+ "(goal < 5,000 ms); %,d managed spill-over policies, mean inline policy %,d characters%n",
				runs[0] / 1_000_000, Arrays.stream(runs, 2, runs.length).min().orElseThrow() / 1_000_000,
				median(Arrays.copyOfRange(runs, 2, runs.length)) / 1_000_000, managed, characters / Population.USERS);
	}

	private static void recompileOneInMemory(Population population, List<List<GrantedAccess>> effective) {
		Random random = new Random(7);
		int iterations = 20_000;
		long[] times = new long[iterations];
		for (int i = 0; i < iterations; i++) {
			int user = random.nextInt(Population.USERS);
			List<GrantedAccess> grants = new ArrayList<>(effective.get(user));
			if (!grants.isEmpty()) {
				GrantedAccess changed = grants.get(random.nextInt(grants.size()));
				grants.set(grants.indexOf(changed),
						new GrantedAccess(changed.location(),
								(changed.level() == AccessLevel.READ) ? AccessLevel.READ_WRITE : AccessLevel.READ,
								changed.paths().stream().map((p) -> p).toList()));
			}
			long start = System.nanoTime();
			compiler.compile(Population.username(user), grants, population.versions);
			times[i] = System.nanoTime() - start;
		}
		report("recompile one user after one grant change, in memory", Arrays.copyOfRange(times, 5_000, iterations));
	}

	private static void recompileOneFromDatabase(Population population) throws Exception {
		String database = TestDatabases.create("bench_data_access");
		String url = PlatformServices.get().jdbcUrl(database);
		try {
			Flyway.configure()
				.dataSource(url, TestDatabases.OWNER_ROLE, TestDatabases.OWNER_ROLE)
				.locations("classpath:db/migration/dataaccess")
				.placeholders(Map.of("app_role", TestDatabases.APP_ROLE))
				.load()
				.migrate();
			long start = System.nanoTime();
			try (Connection connection = TestDatabases.application(database)) {
				population.load(connection);
			}
			System.out.printf("loaded PostgreSQL in %d ms%n", (System.nanoTime() - start) / 1_000_000);
			SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, TestDatabases.APP_ROLE,
					TestDatabases.APP_ROLE, true);
			try {
				measureFromDatabase(dataSource);
			}
			finally {
				dataSource.destroy();
			}
		}
		finally {
			try (Connection connection = TestDatabases.superuser("postgres")) {
				connection.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			}
		}
	}

	private static void measureFromDatabase(DataSource dataSource) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("ANALYZE").update();
		EffectiveAccess effective = new EffectiveAccess(jdbc, Clock.systemUTC());
		Random random = new Random(11);
		int iterations = 3_000;
		long[] times = new long[iterations];
		for (int i = 0; i < iterations; i++) {
			int user = random.nextInt(Population.USERS);
			changeOneGrant(jdbc, user);
			long start = System.nanoTime();
			effective.desired(compiler, new UserRef("u-" + user, Population.username(user)));
			times[i] = System.nanoTime() - start;
		}
		report("recompile one user after one grant change, grants read from PostgreSQL",
				Arrays.copyOfRange(times, 500, iterations));
	}

	/**
	 * Replaces one of the user's active grants by one of the other level, as a decision
	 * would.
	 */
	private static void changeOneGrant(JdbcClient jdbc, int user) {
		jdbc.sql("""
				WITH old AS (
				  UPDATE grants SET revoked_at = now(), revoked_by = 'bench', revoke_reason = 'replaced'
				   WHERE id = (SELECT id FROM grants WHERE user_id = :user AND revoked_at IS NULL LIMIT 1)
				  RETURNING dataset_id, user_id, username, level)
				INSERT INTO grants (id, dataset_id, principal_type, user_id, username, level, granted_at, granted_by_id,
				  granted_by_username)
				SELECT gen_random_uuid(), dataset_id, 'USER', user_id, username,
				       CASE level WHEN 'READ' THEN 'READ_WRITE' ELSE 'READ' END, now(), 'u-admin', 'admin' FROM old
				""").param("user", "u-" + user).update();
	}

	private static void report(String what, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		System.out.printf("%s: median %.3f ms, p99 %.3f ms, max %.3f ms over %,d (goal < 5 ms)%n", what,
				sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
				sorted[sorted.length - 1] / 1e6, sorted.length);
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
