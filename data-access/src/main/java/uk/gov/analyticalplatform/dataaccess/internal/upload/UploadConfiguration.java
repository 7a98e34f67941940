package uk.gov.analyticalplatform.dataaccess.internal.upload;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.dataaccess.DatasetUploads;
import uk.gov.analyticalplatform.dataaccess.DatasetVersions;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetCatalogService;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetRows;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.ObjectStore;
import uk.gov.analyticalplatform.reconcile.Leadership;
import uk.gov.analyticalplatform.reconcile.ReconcileLoop;

/**
 * Wires uploads: the service over S3 multipart uploads, a pool of daemon threads that
 * send parts, and the leader's sweep of abandoned uploads.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UploadProperties.class)
public class UploadConfiguration {

	@Bean(destroyMethod = "close")
	UploadService dataAccessUploads(JdbcClient jdbc, DatasetRows datasets, DatasetCatalogService catalog,
			DatasetVersions versions, UploadStore store, ObjectStore objects, AuditLog audit,
			PlatformTransactionManager transactions, ObjectProvider<Clock> clock, UploadProperties properties,
			UploadDirect direct) {
		return new UploadService(jdbc, datasets, catalog, versions, store, objects, audit,
				new TransactionTemplate(transactions), clock.getIfAvailable(Clock::systemUTC),
				new UploadService.UploadSettings(properties.partSize().toBytes(), properties.parallelism(),
						direct.enabled(), properties.presignFor(), properties.abandonAfter()),
				senders());
	}

	@Bean
	ReconcileLoop<UUID> dataAccessAbandonedUploads(UploadService uploads, Leadership leadership,
			ObjectProvider<Clock> clock, UploadProperties properties, UploadDirect direct) {
		return new ReconcileLoop<>("dataaccess-uploads",
				new AbandonedUploadSweep(uploads, clock.getIfAvailable(Clock::systemUTC), properties.abandonAfter()),
				leadership, new ReconcileLoop.Settings(direct.reconcilerEnabled(), properties.sweepInterval(), null));
	}

	/** Daemon threads that send parts; each upload bounds its own parts in flight. */
	private static ExecutorService senders() {
		AtomicInteger count = new AtomicInteger();
		return Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "upload-part-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Whether browsers may send parts straight to S3 (the buckets allow the control
	 * panel's origin), and whether the leader's loops run.
	 *
	 * @param enabled whether direct uploads are allowed
	 * @param reconcilerEnabled whether the reconcilers run in this instance
	 */
	public record UploadDirect(boolean enabled, boolean reconcilerEnabled) {

	}

}
