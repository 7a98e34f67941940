package uk.gov.analyticalplatform.dataaccess.internal.upload;

import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import uk.gov.analyticalplatform.dataaccess.ChecksumMismatch;
import uk.gov.analyticalplatform.dataaccess.InvalidDataset;
import uk.gov.analyticalplatform.dataaccess.PresignedPart;
import uk.gov.analyticalplatform.dataaccess.Upload;
import uk.gov.analyticalplatform.dataaccess.UploadedPart;
import uk.gov.analyticalplatform.dataaccess.internal.upload.PartStreamer.Digests;
import uk.gov.analyticalplatform.dataaccess.internal.upload.UploadRows.Row;

/**
 * The parts of an upload in progress on their way to S3: streamed through the control
 * plane in parallel with bounded memory (each part's SHA-256 computed in-stream and
 * recorded with its ETag), or presigned for a browser to send straight to S3. The upload
 * session ({@link UploadService}) has checked who may send them.
 */
class PartTransfer {

	private final UploadRows uploads;

	private final UploadStore store;

	private final PartStreamer streamer;

	private final Clock clock;

	private final Duration presignFor;

	PartTransfer(UploadRows uploads, UploadStore store, PartStreamer streamer, Clock clock, Duration presignFor) {
		this.uploads = uploads;
		this.store = store;
		this.streamer = streamer;
		this.clock = clock;
		this.presignFor = presignFor;
	}

	/** Sends one part, checking its length and (if declared) its SHA-256 first. */
	UploadedPart putPart(Row row, int partNumber, InputStream content, long length, String sha256) {
		long expected = partLength(row.upload(), partNumber);
		if (length != expected) {
			throw new ChecksumMismatch("Part " + partNumber + " is " + expected + " bytes, not " + length);
		}
		PartStreamer.PartSender send = sender(row);
		PartStreamer.Streamed streamed = this.streamer.stream(content, partNumber, partNumber, row.upload().partSize(),
				row.upload().size(), (number, bytes, bytesLength, actual) -> {
					if (sha256 != null && !sha256.equals(actual)) {
						throw new ChecksumMismatch(
								"Part " + number + " has SHA-256 " + actual + ", not the declared " + sha256);
					}
					send.send(number, bytes, bytesLength, actual);
				});
		return streamed.parts().get(0);
	}

	/**
	 * Streams the rest of the file from part {@code fromPart} in parallel parts.
	 * @return the whole file's SHA-256 if it was streamed from its first byte, else
	 * {@code null}
	 */
	String putContent(Row row, int fromPart, InputStream content) {
		Upload upload = row.upload();
		if (fromPart < 1 || fromPart > upload.partCount()) {
			throw new InvalidDataset("This upload has parts 1 to " + upload.partCount() + ", not " + fromPart);
		}
		PartStreamer.Streamed streamed = this.streamer.stream(content, fromPart, upload.partCount(), upload.partSize(),
				upload.size(), sender(row));
		return (fromPart == 1) ? streamed.sha256() : null;
	}

	/** Presigned URLs a browser sends the parts to. */
	List<PresignedPart> presign(Row row, List<Integer> partNumbers) {
		Instant expires = this.clock.instant().plus(this.presignFor);
		List<PresignedPart> urls = new ArrayList<>();
		for (int number : partNumbers) {
			partLength(row.upload(), number);
			urls.add(new PresignedPart(number,
					this.store.presignPart(row.bucket(), row.key(), row.s3UploadId(), number, this.presignFor)
						.toString(),
					expires));
		}
		return urls;
	}

	/**
	 * The origin ({@code scheme://host[:port]}) of the URLs presigned for the bucket: the
	 * one place a browser sends parts to. Presigning is computed locally, without a
	 * request.
	 */
	String origin(String bucket) {
		URI url = this.store.presignPart(bucket, "origin", "origin", 1, Duration.ofMinutes(1));
		return url.getScheme() + "://" + url.getRawAuthority();
	}

	private PartStreamer.PartSender sender(Row row) {
		UUID id = row.upload().id();
		return (number, bytes, length, sha) -> {
			String etag = this.store.uploadPart(row.bucket(), row.key(), row.s3UploadId(), number,
					() -> Digests.of(bytes, length), length);
			this.uploads.part(id, new UploadedPart(number, length, sha), etag, this.clock.instant());
		};
	}

	static long partLength(Upload upload, int partNumber) {
		if (partNumber < 1 || partNumber > upload.partCount()) {
			throw new InvalidDataset("This upload has parts 1 to " + upload.partCount() + ", not " + partNumber);
		}
		return Math.min(upload.partSize(), upload.size() - (partNumber - 1) * upload.partSize());
	}

}
