package uk.gov.analyticalplatform.appdeploy.internal.apps;

import java.time.Clock;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.analyticalplatform.appdeploy.AppOwner;
import uk.gov.analyticalplatform.dataaccess.AccessStatus;
import uk.gov.analyticalplatform.dataaccess.AppOwnerChanges;
import uk.gov.analyticalplatform.dataaccess.AppOwnership;
import uk.gov.analyticalplatform.appdeploy.Availability;
import uk.gov.analyticalplatform.appdeploy.AppsProperties;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.identity.SealingKeys;

/**
 * The app services over the application's DataSource, transaction manager and audit log.
 */
@Configuration(proxyBeanMethods = false)
public class AppsConfiguration {

	/**
	 * How long registering a version waits for the registry before storing the tag as
	 * given.
	 */
	static final Duration REGISTRY_TIMEOUT = Duration.ofSeconds(5);

	@Bean
	SecretSeal appSecretSeal(AppsProperties properties) {
		AppsProperties.Secrets secrets = properties.secrets();
		return new SecretSeal(
				new SealingKeys("platform.apps.secrets", secrets.encryptionKeys(), secrets.activeKeyId()));
	}

	@Bean
	AppDirectory appDirectory(DataSource dataSource, Rollouts rollouts, AppsProperties properties) {
		return new AppDirectory(new AppRows(JdbcClient.create(dataSource)), rollouts,
				new AppDirectory.Settings(properties.maxViewers(), properties.versionsKept(), properties.domain(),
						new Availability(properties.availabilityTarget(), properties.availabilitySupport(),
								properties.availabilityNotice())));
	}

	/**
	 * Data access asks who owns an app: only an owner requests access for it, and no
	 * owner decides that request or grants to it.
	 */
	@Bean
	AppOwnership appOwnership(DataSource dataSource) {
		AppRows rows = new AppRows(JdbcClient.create(dataSource));
		return new AppOwnership() {

			@Override
			public Optional<Set<String>> owners(String app) {
				return rows.find(app)
					.map((row) -> rows.owners(row.id()).stream().map(AppOwner::userId).collect(Collectors.toSet()));
			}

			@Override
			public List<Owner> ownersSince(String app) {
				return rows.ownersSince(app);
			}

		};
	}

	/**
	 * Data access says which datasets an app reaches, for the audit event of a new owner,
	 * and is told of the new owner in the same transaction.
	 */
	@Bean
	AppService apps(DataSource dataSource, AppDirectory directory, Rollouts rollouts, AuditLog audit,
			PlatformTransactionManager transactions, Clock clock, ObjectProvider<AccessStatus> access,
			ObjectProvider<AppOwnerChanges> ownerChanges) {
		return new AppService(new AppRows(JdbcClient.create(dataSource)), directory, rollouts, audit,
				new TransactionTemplate(transactions), clock, (app) -> {
					AccessStatus status = access.getIfAvailable();
					return (status != null)
							? status.appGrants(app).stream().map((grant) -> grant.dataset().name()).distinct().toList()
							: List.of();
				}, (added) -> ownerChanges.ifAvailable((changes) -> changes.ownerAdded(added)));
	}

	@Bean
	ViewerService appViewers(DataSource dataSource, AppDirectory directory, AuditLog audit,
			PlatformTransactionManager transactions, Clock clock) {
		return new ViewerService(directory, new ViewerRows(JdbcClient.create(dataSource)), audit,
				new TransactionTemplate(transactions), clock);
	}

	@Bean
	ReleaseService appReleases(DataSource dataSource, AppDirectory directory, Rollouts rollouts, AuditLog audit,
			PlatformTransactionManager transactions, Clock clock) {
		return new ReleaseService(directory, new VersionRows(JdbcClient.create(dataSource)), rollouts, audit,
				new TransactionTemplate(transactions), clock, new ImageDigests(REGISTRY_TIMEOUT));
	}

	@Bean
	SettingsService appSettings(DataSource dataSource, AppDirectory directory, SecretSeal seal, Rollouts rollouts,
			AuditLog audit, PlatformTransactionManager transactions, Clock clock) {
		return new SettingsService(directory, new SettingRows(JdbcClient.create(dataSource)), seal, rollouts, audit,
				new TransactionTemplate(transactions), clock);
	}

	@Bean
	AppSpecs appSpecs(DataSource dataSource, SecretSeal seal) {
		return new AppSpecs(JdbcClient.create(dataSource), seal);
	}

	@Bean
	ViewableAppRows viewableApps(DataSource dataSource, AppsProperties properties) {
		return new ViewableAppRows(JdbcClient.create(dataSource), properties.domain());
	}

}
