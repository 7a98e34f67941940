package uk.gov.analyticalplatform.dataaccess;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import uk.gov.analyticalplatform.reconcile.ApplyState;
import uk.gov.analyticalplatform.testing.MovableClock;
import uk.gov.analyticalplatform.testing.PlatformDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.analyst;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.suffix;

/**
 * Uploads into a dataset on the AWS emulator: streamed in parallel parts, resumed,
 * checked, aborted, sent straight to S3 with presigned URLs, and sealed as a version.
 */
@SpringBootTest(classes = DataAccessTestApplication.class,
		properties = { "platform.data-access.uploads.part-size=5MB", "platform.data-access.uploads.parallelism=3",
				"platform.data-access.uploads.abandon-after=1h", "platform.data-access.uploads.sweep-interval=200ms",
				"platform.data-access.buckets.upload-origins=http://localhost:8080",
				"platform.data-access.buckets.tls-only=false" })
@PlatformDatabase
@Import({ DataAccessFixture.Clocks.class, DataAccessServices.Config.class })
class DataInUploadsIT {

	static final Caller ADMIN = Caller.platformAdmin("u-admin", "admin");

	static final int MIB = 1024 * 1024;

	final S3Client s3 = DataAccessFixture.s3();

	@Autowired
	DataAccessServices data;

	@Autowired
	DatasetUploads uploads;

	@Autowired
	MovableClock clock;

	@AfterEach
	void close() {
		this.s3.close();
	}

	@Test
	void aStreamedFileIsSentInParallelPartsCheckedAndSealedAsAnImmutableVersion() {
		Caller owner = analyst();
		Dataset dataset = dataset(owner);
		byte[] file = bytes(17 * MIB + 123);
		Upload started = this.uploads.start(owner, dataset.id(),
				new NewUpload("batch-1/survey.csv", file.length, sha256(file)));
		assertThat(started.partCount()).isEqualTo(4);
		assertThat(started.partSize()).isEqualTo(5 * MIB);
		assertThat(started.missingParts()).containsExactly(1, 2, 3, 4);

		Upload done = this.uploads.putContent(owner, started.id(), 1, new ByteArrayInputStream(file));
		assertThat(done.state()).isEqualTo(UploadState.COMPLETED);
		assertThat(done.sha256()).isEqualTo(sha256(file));
		assertThat(this.s3.headObject((r) -> r.bucket(dataset.bucket()).key("batch-1/survey.csv")).contentLength())
			.isEqualTo(file.length);

		byte[] second = bytes(1000);
		Upload small = this.uploads.start(owner, dataset.id(), new NewUpload("batch-1/readme.txt", 1000, null));
		this.uploads.putContent(owner, small.id(), 1, new ByteArrayInputStream(second));

		DatasetVersion version = this.uploads.seal(owner, dataset.id(), "v1", "batch-1");
		assertThat(version.manifest()).extracting(ManifestEntry::key, ManifestEntry::size, ManifestEntry::sha256)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("readme.txt", 1000L, sha256(second)),
					org.assertj.core.groups.Tuple.tuple("survey.csv", (long) file.length, sha256(file)));
		assertThat(this.data.versions().verify(version.id()).problems()).isEmpty();
		assertThat(this.uploads.get(owner, started.id()).sealedVersionId()).isEqualTo(version.id());
		assertThatExceptionOfType(InvalidPath.class)
			.isThrownBy(() -> this.uploads.start(owner, dataset.id(), new NewUpload("batch-1/more.csv", 10, null)));
	}

	@Test
	void anUploadResumesAfterADroppedConnectionSendingOnlyTheMissingParts() {
		Caller owner = analyst();
		Dataset dataset = dataset(owner);
		byte[] file = bytes(16 * MIB);
		Upload started = this.uploads.start(owner, dataset.id(), new NewUpload("big.bin", file.length, sha256(file)));
		InputStream dropping = new DroppingStream(file, 11 * MIB);
		assertThatThrownBy(() -> this.uploads.putContent(owner, started.id(), 1, dropping))
			.isInstanceOf(UncheckedIOException.class);

		Upload resumed = this.uploads.get(owner, started.id());
		assertThat(resumed.state()).isEqualTo(UploadState.IN_PROGRESS);
		assertThat(resumed.missingParts()).containsExactly(3, 4);
		assertThat(resumed.parts()).allSatisfy((part) -> assertThat(part.sha256()).hasSize(64));
		int from = resumed.missingParts().get(0);
		byte[] rest = java.util.Arrays.copyOfRange(file, (from - 1) * 5 * MIB, file.length);
		Upload done = this.uploads.putContent(owner, started.id(), from, new ByteArrayInputStream(rest));
		assertThat(done.state()).isEqualTo(UploadState.COMPLETED);
		assertThat(done.sha256()).as("read back from S3 when the stream was resumed").isEqualTo(sha256(file));
	}

	@Test
	void partsSentOneByOneAreCheckedAndAWrongFileLeavesNoObjectBehind() {
		Caller owner = analyst();
		Dataset dataset = dataset(owner);
		byte[] file = bytes(6 * MIB);
		Upload started = this.uploads.start(owner, dataset.id(),
				new NewUpload("wrong.bin", file.length, sha256(bytes(6 * MIB))));
		byte[] first = java.util.Arrays.copyOf(file, 5 * MIB);
		assertThatExceptionOfType(ChecksumMismatch.class).isThrownBy(() -> this.uploads.putPart(owner, started.id(), 1,
				new ByteArrayInputStream(first), first.length, sha256(bytes(10))));
		this.uploads.putPart(owner, started.id(), 1, new ByteArrayInputStream(first), first.length, sha256(first));
		assertThatExceptionOfType(UploadNotReady.class).isThrownBy(() -> this.uploads.complete(owner, started.id()));
		byte[] last = java.util.Arrays.copyOfRange(file, 5 * MIB, file.length);
		this.uploads.putPart(owner, started.id(), 2, new ByteArrayInputStream(last), last.length, null);

		assertThatExceptionOfType(ChecksumMismatch.class).isThrownBy(() -> this.uploads.complete(owner, started.id()));
		assertThat(this.uploads.get(owner, started.id()).state()).isEqualTo(UploadState.FAILED);
		assertThat(this.s3.listObjectVersions((r) -> r.bucket(dataset.bucket()).prefix("wrong.bin")).versions())
			.isEmpty();
	}

	@Test
	void anAbortedOrAbandonedUploadLeavesNoPartsBehind() {
		Caller owner = analyst();
		Dataset dataset = dataset(owner);
		byte[] part = bytes(5 * MIB);
		Upload aborted = this.uploads.start(owner, dataset.id(), new NewUpload("a.bin", 11 * MIB, null));
		this.uploads.putPart(owner, aborted.id(), 1, new ByteArrayInputStream(part), part.length, null);
		assertThat(this.uploads.abort(owner, aborted.id(), "wrong file").state()).isEqualTo(UploadState.ABORTED);
		assertThat(inProgressInS3(dataset)).isEmpty();

		Upload abandoned = this.uploads.start(owner, dataset.id(), new NewUpload("b.bin", 11 * MIB, null));
		this.uploads.putPart(owner, abandoned.id(), 1, new ByteArrayInputStream(part), part.length, null);
		assertThat(inProgressInS3(dataset)).containsExactly("b.bin");
		this.clock.advance(Duration.ofHours(2));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.uploads.get(owner, abandoned.id()).state() == UploadState.ABORTED);
		assertThat(this.uploads.get(owner, abandoned.id()).reason()).startsWith("abandoned");
		assertThat(inProgressInS3(dataset)).isEmpty();
	}

	@Test
	void aBrowserSendsPartsStraightToS3WithPresignedUrls() throws Exception {
		Caller owner = analyst();
		Dataset dataset = dataset(owner);
		assertThat(this.s3.getBucketCors((r) -> r.bucket(dataset.bucket())).corsRules())
			.anySatisfy((rule) -> assertThat(rule.allowedOrigins()).containsExactly("http://localhost:8080"));
		byte[] file = bytes(7 * MIB);
		Upload started = this.uploads.start(owner, dataset.id(),
				new NewUpload("direct.bin", file.length, sha256(file)));
		HttpClient http = HttpClient.newHttpClient();
		for (PresignedPart url : this.uploads.presign(owner, started.id(), List.of(1, 2))) {
			int from = (url.partNumber() - 1) * 5 * MIB;
			byte[] body = java.util.Arrays.copyOfRange(file, from, Math.min(file.length, from + 5 * MIB));
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url.url()))
				.PUT(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		}
		Upload done = this.uploads.complete(owner, started.id());
		assertThat(done.sha256()).isEqualTo(sha256(file));
	}

	@Test
	void onlyWritersUploadAndOnlyWithinThePathsTheirGrantAllows() {
		Caller owner = analyst();
		Dataset dataset = dataset(owner);
		Caller reader = analyst();
		Caller writer = analyst();
		this.data.grants().grant(owner, NewGrant.of(dataset.id(), Principal.user(reader.asUser()), AccessLevel.READ));
		this.data.grants()
			.grant(owner, NewGrant.of(dataset.id(), Principal.user(writer.asUser()), AccessLevel.READ_WRITE)
				.withPaths(PathAccess.readWrite("incoming")));
		assertThatExceptionOfType(PermissionDenied.class)
			.isThrownBy(() -> this.uploads.start(reader, dataset.id(), new NewUpload("incoming/x.csv", 10, null)));
		assertThatExceptionOfType(PermissionDenied.class)
			.isThrownBy(() -> this.uploads.start(writer, dataset.id(), new NewUpload("elsewhere/x.csv", 10, null)));
		Upload mine = this.uploads.start(writer, dataset.id(), new NewUpload("incoming/x.csv", 10, null));
		assertThatExceptionOfType(UploadNotFound.class).isThrownBy(() -> this.uploads.get(reader, mine.id()));
		assertThatExceptionOfType(PermissionDenied.class)
			.isThrownBy(() -> this.uploads.putContent(owner, mine.id(), 1, new ByteArrayInputStream(bytes(10))));
		assertThat(this.uploads.list(reader, dataset.id())).isEmpty();
		assertThat(this.uploads.list(owner, dataset.id())).extracting(Upload::id).contains(mine.id());
		assertThatExceptionOfType(InvalidPath.class)
			.isThrownBy(() -> this.uploads.start(owner, dataset.id(), new NewUpload("../x.csv", 10, null)));
		assertThatExceptionOfType(UploadNotReady.class)
			.isThrownBy(() -> this.uploads.start(writer, dataset.id(), new NewUpload("incoming/x.csv", 10, null)));
	}

	private List<String> inProgressInS3(Dataset dataset) {
		return this.s3.listMultipartUploads((r) -> r.bucket(dataset.bucket()))
			.uploads()
			.stream()
			.map((upload) -> upload.key())
			.toList();
	}

	private Dataset dataset(Caller dataAdmin) {
		String suffix = suffix();
		Group owners = this.data.groups().create(ADMIN, "owners-" + suffix, "");
		Dataset created = this.data.catalog()
			.create(ADMIN,
					NewDataset.s3("up-" + suffix, "uploads", owners.id(), Classification.OFFICIAL, "up-" + suffix, "")
						.withDataAdmins(dataAdmin.asUser()));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.data.catalog().get(created.id()).status().state(),
					(state) -> state == ApplyState.READY || state == ApplyState.FAILED);
		assertThat(this.data.catalog().get(created.id()).status().state()).isEqualTo(ApplyState.READY);
		return this.data.catalog().get(created.id());
	}

	private static byte[] bytes(int size) {
		byte[] bytes = new byte[size];
		new Random().nextBytes(bytes);
		return bytes;
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A connection that drops after some bytes. */
	static final class DroppingStream extends InputStream {

		private final ByteArrayInputStream bytes;

		private int left;

		DroppingStream(byte[] bytes, int dropAfter) {
			this.bytes = new ByteArrayInputStream(bytes);
			this.left = dropAfter;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.left <= 0) {
				throw new IOException("connection reset");
			}
			int read = this.bytes.read(buffer, offset, Math.min(length, this.left));
			this.left -= read;
			return read;
		}

	}

}
