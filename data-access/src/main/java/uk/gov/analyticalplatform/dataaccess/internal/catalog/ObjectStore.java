package uk.gov.analyticalplatform.dataaccess.internal.catalog;

import java.util.Map;
import java.util.Optional;

/** Reads objects, to verify dataset versions; implemented by the AWS adapter. */
public interface ObjectStore {

	/** Every object under the prefix: key to size in bytes. */
	Map<String, Long> list(String bucket, String prefix);

	/**
	 * The lower-case hex SHA-256 of the object's content, or empty if there is no such
	 * object.
	 */
	Optional<String> sha256(String bucket, String key);

}
