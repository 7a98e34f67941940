package uk.gov.analyticalplatform.dataaccess.internal.upload;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * S3 multipart uploads, as the uploads need them; the AWS adapter implements it. Nothing
 * here is called inside a database transaction.
 */
public interface UploadStore {

	/** Starts a multipart upload; returns S3's upload id. */
	String create(String bucket, String key);

	/**
	 * Sends one part.
	 * @return the part's ETag
	 */
	String uploadPart(String bucket, String key, String uploadId, int partNumber, ContentSource content, long length);

	/**
	 * The parts S3 holds for the upload, by number; none once it is completed or aborted.
	 */
	List<StoredPart> parts(String bucket, String key, String uploadId);

	/**
	 * Completes the upload from these parts.
	 * @return the new object's version id (or {@code null} in an unversioned bucket)
	 */
	String complete(String bucket, String key, String uploadId, List<StoredPart> parts);

	/** Discards the upload's parts; nothing if it is already gone. */
	void abort(String bucket, String key, String uploadId);

	/** Deletes one version of an object, leaving no trace of it. */
	void deleteVersion(String bucket, String key, String versionId);

	/** The object's current version id and size, if it exists. */
	Optional<Head> head(String bucket, String key);

	/** A URL to {@code PUT} one part to, valid for the given time. */
	URI presignPart(String bucket, String key, String uploadId, int partNumber, Duration validFor);

	/** Reads an object as it streams, to hash it. */
	InputStream read(String bucket, String key, String versionId);

	/**
	 * A part S3 holds.
	 *
	 * @param partNumber its number
	 * @param etag its ETag
	 * @param size its size
	 */
	record StoredPart(int partNumber, String etag, long size) {

	}

	/**
	 * An object's current state.
	 *
	 * @param versionId its current version
	 * @param size its size
	 */
	record Head(String versionId, long size) {

	}

	/** Bytes that can be read again from the start, for a retried request. */
	interface ContentSource {

		InputStream open();

	}

}
