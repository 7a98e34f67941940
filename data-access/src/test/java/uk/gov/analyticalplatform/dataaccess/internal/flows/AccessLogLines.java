package uk.gov.analyticalplatform.dataaccess.internal.flows;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Lines of S3 server access logs in AWS's documented format, for tests and benchmarks.
 */
public final class AccessLogLines {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private AccessLogLines() {
	}

	/** A request by a role to a key, as S3 logs it. */
	public static String line(String bucket, Instant at, String roleName, String operation, String key, int status,
			long bytesSent, long objectSize) {
		String requester = (roleName != null)
				? "arn:aws:sts::123456789012:assumed-role/" + roleName + "/botocore-session-1700000000" : "-";
		String method = operation.contains(".GET.") ? "GET" : operation.contains(".PUT.") ? "PUT" : "POST";
		return "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be " + bucket + " [" + TIME.format(at)
				+ "] 192.0.2.3 " + requester + " 3E57427F3EXAMPLE " + operation + " "
				+ ((key != null) ? key.replace(" ", "%20") : "-") + " \"" + method + " /" + bucket + "/"
				+ ((key != null) ? key.replace(" ", "%20") : "") + " HTTP/1.1\" " + status + " - "
				+ ((bytesSent > 0) ? bytesSent : "-") + " " + ((objectSize > 0) ? objectSize : "-")
				+ " 70 10 \"-\" \"aws-cli/2.15.0 Python/3.11 Linux/6.1 exe/x86_64 command/s3.cp\" - "
				+ "s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234= SigV4 "
				+ "ECDHE-RSA-AES128-GCM-SHA256 AuthHeader " + bucket + ".s3.eu-west-2.amazonaws.com TLSv1.2 - -";
	}

}
