package uk.gov.analyticalplatform.dataaccess.internal.aws;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import uk.gov.analyticalplatform.dataaccess.internal.upload.UploadStore;

/** Multipart uploads on S3, for the uploads into datasets. */
public class S3Uploads implements UploadStore {

	private final S3Client s3;

	private final S3Presigner presigner;

	public S3Uploads(AwsClients clients) {
		this.s3 = clients.s3Uploads;
		this.presigner = clients.presigner;
	}

	@Override
	public String create(String bucket, String key) {
		return this.s3.createMultipartUpload((r) -> r.bucket(bucket).key(key)).uploadId();
	}

	@Override
	public String uploadPart(String bucket, String key, String uploadId, int partNumber, ContentSource content,
			long length) {
		return this.s3
			.uploadPart(
					(r) -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber).contentLength(length),
					RequestBody.fromContentProvider(content::open, length, "application/octet-stream"))
			.eTag();
	}

	@Override
	public List<StoredPart> parts(String bucket, String key, String uploadId) {
		List<StoredPart> parts = new ArrayList<>();
		try {
			for (Part part : this.s3.listPartsPaginator((r) -> r.bucket(bucket).key(key).uploadId(uploadId)).parts()) {
				parts.add(new StoredPart(part.partNumber(), part.eTag(), part.size()));
			}
		}
		catch (NoSuchUploadException ex) {
			return List.of();
		}
		return parts;
	}

	@Override
	public String complete(String bucket, String key, String uploadId, List<StoredPart> parts) {
		List<CompletedPart> completed = parts.stream()
			.map((part) -> CompletedPart.builder().partNumber(part.partNumber()).eTag(part.etag()).build())
			.toList();
		return this.s3
			.completeMultipartUpload(
					(r) -> r.bucket(bucket).key(key).uploadId(uploadId).multipartUpload((m) -> m.parts(completed)))
			.versionId();
	}

	@Override
	public void abort(String bucket, String key, String uploadId) {
		try {
			this.s3.abortMultipartUpload((r) -> r.bucket(bucket).key(key).uploadId(uploadId));
		}
		catch (NoSuchUploadException ex) {
			// already completed or aborted: nothing left to discard
		}
	}

	@Override
	public void deleteVersion(String bucket, String key, String versionId) {
		this.s3.deleteObject((r) -> r.bucket(bucket).key(key).versionId(versionId));
	}

	@Override
	public Optional<Head> head(String bucket, String key) {
		try {
			var head = this.s3.headObject((r) -> r.bucket(bucket).key(key));
			return Optional.of(new Head(head.versionId(), head.contentLength()));
		}
		catch (NoSuchKeyException ex) {
			return Optional.empty();
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	@Override
	public URI presignPart(String bucket, String key, String uploadId, int partNumber, Duration validFor) {
		try {
			return this.presigner
				.presignUploadPart((p) -> p.signatureDuration(validFor)
					.uploadPartRequest((r) -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)))
				.url()
				.toURI();
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public InputStream read(String bucket, String key, String versionId) {
		return this.s3.getObject((r) -> r.bucket(bucket).key(key).versionId(versionId));
	}

}
