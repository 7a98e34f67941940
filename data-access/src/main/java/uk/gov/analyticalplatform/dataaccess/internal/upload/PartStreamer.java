package uk.gov.analyticalplatform.dataaccess.internal.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

import uk.gov.analyticalplatform.dataaccess.ChecksumMismatch;
import uk.gov.analyticalplatform.dataaccess.UploadedPart;

/**
 * Cuts a stream into parts and sends them in parallel, holding at most {@code buffers}
 * parts in memory at once (so memory does not grow with the file) and nothing on disk.
 * The whole stream is hashed as it is read, each part as it is sent.
 */
final class PartStreamer {

	private final ExecutorService executor;

	private final int buffers;

	PartStreamer(ExecutorService executor, int buffers) {
		this.executor = executor;
		this.buffers = Math.max(1, buffers);
	}

	/** What one part needs to be sent: its number, its bytes and their hash. */
	interface PartSender {

		void send(int partNumber, byte[] bytes, int length, String sha256);

	}

	/**
	 * The parts read and sent, and the SHA-256 of everything read.
	 *
	 * @param parts the parts, by number
	 * @param sha256 the lower-case hex SHA-256 of the bytes read
	 * @param bytes how many bytes were read
	 */
	record Streamed(List<UploadedPart> parts, String sha256, long bytes) {

	}

	/**
	 * Reads parts {@code fromPart} to {@code lastPart} from the stream and sends them;
	 * returns once every part was sent, or throws the first failure after the parts in
	 * flight have ended.
	 * @throws ChecksumMismatch if the stream ends early or holds more bytes
	 */
	Streamed stream(InputStream in, int fromPart, int lastPart, long partSize, long totalSize, PartSender sender) {
		BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(this.buffers);
		int allocated = 0;
		MessageDigest whole = Digests.sha256();
		List<CompletableFuture<UploadedPart>> sent = new ArrayList<>();
		long read = 0;
		try {
			for (int part = fromPart; part <= lastPart; part++) {
				int length = (int) Math.min(partSize, totalSize - (part - 1) * partSize);
				byte[] buffer = free.poll();
				if (buffer == null && allocated < this.buffers) {
					buffer = new byte[(int) partSize];
					allocated++;
				}
				if (buffer == null) {
					buffer = take(free, sent);
				}
				int got = in.readNBytes(buffer, 0, length);
				read += got;
				if (got < length) {
					throw new ChecksumMismatch(
							"The content ended after " + read + " bytes, before part " + part + " was complete");
				}
				whole.update(buffer, 0, length);
				byte[] bytes = buffer;
				int number = part;
				sent.add(CompletableFuture.supplyAsync(() -> {
					try {
						String sha = Digests.hex(Digests.sha256(bytes, length));
						sender.send(number, bytes, length, sha);
						return new UploadedPart(number, length, sha);
					}
					finally {
						free.add(bytes);
					}
				}, this.executor));
			}
			if (in.read() >= 0) {
				throw new ChecksumMismatch("The content is longer than the upload's declared size");
			}
			return new Streamed(sent.stream().map(PartStreamer::join).toList(), Digests.hex(whole.digest()), read);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The content could not be read after " + read + " bytes", ex);
		}
		finally {
			sent.forEach((future) -> future.exceptionally((failure) -> null).join());
		}
	}

	private static byte[] take(BlockingQueue<byte[]> free, List<CompletableFuture<UploadedPart>> sent) {
		try {
			byte[] buffer = free.take();
			sent.stream().filter(CompletableFuture::isCompletedExceptionally).findFirst().ifPresent(PartStreamer::join);
			return buffer;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while uploading", ex);
		}
	}

	private static UploadedPart join(CompletableFuture<UploadedPart> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw ex;
		}
	}

	/** SHA-256 helpers. */
	static final class Digests {

		private Digests() {
		}

		static MessageDigest sha256() {
			try {
				return MessageDigest.getInstance("SHA-256");
			}
			catch (java.security.NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		static byte[] sha256(byte[] bytes, int length) {
			MessageDigest digest = sha256();
			digest.update(bytes, 0, length);
			return digest.digest();
		}

		static String hex(byte[] digest) {
			return HexFormat.of().formatHex(digest);
		}

		static String sha256(InputStream in) throws IOException {
			MessageDigest digest = sha256();
			byte[] buffer = new byte[256 * 1024];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				digest.update(buffer, 0, n);
			}
			return hex(digest.digest());
		}

		static InputStream of(byte[] bytes, int length) {
			return new ByteArrayInputStream(bytes, 0, length);
		}

	}

}
