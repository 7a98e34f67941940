package uk.gov.analyticalplatform.dataaccess.internal.config;

import java.time.Clock;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.dataaccess.AppOwnership;
import uk.gov.analyticalplatform.dataaccess.AccessNotificationSender;
import uk.gov.analyticalplatform.dataaccess.DataFlows;
import uk.gov.analyticalplatform.dataaccess.internal.access.AccessRequestService;
import uk.gov.analyticalplatform.dataaccess.internal.access.AppOwnerNotices;
import uk.gov.analyticalplatform.dataaccess.internal.access.EffectiveAccess;
import uk.gov.analyticalplatform.dataaccess.internal.access.GrantService;
import uk.gov.analyticalplatform.dataaccess.internal.access.NotificationDelivery;
import uk.gov.analyticalplatform.dataaccess.internal.access.NotificationOutbox;
import uk.gov.analyticalplatform.dataaccess.internal.aws.AwsAdapter;
import uk.gov.analyticalplatform.dataaccess.internal.aws.AwsClients;
import uk.gov.analyticalplatform.dataaccess.internal.aws.S3AccessLogs;
import uk.gov.analyticalplatform.dataaccess.internal.aws.S3Objects;
import uk.gov.analyticalplatform.dataaccess.internal.aws.S3Uploads;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.ObjectStore;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetCatalogService;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetRows;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetVersionService;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.GroupRows;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.GroupService;
import uk.gov.analyticalplatform.dataaccess.internal.policy.PolicyCompiler;
import uk.gov.analyticalplatform.dataaccess.internal.flows.FlowsConfiguration;
import uk.gov.analyticalplatform.dataaccess.internal.proposal.ProposalConfiguration;
import uk.gov.analyticalplatform.dataaccess.internal.upload.UploadConfiguration;
import uk.gov.analyticalplatform.dataaccess.internal.upload.UploadStore;
import uk.gov.analyticalplatform.dataaccess.internal.policy.PolicySettings;
import uk.gov.analyticalplatform.dataaccess.internal.status.RoleStatusRows;
import uk.gov.analyticalplatform.reconcile.ReconcileLoop;
import uk.gov.analyticalplatform.reconcile.ReconcileSignals;

/**
 * Wires the data access module over the application's one {@link JdbcClient}, transaction
 * manager and audit log, and the AWS SDK clients. Notifications of access requests and of
 * new owners of apps that hold grants are queued and delivered only when the application
 * provides an {@link AccessNotificationSender}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration")
@EnableConfigurationProperties({ DataAccessProperties.class, AwsProperties.class })
@Import({ AccessReconcilersConfiguration.class, ProposalConfiguration.class, UploadConfiguration.class,
		FlowsConfiguration.class })
public class DataAccessAutoConfiguration {

	/**
	 * Account ids are always 12 digits, so checks compile exactly the sizes AWS will see.
	 */
	static final String ANY_ACCOUNT = "000000000000";

	@Bean(destroyMethod = "close")
	AwsClients dataAccessAwsClients(AwsProperties aws) {
		return new AwsClients(aws.region(), aws.endpoint(), aws.accessKeyId(), aws.secretAccessKey(), aws.maxAttempts(),
				aws.throttlingBackoff());
	}

	@Bean
	AwsAdapter dataAccessAwsAdapter(AwsClients clients, AwsProperties aws, DataAccessProperties properties) {
		return new AwsAdapter(clients, aws.region(), aws.partition(), "control-plane:" + properties.rolePrefix(),
				aws.accountId());
	}

	@Bean
	ReconcileSignals dataAccessSignals() {
		return new ReconcileSignals();
	}

	@Bean
	RoleStatusRows dataAccessRoles(JdbcClient jdbc, ObjectProvider<Clock> clock, ReconcileSignals signals) {
		return new RoleStatusRows(jdbc, clock(clock), signals);
	}

	@Bean
	DatasetRows dataAccessDatasetRows(JdbcClient jdbc) {
		return new DatasetRows(jdbc);
	}

	@Bean
	GroupRows dataAccessGroupRows(JdbcClient jdbc) {
		return new GroupRows(jdbc);
	}

	@Bean
	GroupService dataAccessGroups(GroupRows groups, RoleStatusRows roles, AuditLog audit,
			PlatformTransactionManager transactions, ObjectProvider<Clock> clock) {
		return new GroupService(groups, roles, audit, new TransactionTemplate(transactions), clock(clock));
	}

	@Bean
	DatasetCatalogService dataAccessCatalog(DatasetRows datasets, GroupRows groups, AuditLog audit,
			PlatformTransactionManager transactions, ObjectProvider<Clock> clock, ReconcileSignals signals) {
		return new DatasetCatalogService(datasets, groups, audit, new TransactionTemplate(transactions), clock(clock),
				signals);
	}

	@Bean
	DatasetVersionService dataAccessVersions(JdbcClient jdbc, DatasetRows datasets, DatasetCatalogService catalog,
			RoleStatusRows roles, ObjectStore objects, AuditLog audit, PlatformTransactionManager transactions,
			ObjectProvider<Clock> clock) {
		return new DatasetVersionService(jdbc, datasets, catalog, roles, objects, audit,
				new TransactionTemplate(transactions), clock(clock));
	}

	@Bean
	ObjectStore dataAccessObjects(AwsClients clients) {
		return new S3Objects(clients);
	}

	@Bean
	UploadStore dataAccessUploadStore(AwsClients clients) {
		return new S3Uploads(clients);
	}

	@Bean
	UploadConfiguration.UploadDirect dataAccessUploadDirect(DataAccessProperties properties) {
		return new UploadConfiguration.UploadDirect(!properties.buckets().uploadOrigins().isEmpty(),
				properties.reconciler().enabled());
	}

	@Bean
	FlowsConfiguration.FlowSource dataAccessFlowSource(AwsClients clients, DataAccessProperties properties) {
		String logBucket = properties.buckets().accessLogBucket();
		boolean configured = logBucket != null && !logBucket.isBlank();
		return new FlowsConfiguration.FlowSource(new S3AccessLogs(clients, configured ? logBucket : "unset"),
				properties.rolePrefix(), configured && properties.reconciler().enabled());
	}

	@Bean
	EffectiveAccess dataAccessEffectiveAccess(JdbcClient jdbc, ObjectProvider<Clock> clock) {
		return new EffectiveAccess(jdbc, clock(clock));
	}

	@Bean
	GrantService dataAccessGrants(JdbcClient jdbc, DatasetRows datasets, GroupRows groups,
			DatasetCatalogService catalog, EffectiveAccess effective, RoleStatusRows roles, AuditLog audit,
			PlatformTransactionManager transactions, ObjectProvider<Clock> clock, AwsProperties aws,
			DataAccessProperties properties, ObjectProvider<AppOwnership> appOwnership,
			ObjectProvider<DataFlows> flows) {
		PolicyCompiler checks = new PolicyCompiler(policySettings(properties, aws, ANY_ACCOUNT));
		return new GrantService(jdbc, datasets, groups, catalog, effective, checks, roles, audit,
				new TransactionTemplate(transactions), clock(clock), appOwnership::getIfAvailable,
				(dataset) -> flows.getObject().lastReads(dataset));
	}

	@Bean
	NotificationOutbox dataAccessNotificationOutbox(JdbcClient jdbc, ObjectProvider<AccessNotificationSender> sender,
			ObjectProvider<Clock> clock) {
		return new NotificationOutbox(jdbc, sender.getIfAvailable() != null, clock(clock));
	}

	@Bean
	AccessRequestService dataAccessRequests(JdbcClient jdbc, DatasetRows datasets, DatasetCatalogService catalog,
			GrantService grants, AuditLog audit, NotificationOutbox notifications,
			PlatformTransactionManager transactions, ObjectProvider<Clock> clock) {
		return new AccessRequestService(jdbc, datasets, catalog, grants, audit, notifications,
				new TransactionTemplate(transactions), clock(clock));
	}

	@Bean
	AppOwnerNotices dataAccessAppOwnerNotices(GrantService grants, DatasetRows datasets,
			NotificationOutbox notifications) {
		return new AppOwnerNotices(grants, datasets, notifications);
	}

	@Bean
	@ConditionalOnBean(AccessNotificationSender.class)
	NotificationDelivery dataAccessNotificationDelivery(NotificationOutbox outbox, AccessRequestService requests,
			GrantService grants, DatasetRows datasets, AccessNotificationSender sender,
			PlatformTransactionManager transactions, ObjectProvider<Clock> clock, DataAccessProperties properties) {
		DataAccessProperties.Notifications notifications = properties.notifications();
		return new NotificationDelivery(outbox, requests, grants, datasets, sender,
				new TransactionTemplate(transactions), clock(clock),
				new NotificationDelivery.Settings(notifications.pollInterval(), notifications.maxAttempts(),
						notifications.baseBackoff(), notifications.maxBackoff()));
	}

	@Bean
	@ConditionalOnBean(AccessNotificationSender.class)
	ReconcileLoop<UUID> dataAccessNotificationLoop(NotificationDelivery delivery) {
		return delivery.loop();
	}

	static PolicySettings policySettings(DataAccessProperties properties, AwsProperties aws, String accountId) {
		String oidcProvider = (properties.oidcProviderArn() != null && !properties.oidcProviderArn().isBlank())
				? properties.oidcProviderArn()
				: "arn:" + aws.partition() + ":iam::" + accountId + ":oidc-provider/" + properties.oidcIssuer();
		return PolicySettings.withIamLimits(aws.partition(), accountId, aws.region(), properties.rolePrefix(),
				oidcProvider, properties.serviceAccount(), properties.athenaWorkgroup(),
				properties.athenaResultsBucket());
	}

	static Clock clock(ObjectProvider<Clock> clock) {
		return clock.getIfAvailable(Clock::systemUTC);
	}

}
