package uk.gov.analyticalplatform.dataaccess;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A file uploaded, or being uploaded, into a dataset as an S3 multipart upload.
 *
 * @param id its id
 * @param dataset the dataset
 * @param path where, relative to the dataset's root
 * @param s3Uri the object's location
 * @param size the file's size in bytes
 * @param partSize the size of every part but the last
 * @param partCount how many parts the file has
 * @param expectedSha256 the SHA-256 the uploader declared, or {@code null}
 * @param sha256 the SHA-256 the platform computed, once completed
 * @param state where it stands
 * @param reason why it failed or was aborted
 * @param createdBy who uploads it (username)
 * @param createdAt when it started
 * @param finishedAt when it completed, failed or was aborted
 * @param sealedVersionId the dataset version it was sealed into, or {@code null}
 * @param parts the parts S3 holds, while in progress (empty in lists)
 */
public record Upload(UUID id, DatasetRef dataset, String path, String s3Uri, long size, long partSize, int partCount,
		String expectedSha256, String sha256, UploadState state, String reason, String createdBy, Instant createdAt,
		Instant finishedAt, UUID sealedVersionId, List<UploadedPart> parts) {

	/** The numbers of the parts still missing, in order. */
	public List<Integer> missingParts() {
		java.util.Set<Integer> have = new java.util.HashSet<>();
		this.parts.forEach((part) -> have.add(part.partNumber()));
		return java.util.stream.IntStream.rangeClosed(1, this.partCount)
			.filter((n) -> !have.contains(n))
			.boxed()
			.toList();
	}

}
