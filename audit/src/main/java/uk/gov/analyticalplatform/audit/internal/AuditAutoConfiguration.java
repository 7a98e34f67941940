package uk.gov.analyticalplatform.audit.internal;

import java.time.Clock;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.analyticalplatform.audit.AuditEvents;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.audit.AuditProperties;
import uk.gov.analyticalplatform.audit.AuditRequestContext;

/** Wires the audit log over the application's DataSource and transaction manager. */
@AutoConfiguration
@EnableConfigurationProperties(AuditProperties.class)
public class AuditAutoConfiguration {

	private static final int STREAM_FETCH_SIZE = 5000;

	@Bean
	AuditSequencer auditSequencer(DataSource dataSource, PlatformTransactionManager transactionManager,
			ObjectProvider<Clock> clock, AuditProperties properties) {
		return new AuditSequencer(new JdbcTemplate(dataSource), new TransactionTemplate(transactionManager),
				clock.getIfAvailable(Clock::systemUTC), properties.chainBatchSize());
	}

	@Bean
	AuditLog auditLog(DataSource dataSource, ObjectProvider<AuditRequestContext> requestContext,
			AuditSequencer sequencer, ObjectProvider<Clock> clock) {
		return new JdbcAuditLog(new JdbcTemplate(dataSource), requestContext.getIfAvailable(() -> Optional::empty),
				sequencer, clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	CheckpointSigner auditCheckpointSigner(AuditProperties properties) {
		return new CheckpointSigner(properties.checkpoint());
	}

	@Bean
	Checkpoints auditCheckpoints(DataSource dataSource, PlatformTransactionManager transactionManager,
			CheckpointSigner signer, ObjectProvider<Clock> clock) {
		return new Checkpoints(new JdbcTemplate(dataSource), new TransactionTemplate(transactionManager), signer,
				clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	AuditEvents auditEvents(DataSource dataSource, PlatformTransactionManager transactionManager, AuditLog auditLog,
			AuditSequencer sequencer, Checkpoints checkpoints, CheckpointSigner signer) {
		JdbcTemplate streaming = new JdbcTemplate(dataSource);
		streaming.setFetchSize(STREAM_FETCH_SIZE);
		TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
		readOnly.setReadOnly(true);
		ChainVerifier verifier = new ChainVerifier(streaming, readOnly, checkpoints, signer);
		return new JdbcAuditEvents(new JdbcTemplate(dataSource), streaming, new TransactionTemplate(transactionManager),
				auditLog, sequencer, checkpoints, verifier);
	}

	@Bean
	AuditSchedule auditSchedule(AuditSequencer sequencer, Checkpoints checkpoints, AuditProperties properties) {
		return new AuditSchedule(sequencer, checkpoints, properties.chainInterval(), properties.linkDelay(),
				properties.checkpoint().interval());
	}

}
