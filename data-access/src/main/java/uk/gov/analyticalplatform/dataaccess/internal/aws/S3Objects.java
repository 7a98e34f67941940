package uk.gov.analyticalplatform.dataaccess.internal.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import uk.gov.analyticalplatform.dataaccess.internal.catalog.ObjectStore;

/**
 * Reads objects to verify dataset versions: lists a prefix and hashes content as it
 * streams.
 */
public class S3Objects implements ObjectStore {

	private final S3Client s3;

	public S3Objects(AwsClients clients) {
		this.s3 = clients.s3;
	}

	@Override
	public Map<String, Long> list(String bucket, String prefix) {
		Map<String, Long> objects = new TreeMap<>();
		for (S3Object object : this.s3.listObjectsV2Paginator((r) -> r.bucket(bucket).prefix(prefix)).contents()) {
			objects.put(object.key(), object.size());
		}
		return objects;
	}

	@Override
	public Optional<String> sha256(String bucket, String key) {
		try (InputStream content = this.s3.getObject((r) -> r.bucket(bucket).key(key))) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[64 * 1024];
			for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
				digest.update(buffer, 0, read);
			}
			return Optional.of(HexFormat.of().formatHex(digest.digest()));
		}
		catch (NoSuchKeyException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read s3://" + bucket + "/" + key, ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
