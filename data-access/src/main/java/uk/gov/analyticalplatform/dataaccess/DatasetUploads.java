package uk.gov.analyticalplatform.dataaccess;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;

/**
 * Files uploaded into S3 datasets, by holders of {@code READ_WRITE} (within their paths)
 * and the dataset's data admins. Every upload is an S3 multipart upload: parts go either
 * through the control plane, streamed in parallel with bounded memory and never written
 * to local disk, or straight from the browser to S3 with presigned URLs where the bucket
 * allows the control panel's origin. An upload survives a dropped connection: the parts
 * S3 holds are listed and only the missing ones are sent again. Checksums are verified
 * per part (SHA-256, also checked by S3) and for the whole file when it completes; a file
 * whose checksum does not match leaves no object behind, and an upload that is aborted or
 * abandoned leaves no parts behind.
 */
public interface DatasetUploads {

	/**
	 * Starts an upload.
	 * @throws PermissionDenied if the caller may not write the path
	 * @throws InvalidPath if the path is malformed or inside a sealed version
	 * @throws InvalidDataset if the dataset is not an S3 dataset, the size is out of
	 * range or the SHA-256 malformed
	 * @throws UploadNotReady if another upload to the same path is in progress
	 */
	Upload start(Caller caller, UUID datasetId, NewUpload upload);

	/**
	 * Receives one part's bytes and sends them to S3, verifying the SHA-256 the uploader
	 * declared for the part, if any.
	 * @param length the part's length in bytes, as the part number requires
	 * @throws ChecksumMismatch if the bytes are not the declared ones or not as long
	 */
	UploadedPart putPart(Caller caller, UUID uploadId, int partNumber, InputStream content, long length, String sha256);

	/**
	 * Receives the file's bytes from the first missing part on ({@code fromPart}), cuts
	 * them into parts sent to S3 in parallel, and completes the upload.
	 * @param fromPart the part the content starts at (1 for the whole file)
	 */
	Upload putContent(Caller caller, UUID uploadId, int fromPart, InputStream content);

	/**
	 * Presigned URLs for the browser to send parts straight to S3.
	 * @throws UploadNotReady if the buckets do not allow direct uploads
	 */
	List<PresignedPart> presign(Caller caller, UUID uploadId, List<Integer> partNumbers);

	/**
	 * Where a browser sends a dataset's parts when presigned: the S3 endpoint's origin
	 * ({@code scheme://host[:port]}) for the dataset's bucket, which the control panel's
	 * content security policy must allow to connect to; empty if buckets do not accept
	 * uploads from browsers.
	 */
	java.util.Optional<String> directOrigin(UUID datasetId);

	/**
	 * Completes the upload from the parts S3 holds: the object appears, its SHA-256 is
	 * computed and checked against the declared one; on a mismatch the object is deleted
	 * and the upload fails.
	 * @throws UploadNotReady if parts are missing or it is not in progress
	 * @throws ChecksumMismatch if the file is not the declared one
	 */
	Upload complete(Caller caller, UUID uploadId);

	/** Aborts an upload in progress, discarding its parts (idempotent). */
	Upload abort(Caller caller, UUID uploadId, String reason);

	/**
	 * An upload with the parts S3 holds while in progress (uploader, dataset managers).
	 * @throws UploadNotFound if there is none or the caller may not see it
	 */
	Upload get(Caller caller, UUID uploadId);

	/**
	 * The dataset's uploads, newest first: all for its managers, the caller's own for
	 * others.
	 */
	List<Upload> list(Caller caller, UUID datasetId);

	/**
	 * Seals everything under a prefix of the dataset as an immutable version: the
	 * platform lists the objects and computes the manifest (key, size, SHA-256), reusing
	 * the checksum of a completed upload whose object version is still current.
	 * @throws InvalidDataset if the prefix holds no objects
	 */
	DatasetVersion seal(Caller caller, UUID datasetId, String version, String prefix);

}
