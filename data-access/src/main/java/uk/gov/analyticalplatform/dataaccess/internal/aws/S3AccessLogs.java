package uk.gov.analyticalplatform.dataaccess.internal.aws;

import java.io.InputStream;
import java.util.List;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import uk.gov.analyticalplatform.dataaccess.internal.flows.LogSource;

/** The platform's log bucket of S3 server access logs. */
public class S3AccessLogs implements LogSource {

	private final S3Client s3;

	private final String bucket;

	public S3AccessLogs(AwsClients clients, String bucket) {
		this.s3 = clients.s3;
		this.bucket = bucket;
	}

	@Override
	public List<String> keysAfter(String prefix, String after, int limit) {
		return this.s3.listObjectsV2((r) -> r.bucket(this.bucket).prefix(prefix).maxKeys(limit).startAfter(after))
			.contents()
			.stream()
			.map(S3Object::key)
			.toList();
	}

	@Override
	public InputStream open(String key) {
		return this.s3.getObject((r) -> r.bucket(this.bucket).key(key));
	}

}
