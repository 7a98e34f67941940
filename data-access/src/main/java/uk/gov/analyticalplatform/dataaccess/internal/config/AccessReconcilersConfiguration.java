package uk.gov.analyticalplatform.dataaccess.internal.config;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.dataaccess.AppRoleChanges;
import uk.gov.analyticalplatform.dataaccess.UserRoleChanges;
import uk.gov.analyticalplatform.dataaccess.internal.access.AccessRequestService;
import uk.gov.analyticalplatform.dataaccess.internal.access.EffectiveAccess;
import uk.gov.analyticalplatform.dataaccess.internal.access.ExpirySweep;
import uk.gov.analyticalplatform.dataaccess.internal.access.GrantService;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetRows;
import uk.gov.analyticalplatform.dataaccess.internal.policy.PolicyCompiler;
import uk.gov.analyticalplatform.dataaccess.internal.reconcile.AccessStatusService;
import uk.gov.analyticalplatform.dataaccess.internal.reconcile.AwsGateway;
import uk.gov.analyticalplatform.dataaccess.internal.reconcile.DatasetProvisioner;
import uk.gov.analyticalplatform.dataaccess.internal.reconcile.RoleApplier;
import uk.gov.analyticalplatform.dataaccess.internal.status.RoleStatusRows;
import uk.gov.analyticalplatform.reconcile.Backoff;
import uk.gov.analyticalplatform.reconcile.Leadership;
import uk.gov.analyticalplatform.reconcile.ReconcileLoop;
import uk.gov.analyticalplatform.reconcile.ReconcileProperties;
import uk.gov.analyticalplatform.reconcile.ReconcileSignals;
import uk.gov.analyticalplatform.reconcile.StatusRows;
import uk.gov.analyticalplatform.reconcile.TrackedReconciler;

/**
 * The data access reconcilers, each on a loop of the reconcile kernel under the
 * application's one leadership: users' roles (tracked in {@code access_roles}, with
 * backoff), datasets' buckets and Glue databases (tracked in {@code dataset_status}, with
 * backoff), and the expiry sweep. The first two listen to the module's change signals and
 * resync every resync interval.
 */
@Configuration(proxyBeanMethods = false)
class AccessReconcilersConfiguration {

	@Bean
	AccountPolicyCompiler dataAccessAccountPolicies(AwsGateway aws, AwsProperties awsProperties,
			DataAccessProperties properties) {
		return new AccountPolicyCompiler(() -> new PolicyCompiler(
				DataAccessAutoConfiguration.policySettings(properties, awsProperties, aws.accountId())));
	}

	@Bean
	ReconcileLoop<String> dataAccessRoleLoop(RoleStatusRows roles, EffectiveAccess effective, AwsGateway aws,
			AccountPolicyCompiler compiler, AuditLog audit, PlatformTransactionManager transactions,
			Leadership leadership, ObjectProvider<Clock> clock, ReconcileSignals signals,
			DataAccessProperties properties, ReconcileProperties reconcile,
			ObjectProvider<AppRoleChanges> appRoleChanges, ObjectProvider<UserRoleChanges> userRoleChanges) {
		TransactionTemplate template = new TransactionTemplate(transactions);
		DataAccessProperties.Reconciler settings = properties.reconciler();
		RoleApplier applier = new RoleApplier(roles, effective, aws, compiler, audit, template,
				DataAccessAutoConfiguration.clock(clock), properties.rolePrefix(),
				(app) -> appRoleChanges.ifAvailable((changes) -> changes.roleChanged(app)),
				(user) -> userRoleChanges.ifAvailable((changes) -> changes.roleChanged(user)));
		TrackedReconciler<String> reconciler = new TrackedReconciler<>(roles.statuses(), applier,
				new Backoff(settings.baseBackoff(), settings.maxBackoff()), template);
		return listening(signals, new ReconcileLoop<>("dataaccess-reconciler", reconciler, leadership,
				new ReconcileLoop.Settings(settings.enabled(), settings.pollInterval(), settings.resyncInterval())
					.with(reconcile)));
	}

	@Bean
	ReconcileLoop<UUID> dataAccessDatasetLoop(DatasetRows datasets, AwsGateway aws, AccountPolicyCompiler compiler,
			JdbcClient jdbc, PlatformTransactionManager transactions, Leadership leadership,
			ObjectProvider<Clock> clock, ReconcileSignals signals, DataAccessProperties properties) {
		DataAccessProperties.Buckets buckets = properties.buckets();
		DataAccessProperties.Reconciler settings = properties.reconciler();
		DatasetProvisioner provisioner = new DatasetProvisioner(datasets, aws, compiler,
				new DatasetProvisioner.Settings(buckets.infrequentAccessDays(), buckets.archiveDays(),
						buckets.kmsKeyId(), buckets.tlsOnly(), buckets.archiveStorageClass(),
						blankToNull(buckets.accessLogBucket()), buckets.uploadOrigins()));
		StatusRows<UUID> statuses = new StatusRows<>(jdbc, DataAccessAutoConfiguration.clock(clock), signals,
				"dataset_status", "dataset_id", UUID.class);
		TrackedReconciler<UUID> reconciler = new TrackedReconciler<>(statuses, provisioner,
				new Backoff(settings.baseBackoff(), settings.maxBackoff()), new TransactionTemplate(transactions));
		return listening(signals, new ReconcileLoop<>("dataaccess-datasets", reconciler, leadership,
				new ReconcileLoop.Settings(settings.enabled(), settings.pollInterval(), settings.resyncInterval())));
	}

	@Bean
	ReconcileLoop<ExpirySweep.Expired> dataAccessExpiryLoop(GrantService grants, AccessRequestService requests,
			PlatformTransactionManager transactions, Leadership leadership, ObjectProvider<Clock> clock,
			DataAccessProperties properties) {
		ExpirySweep sweep = new ExpirySweep(grants, requests, new TransactionTemplate(transactions),
				DataAccessAutoConfiguration.clock(clock), properties.requestTtl());
		DataAccessProperties.Reconciler settings = properties.reconciler();
		return new ReconcileLoop<>("dataaccess-expiry", sweep, leadership,
				new ReconcileLoop.Settings(settings.enabled(), settings.sweepInterval(), null));
	}

	@Bean
	AccessStatusService dataAccessStatus(EffectiveAccess effective, RoleStatusRows roles,
			@Qualifier("dataAccessRoleLoop") ReconcileLoop<String> roleLoop,
			@Qualifier("dataAccessDatasetLoop") ReconcileLoop<UUID> datasetLoop, AwsProperties aws,
			DataAccessProperties properties, GrantService grants) {
		return new AccessStatusService(effective, roles,
				new PolicyCompiler(DataAccessAutoConfiguration.policySettings(properties, aws,
						DataAccessAutoConfiguration.ANY_ACCOUNT)),
				List.of(roleLoop, datasetLoop), grants::activeForApp);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	private static <K> ReconcileLoop<K> listening(ReconcileSignals signals, ReconcileLoop<K> loop) {
		signals.listen(loop);
		return loop;
	}

	/**
	 * The policy compiler for the control plane's own account, compiled on first use
	 * (asking AWS for the account id).
	 */
	static final class AccountPolicyCompiler implements Supplier<PolicyCompiler> {

		private final Supplier<PolicyCompiler> compile;

		private volatile PolicyCompiler compiled;

		AccountPolicyCompiler(Supplier<PolicyCompiler> compile) {
			this.compile = compile;
		}

		@Override
		public PolicyCompiler get() {
			if (this.compiled == null) {
				this.compiled = this.compile.get();
			}
			return this.compiled;
		}

	}

}
