package uk.gov.analyticalplatform.api.deploy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import uk.gov.analyticalplatform.api.PlatformApplication;
import uk.gov.analyticalplatform.testing.PlatformServices;
import uk.gov.analyticalplatform.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a Deployment of several replicas does on a first install or an upgrade: the
 * replicas start at the same moment against one database, each runs Flyway, and the
 * migrations are applied exactly once (Flyway holds a PostgreSQL lock while it migrates;
 * the replica that waits finds nothing left to do).
 */
class ReplicasStartingTogetherIT {

	@Test
	void twoReplicasStartingTogetherOnAnEmptyDatabaseMigrateItOnceAndBothBecomeReady() throws Exception {
		String database = TestDatabases.create("replicas");
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		List<CompletableFuture<ConfigurableApplicationContext>> replicas = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			replicas.add(CompletableFuture.supplyAsync(() -> {
				awaitQuietly(go);
				return start(database);
			}, threads));
		}
		go.countDown();
		List<ConfigurableApplicationContext> started = new ArrayList<>();
		try {
			for (CompletableFuture<ConfigurableApplicationContext> replica : replicas) {
				started.add(replica.get(3, TimeUnit.MINUTES));
			}
			assertThat(started)
				.allSatisfy((context) -> assertThat(context.getBean(ApplicationAvailability.class).getReadinessState())
					.isEqualTo(ReadinessState.ACCEPTING_TRAFFIC));
			assertEveryMigrationAppliedOnce(database);
		}
		finally {
			started.forEach(ConfigurableApplicationContext::close);
			threads.shutdown();
		}
	}

	private static void assertEveryMigrationAppliedOnce(String database) throws Exception {
		try (Connection connection = TestDatabases.superuser(database);
				ResultSet history = connection.createStatement()
					.executeQuery("SELECT count(*), count(DISTINCT version), count(*) FILTER (WHERE NOT success) "
							+ "FROM flyway_schema_history WHERE version IS NOT NULL")) {
			history.next();
			assertThat(history.getInt(1)).as("migrations applied").isGreaterThan(5);
			assertThat(history.getInt(2)).as("distinct versions").isEqualTo(history.getInt(1));
			assertThat(history.getInt(3)).as("failed").isZero();
		}
	}

	private static ConfigurableApplicationContext start(String database) {
		// as command line arguments: they win over application.yaml, as a replica's
		// environment does
		return new SpringApplicationBuilder(PlatformApplication.class).run("--server.port=0",
				"--management.server.port=0", "--spring.datasource.url=" + PlatformServices.get().jdbcUrl(database),
				"--spring.datasource.username=" + TestDatabases.APP_ROLE,
				"--spring.datasource.password=" + TestDatabases.APP_ROLE,
				"--spring.flyway.user=" + TestDatabases.OWNER_ROLE,
				"--spring.flyway.password=" + TestDatabases.OWNER_ROLE);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
