package uk.gov.analyticalplatform.dataaccess;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import uk.gov.analyticalplatform.audit.AuditEvents;
import uk.gov.analyticalplatform.audit.AuditQuery;
import uk.gov.analyticalplatform.audit.AuditRecord;
import uk.gov.analyticalplatform.testing.MovableClock;
import uk.gov.analyticalplatform.testing.PlatformServices;

/**
 * What the data-access integration tests share: a clock they move, unique names and
 * analysts, an S3 client of the emulator to look at buckets directly, and the audit trail
 * of one subject in the order it was written.
 */
final class DataAccessFixture {

	static final Caller ADMIN = Caller.platformAdmin("u-admin", "admin");

	static final Caller ALICE = Caller.user("u-alice", "alice");

	static final Caller BOB = Caller.user("u-bob", "bob");

	static final Caller CAROL = Caller.user("u-carol", "carol");

	static final Caller DAVE = Caller.user("u-dave", "dave");

	private DataAccessFixture() {
	}

	/** The application's clock, moved by the tests; {@code @Import} it. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		MovableClock clock() {
			return new MovableClock();
		}

	}

	/** An S3 client of the AWS emulator; close it after the test. */
	static S3Client s3() {
		return S3Client.builder()
			.endpointOverride(URI.create(PlatformServices.get().awsEndpoint()))
			.region(Region.EU_WEST_2)
			.forcePathStyle(true)
			.httpClient(UrlConnectionHttpClient.create())
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build();
	}

	static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	/** An analyst no other test knows. */
	static Caller analyst() {
		String suffix = suffix();
		return Caller.user("u-" + suffix, "analyst-" + suffix);
	}

	/**
	 * A new S3 dataset (its own bucket, root {@code curated/}, OFFICIAL-SENSITIVE) owned
	 * by a new group, with the data admin given.
	 */
	static Dataset prisonsDataset(Groups groups, DatasetCatalog catalog, Caller dataAdmin) {
		String suffix = suffix();
		Group owner = groups.create(ADMIN, "owners-" + suffix, "");
		return catalog.create(ADMIN,
				NewDataset
					.s3("prisons-" + suffix, "Prison population", owner.id(), Classification.OFFICIAL_SENSITIVE,
							"data-" + suffix, "curated/")
					.withDataAdmins(dataAdmin.asUser()));
	}

	/** The audit events of one subject, oldest first. */
	static List<AuditRecord> events(AuditEvents audit, String type, UUID id) {
		List<AuditRecord> records = new ArrayList<>(
				audit.search(new AuditQuery(null, null, type, id.toString(), null, null), null, 500).events());
		Collections.reverse(records);
		return records;
	}

	/** The actions of {@link #events}. */
	static List<String> actions(AuditEvents audit, String type, UUID id) {
		return events(audit, type, id).stream().map(AuditRecord::action).toList();
	}

}
