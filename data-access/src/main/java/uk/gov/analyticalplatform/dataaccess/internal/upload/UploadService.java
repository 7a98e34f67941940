package uk.gov.analyticalplatform.dataaccess.internal.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import uk.gov.analyticalplatform.audit.Actor;
import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.ChecksumMismatch;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetKind;
import uk.gov.analyticalplatform.dataaccess.DatasetUploads;
import uk.gov.analyticalplatform.dataaccess.DatasetVersion;
import uk.gov.analyticalplatform.dataaccess.DatasetVersions;
import uk.gov.analyticalplatform.dataaccess.InvalidDataset;
import uk.gov.analyticalplatform.dataaccess.NewDatasetVersion;
import uk.gov.analyticalplatform.dataaccess.NewUpload;
import uk.gov.analyticalplatform.dataaccess.PresignedPart;
import uk.gov.analyticalplatform.dataaccess.Upload;
import uk.gov.analyticalplatform.dataaccess.UploadNotFound;
import uk.gov.analyticalplatform.dataaccess.UploadNotReady;
import uk.gov.analyticalplatform.dataaccess.UploadState;
import uk.gov.analyticalplatform.dataaccess.UploadedPart;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetCatalogService;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetPaths;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetRows;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.ObjectStore;
import uk.gov.analyticalplatform.dataaccess.internal.upload.PartStreamer.Digests;
import uk.gov.analyticalplatform.dataaccess.internal.upload.UploadRows.Row;
import uk.gov.analyticalplatform.dataaccess.internal.upload.UploadStore.StoredPart;

/**
 * Uploads into datasets: S3 multipart uploads tracked in the database, each a session
 * started, resumed (its parts read back from S3), aborted or completed (verified) here,
 * and sealed into versions; the parts themselves travel by {@link PartTransfer}.
 */
class UploadService implements DatasetUploads {

	static final long MIN_PART = 5L * 1024 * 1024;

	static final int MAX_PARTS = 10_000;

	static final long MAX_SIZE = 5L * 1024 * 1024 * 1024 * 1024;

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private final UploadRows uploads;

	private final DatasetRows datasets;

	private final DatasetCatalogService catalog;

	private final DatasetVersions versions;

	private final UploadAccess access;

	private final UploadStore store;

	private final ObjectStore objects;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final UploadSettings settings;

	private final PartTransfer transfer;

	private final ExecutorService executor;

	UploadService(JdbcClient jdbc, DatasetRows datasets, DatasetCatalogService catalog, DatasetVersions versions,
			UploadStore store, ObjectStore objects, AuditLog audit, TransactionOperations transactions, Clock clock,
			UploadSettings settings, ExecutorService executor) {
		this.uploads = new UploadRows(jdbc);
		this.datasets = datasets;
		this.catalog = catalog;
		this.versions = versions;
		this.access = new UploadAccess(jdbc, catalog);
		this.store = store;
		this.objects = objects;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
		this.settings = settings;
		this.executor = executor;
		this.transfer = new PartTransfer(this.uploads, store, new PartStreamer(executor, settings.parallelism()), clock,
				settings.presignFor());
	}

	/** Stops the threads that send parts. */
	void close() {
		this.executor.shutdownNow();
	}

	UploadRows rows() {
		return this.uploads;
	}

	@Override
	public Upload start(Caller caller, UUID datasetId, NewUpload upload) {
		Dataset dataset = this.datasets.get(datasetId);
		if (dataset.kind() != DatasetKind.S3) {
			throw new InvalidDataset(
					"Files are uploaded into S3 datasets; " + dataset.name() + " is an Athena dataset");
		}
		String path = path(upload.path());
		this.access.requireWriter(caller, dataset, path);
		if (upload.size() < 1 || upload.size() > MAX_SIZE) {
			throw new InvalidDataset("An upload is 1 byte to 5 TiB, not " + upload.size() + " bytes");
		}
		if (upload.sha256() != null && !SHA256.matcher(upload.sha256()).matches()) {
			throw new InvalidDataset("A SHA-256 is 64 lower-case hex digits");
		}
		String key = dataset.rootPrefix() + path;
		if (this.uploads.liveAt(datasetId, key)) {
			throw new UploadNotReady("An upload to " + path + " is already in progress: resume or abort it");
		}
		String s3UploadId = this.store.create(dataset.bucket(), key);
		UUID id = UUID.randomUUID();
		long partSize = partSize(upload.size(), this.settings.partSize());
		try {
			this.transactions.executeWithoutResult((tx) -> {
				this.uploads.insert(id, datasetId, path, key, s3UploadId, upload.size(), partSize, upload.sha256(),
						caller.userId(), caller.username(), this.clock.instant());
				this.audit.record(event(caller.actor(), "upload.started", this.uploads.get(id).upload()));
			});
		}
		catch (RuntimeException ex) {
			this.store.abort(dataset.bucket(), key, s3UploadId);
			throw ex;
		}
		return this.uploads.get(id).upload();
	}

	@Override
	public UploadedPart putPart(Caller caller, UUID uploadId, int partNumber, InputStream content, long length,
			String sha256) {
		return this.transfer.putPart(inProgress(caller, uploadId), partNumber, content, length, sha256);
	}

	@Override
	public Upload putContent(Caller caller, UUID uploadId, int fromPart, InputStream content) {
		Row row = inProgress(caller, uploadId);
		String sha256 = this.transfer.putContent(row, fromPart, content);
		return finish(caller.actor(), row, sha256);
	}

	@Override
	public List<PresignedPart> presign(Caller caller, UUID uploadId, List<Integer> partNumbers) {
		if (!this.settings.direct()) {
			throw new UploadNotReady("Dataset buckets do not accept uploads from browsers: send the parts "
					+ "through the control plane");
		}
		return this.transfer.presign(inProgress(caller, uploadId), partNumbers);
	}

	@Override
	public Optional<String> directOrigin(UUID datasetId) {
		if (!this.settings.direct()) {
			return Optional.empty();
		}
		return Optional.of(this.transfer.origin(this.datasets.get(datasetId).bucket()));
	}

	@Override
	public Upload complete(Caller caller, UUID uploadId) {
		return finish(caller.actor(), inProgress(caller, uploadId), null);
	}

	@Override
	public Upload abort(Caller caller, UUID uploadId, String reason) {
		Row row = visible(caller, uploadId);
		return abort(caller.actor(), row,
				(reason != null && !reason.isBlank()) ? reason.trim() : "aborted by " + caller.username());
	}

	Upload abort(Actor actor, Row row, String reason) {
		if (row.upload().state() == UploadState.IN_PROGRESS) {
			this.store.abort(row.bucket(), row.key(), row.s3UploadId());
			this.transactions.executeWithoutResult((tx) -> {
				if (this.uploads.finish(row.upload().id(), UploadState.ABORTED, null, null, reason,
						this.clock.instant())) {
					this.audit.record(event(actor, "upload.aborted", row.upload()).with("reason", reason));
				}
			});
		}
		return this.uploads.get(row.upload().id()).upload();
	}

	@Override
	public Upload get(Caller caller, UUID uploadId) {
		Row row = visible(caller, uploadId);
		if (row.upload().state() != UploadState.IN_PROGRESS) {
			return row.upload();
		}
		Map<String, String> hashes = this.uploads.partHashes(uploadId);
		List<UploadedPart> parts = this.store.parts(row.bucket(), row.key(), row.s3UploadId())
			.stream()
			.map((part) -> new UploadedPart(part.partNumber(), part.size(), hashes.get(part.etag())))
			.toList();
		Upload upload = this.uploads.get(uploadId).upload();
		if (upload.state() != UploadState.IN_PROGRESS) {
			return upload;
		}
		return new Upload(upload.id(), upload.dataset(), upload.path(), upload.s3Uri(), upload.size(),
				upload.partSize(), upload.partCount(), upload.expectedSha256(), upload.sha256(), upload.state(),
				upload.reason(), upload.createdBy(), upload.createdAt(), upload.finishedAt(), upload.sealedVersionId(),
				parts);
	}

	@Override
	public List<Upload> list(Caller caller, UUID datasetId) {
		Dataset dataset = this.datasets.get(datasetId);
		boolean manager = this.catalog.canManage(caller, dataset);
		return this.uploads.ofDataset(datasetId, manager ? null : caller.userId()).stream().map(Row::upload).toList();
	}

	@Override
	public DatasetVersion seal(Caller caller, UUID datasetId, String version, String prefix) {
		Dataset dataset = this.datasets.get(datasetId);
		String relative = DatasetPaths.prefix(prefix);
		this.access.requireWriter(caller, dataset, relative);
		String keyPrefix = dataset.rootPrefix() + relative;
		Map<String, Long> found = this.objects.list(dataset.bucket(), keyPrefix);
		if (found.isEmpty()) {
			throw new InvalidDataset("Nothing is stored under " + relative + " to seal");
		}
		Map<String, Row> uploaded = new java.util.HashMap<>();
		this.uploads.completedUnder(datasetId, keyPrefix).forEach((row) -> uploaded.put(row.key(), row));
		List<uk.gov.analyticalplatform.dataaccess.ManifestEntry> manifest = new ArrayList<>();
		List<UUID> sealed = new ArrayList<>();
		for (Map.Entry<String, Long> object : found.entrySet()) {
			String sha = knownHash(dataset, object.getKey(), object.getValue(), uploaded.get(object.getKey()), sealed);
			manifest.add(new uk.gov.analyticalplatform.dataaccess.ManifestEntry(
					object.getKey().substring(keyPrefix.length()), object.getValue(), sha));
		}
		DatasetVersion registered = this.versions.register(caller, datasetId,
				new NewDatasetVersion(version, relative, manifest));
		this.transactions.executeWithoutResult((tx) -> this.uploads.sealed(sealed, registered.id()));
		return registered;
	}

	private String knownHash(Dataset dataset, String key, long size, Row upload, List<UUID> sealed) {
		if (upload != null && upload.s3VersionId() != null && upload.upload().size() == size) {
			String current = this.store.head(dataset.bucket(), key).map(UploadStore.Head::versionId).orElse(null);
			if (upload.s3VersionId().equals(current)) {
				sealed.add(upload.upload().id());
				return upload.upload().sha256();
			}
		}
		return this.objects.sha256(dataset.bucket(), key)
			.orElseThrow(() -> new InvalidDataset("s3://" + dataset.bucket() + "/" + key + " vanished while sealing"));
	}

	private Upload finish(Actor actor, Row row, String streamedSha256) {
		Upload upload = row.upload();
		List<StoredPart> parts = this.store.parts(row.bucket(), row.key(), row.s3UploadId());
		long total = parts.stream().mapToLong(StoredPart::size).sum();
		if (parts.size() != upload.partCount() || total != upload.size()) {
			throw new UploadNotReady("S3 holds " + parts.size() + " of " + upload.partCount() + " parts (" + total
					+ " of " + upload.size() + " bytes): send the missing parts, then complete");
		}
		String versionId = this.store.complete(row.bucket(), row.key(), row.s3UploadId(), parts);
		String sha256 = (streamedSha256 != null) ? streamedSha256 : readBack(row, versionId);
		String expected = upload.expectedSha256();
		if (expected != null && !expected.equals(sha256)) {
			if (versionId != null) {
				this.store.deleteVersion(row.bucket(), row.key(), versionId);
			}
			String reason = "the file's SHA-256 is " + sha256 + ", not the declared " + expected;
			end(actor, row, UploadState.FAILED, null, null, reason, "upload.failed");
			throw new ChecksumMismatch("The upload was refused and its object deleted: " + reason);
		}
		end(actor, row, UploadState.COMPLETED, sha256, versionId, null, "upload.completed");
		return this.uploads.get(upload.id()).upload();
	}

	private void end(Actor actor, Row row, UploadState state, String sha256, String versionId, String reason,
			String action) {
		this.transactions.executeWithoutResult((tx) -> {
			if (this.uploads.finish(row.upload().id(), state, sha256, versionId, reason, this.clock.instant())) {
				this.audit.record(event(actor, action, row.upload()).with("sha256", sha256).with("reason", reason));
			}
		});
	}

	private String readBack(Row row, String versionId) {
		try (InputStream in = this.store.read(row.bucket(), row.key(), versionId)) {
			return Digests.sha256(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read back " + row.upload().s3Uri(), ex);
		}
	}

	private Row inProgress(Caller caller, UUID uploadId) {
		Row row = visible(caller, uploadId);
		if (row.upload().state() != UploadState.IN_PROGRESS) {
			throw new UploadNotReady(
					"The upload is " + row.upload().state().name().toLowerCase() + ", not in progress");
		}
		if (!row.createdById().equals(caller.userId())) {
			throw new uk.gov.analyticalplatform.dataaccess.PermissionDenied(
					"Only " + row.upload().createdBy() + " sends the parts of their upload");
		}
		return row;
	}

	private Row visible(Caller caller, UUID uploadId) {
		Row row = this.uploads.get(uploadId);
		if (!row.createdById().equals(caller.userId())
				&& !this.catalog.canManage(caller, this.datasets.get(row.upload().dataset().id()))) {
			throw UploadNotFound.forId(uploadId);
		}
		return row;
	}

	/**
	 * The configured part size, or larger where the file would need more than 10,000
	 * parts.
	 */
	static long partSize(long size, long configured) {
		long least = (size + MAX_PARTS - 1) / MAX_PARTS;
		long mib = 1024 * 1024;
		return Math.max(Math.max(configured, MIN_PART), ((least + mib - 1) / mib) * mib);
	}

	private static String path(String path) {
		String prefix = DatasetPaths.prefix(path);
		if (prefix.isEmpty() || path.endsWith("/")) {
			throw new uk.gov.analyticalplatform.dataaccess.InvalidPath(
					"An upload names a file, such as 'raw/survey.csv', not '" + path + "'");
		}
		return prefix.substring(0, prefix.length() - 1);
	}

	private static AuditEvent event(Actor actor, String action, Upload upload) {
		return AuditEvent.of(actor, action, "upload", upload.id().toString())
			.with("datasetId", upload.dataset().id().toString())
			.with("dataset", upload.dataset().name())
			.with("path", upload.path())
			.with("size", upload.size());
	}

	/**
	 * How uploads run.
	 *
	 * @param partSize the least part size
	 * @param parallelism parts in flight (and in memory) at once per upload
	 * @param direct whether browsers may send parts straight to S3
	 * @param presignFor how long a presigned part URL works
	 * @param abandonAfter when an upload still in progress counts as abandoned
	 */
	record UploadSettings(long partSize, int parallelism, boolean direct, Duration presignFor, Duration abandonAfter) {

	}

}
