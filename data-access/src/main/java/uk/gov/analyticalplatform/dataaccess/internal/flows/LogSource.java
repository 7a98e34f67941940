package uk.gov.analyticalplatform.dataaccess.internal.flows;

import java.io.InputStream;
import java.util.List;

/** The platform's log bucket, read by the collector; the AWS adapter implements it. */
public interface LogSource {

	/** Keys under the prefix after the given key (or from the start), in key order. */
	List<String> keysAfter(String prefix, String after, int limit);

	/** A log file's content. */
	InputStream open(String key);

}
