package uk.gov.analyticalplatform.toollauncher.internal.instances;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.dataaccess.AccessStatus;
import uk.gov.analyticalplatform.dataaccess.UserRoleChanges;
import uk.gov.analyticalplatform.kubernetes.KubernetesObjects;
import uk.gov.analyticalplatform.reconcile.Backoff;
import uk.gov.analyticalplatform.reconcile.ChangeFeed;
import uk.gov.analyticalplatform.reconcile.Leadership;
import uk.gov.analyticalplatform.reconcile.ReconcileLoop;
import uk.gov.analyticalplatform.reconcile.ReconcileProperties;
import uk.gov.analyticalplatform.reconcile.ReconcileSignals;
import uk.gov.analyticalplatform.reconcile.StatusRows;
import uk.gov.analyticalplatform.reconcile.TrackedReconciler;
import uk.gov.analyticalplatform.toollauncher.internal.catalogue.CatalogueRows;
import uk.gov.analyticalplatform.toollauncher.internal.manifests.ToolSettings;

/**
 * Users' instances and their reconciler: the service, the kernel loop that applies
 * instances (under the leadership), the pod watch that observes them, the sweep, and the
 * replica's followers of instances, fed by the kernel's change feed.
 */
@Configuration(proxyBeanMethods = false)
public class ToolInstancesConfiguration {

	private final ReconcileSignals signals = new ReconcileSignals();

	@Bean
	InstanceRows toolInstanceRows(DataSource dataSource, ObjectProvider<Clock> clocks) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		Clock clock = clocks.getIfAvailable(Clock::systemUTC);
		return new InstanceRows(jdbc, clock,
				new StatusRows<>(jdbc, clock, this.signals, InstanceRows.TABLE, "id", UUID.class));
	}

	@Bean
	InstanceObserver toolInstanceObserver(InstanceRows rows, KubernetesObjects objects, ToolsProperties properties) {
		return new InstanceObserver(rows, objects, properties.startLimit(), properties.reconciler().enabled());
	}

	@Bean
	InstanceService toolInstances(InstanceRows rows, CatalogueRows catalogue, AuditLog audit,
			PlatformTransactionManager transactions, ObjectProvider<Clock> clock, ToolsProperties properties,
			InstanceObserver observer) {
		return new InstanceService(rows, catalogue, audit, new TransactionTemplate(transactions),
				clock.getIfAvailable(Clock::systemUTC), properties.domain(), observer::startNext);
	}

	@Bean
	InstanceWatches toolInstanceWatches(ChangeFeed feed, InstanceRows rows, InstanceService instances) {
		return new InstanceWatches(feed, rows, instances::view);
	}

	@Bean
	ReconcileLoop<UUID> toolInstanceLoop(InstanceRows rows, CatalogueRows catalogue, KubernetesObjects objects,
			InstanceObserver observer, AuditLog audit, PlatformTransactionManager transactions, Leadership leadership,
			ToolSettings settings, ToolsProperties properties, ObjectProvider<AccessStatus> access,
			ReconcileProperties reconcile) {
		ToolsProperties.Reconciler timing = properties.reconciler();
		TransactionTemplate template = new TransactionTemplate(transactions);
		InstanceApplier applier = new InstanceApplier(rows, catalogue, objects, observer, audit, settings,
				roleArns(access), properties.startLimit(), template, leadership);
		TrackedReconciler<UUID> reconciler = new TrackedReconciler<>(rows.status(), applier,
				new Backoff(timing.baseBackoff(), timing.maxBackoff()), template);
		ReconcileLoop<UUID> loop = new ReconcileLoop<>("tool-instances", reconciler, leadership,
				new ReconcileLoop.Settings(timing.enabled(), timing.pollInterval(), timing.resyncInterval())
					.with(reconcile));
		this.signals.listen(loop);
		return loop;
	}

	@Bean
	ReconcileLoop<String> toolSweepLoop(InstanceRows rows, InstanceService instances, Leadership leadership,
			ToolsProperties properties) {
		ToolsProperties.Reconciler timing = properties.reconciler();
		return new ReconcileLoop<>("tool-sweep", new ToolSweep(rows, instances, properties.startTimeout()), leadership,
				new ReconcileLoop.Settings(timing.enabled(), timing.sweepInterval(), null));
	}

	/**
	 * Data access tells when a user's IAM role appears, changes or goes away: their
	 * instances are reconciled again at once, so that their service account carries the
	 * role and their instances know whether the running pod has it (a running tool is
	 * never restarted for it: its owner is told to).
	 */
	@Bean
	UserRoleChanges toolUserRoleChanges(InstanceRows rows) {
		return (user) -> rows.requeueUser(UUID.fromString(user.userId()));
	}

	/** The user's IAM role's ARN from data access, once AWS has it; none without it. */
	private static Function<InstanceRow, String> roleArns(ObjectProvider<AccessStatus> access) {
		return (row) -> {
			AccessStatus status = access.getIfAvailable();
			return (status != null) ? status.userRoleArn(row.userId().toString()) : null;
		};
	}

}
