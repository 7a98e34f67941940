package uk.gov.analyticalplatform.identity.internal.account;

import java.time.Clock;
import java.util.EnumSet;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import uk.gov.analyticalplatform.audit.Actor;
import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.identity.BootstrapProperties;
import uk.gov.analyticalplatform.identity.PasswordRejected;
import uk.gov.analyticalplatform.identity.Role;

/**
 * Creates the first platform admin from configuration when, and only when, there are no
 * users at all. The admin must change the password at first sign-in. Replicas starting
 * together take turns through an advisory lock, so only one admin is ever created.
 */
class BootstrapAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

	private final BootstrapProperties.Admin admin;

	private final UserRecords records;

	private final PasswordHashing hashing;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final Clock clock;

	BootstrapAdmin(BootstrapProperties properties, UserRecords records, PasswordHashing hashing, AuditLog audit,
			JdbcClient jdbc, TransactionOperations transactions, Clock clock) {
		this.admin = properties.admin();
		this.records = records;
		this.hashing = hashing;
		this.audit = audit;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.transactions.executeWithoutResult((status) -> createIfNoUsers());
	}

	private void createIfNoUsers() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('identity.bootstrap-admin'))").query().singleRow();
		if (!this.records.isEmpty()) {
			return;
		}
		if (!this.admin.isConfigured()) {
			log.warn("There are no users and no bootstrap admin: set PLATFORM_BOOTSTRAP_ADMIN_USERNAME and "
					+ "PLATFORM_BOOTSTRAP_ADMIN_PASSWORD to create the first platform admin");
			return;
		}
		String username = UserDetailsRules.username(this.admin.username());
		try {
			PasswordPolicy.check(username, this.admin.password());
		}
		catch (PasswordRejected ex) {
			throw new IllegalStateException("platform.bootstrap.admin.password is not acceptable: " + ex.getMessage());
		}
		UUID id = UUID.randomUUID();
		this.records.insertLocal(id, username, null, "Platform admin", this.hashing.hash(this.admin.password()),
				this.clock.instant());
		this.records.replaceRoles(id, EnumSet.of(Role.ANALYST, Role.PLATFORM_ADMIN), this.clock.instant());
		this.audit.record(AuditEvent.of(Actor.system("bootstrap"), "user.created", "user", id.toString())
			.with("username", username)
			.with("origin", "LOCAL")
			.with("roles", UsersService.names(EnumSet.of(Role.ANALYST, Role.PLATFORM_ADMIN))));
		log.info("Created the bootstrap platform admin '{}'; the password must be changed at first sign-in", username);
	}

}
