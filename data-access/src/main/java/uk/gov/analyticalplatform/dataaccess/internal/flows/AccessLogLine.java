package uk.gov.analyticalplatform.dataaccess.internal.flows;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One record of an S3 server access log, in AWS's documented format: space-separated
 * fields, the time in brackets ({@code [06/Feb/2019:00:00:38 +0000]}), the request URI,
 * referrer and user agent in double quotes, {@code -} for none, and fields AWS may add at
 * the end ignored. Only what data-flow tracking needs is kept.
 *
 * @param bucket the bucket
 * @param at when the request was received
 * @param requester the requester's ARN (or canonical id), or {@code null} for anonymous
 * @param requestId S3's request id
 * @param operation such as {@code REST.GET.OBJECT}
 * @param key the object key, decoded, or {@code null}
 * @param httpStatus the response status, or 0 if not given
 * @param bytesSent bytes sent in the response
 * @param objectSize the object's size
 */
record AccessLogLine(String bucket, Instant at, String requester, String requestId, String operation, String key,
		int httpStatus, long bytesSent, long objectSize) {

	private static final String[] MONTHS = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
			"Nov", "Dec" };

	/**
	 * Parses a line.
	 * @return the record, or {@code null} for a malformed line
	 */
	static AccessLogLine parse(String line) {
		if (!CopyRows.storable(line)) {
			return null;
		}
		try {
			Fields fields = new Fields(line);
			fields.next();
			String bucket = fields.next();
			Instant at = time(fields.bracketed());
			fields.next();
			String requester = dash(fields.next());
			String requestId = fields.next();
			String operation = fields.next();
			String key = dash(fields.next());
			fields.quoted();
			String status = fields.next();
			fields.next();
			long bytesSent = number(fields.next());
			long objectSize = number(fields.next());
			if (bucket == null || at == null || operation == null || operation.isEmpty() || requestId == null
					|| status == null) {
				return null;
			}
			String decoded = decode(key);
			if (!CopyRows.storable(decoded)) {
				return null;
			}
			return new AccessLogLine(bucket, at, requester, requestId, operation, decoded,
					"-".equals(status) ? 0 : (int) digits(status, 3), bytesSent, objectSize);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String dash(String value) {
		return "-".equals(value) ? null : value;
	}

	private static long number(String value) {
		return (value == null || "-".equals(value)) ? 0 : digits(value, 18);
	}

	/** A non-negative number of at most {@code most} digits, no sign. */
	private static long digits(String value, int most) {
		if (value.isEmpty() || value.length() > most) {
			throw new IllegalArgumentException("not a number: " + value);
		}
		long number = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				throw new IllegalArgumentException("not a number: " + value);
			}
			number = number * 10 + (c - '0');
		}
		return number;
	}

	/** The key URL-decoded; most keys have nothing to decode. */
	private static String decode(String key) {
		if (key == null || (key.indexOf('%') < 0 && key.indexOf('+') < 0)) {
			return key;
		}
		return URLDecoder.decode(key, StandardCharsets.UTF_8);
	}

	/** {@code 06/Feb/2019:00:00:38 +0000}. */
	private static Instant time(String text) {
		if (text == null || text.length() != 26) {
			return null;
		}
		int month = -1;
		String name = text.substring(3, 6);
		for (int i = 0; i < MONTHS.length; i++) {
			if (MONTHS[i].equals(name)) {
				month = i + 1;
			}
		}
		if (month < 0) {
			return null;
		}
		LocalDateTime local = LocalDateTime.of(Integer.parseInt(text, 7, 11, 10), month,
				Integer.parseInt(text, 0, 2, 10), Integer.parseInt(text, 12, 14, 10),
				Integer.parseInt(text, 15, 17, 10), Integer.parseInt(text, 18, 20, 10));
		int sign = (text.charAt(21) == '-') ? -1 : 1;
		int offset = sign * (Integer.parseInt(text, 22, 24, 10) * 3600 + Integer.parseInt(text, 24, 26, 10) * 60);
		return local.toInstant(ZoneOffset.ofTotalSeconds(offset));
	}

	/** A cursor over the fields of a line. */
	private static final class Fields {

		private final String line;

		private int at;

		Fields(String line) {
			this.line = line;
		}

		String next() {
			skipSpaces();
			if (this.at >= this.line.length()) {
				return null;
			}
			int end = this.line.indexOf(' ', this.at);
			end = (end < 0) ? this.line.length() : end;
			String field = this.line.substring(this.at, end);
			this.at = end;
			return field;
		}

		String bracketed() {
			return enclosed('[', ']');
		}

		String quoted() {
			return enclosed('"', '"');
		}

		private String enclosed(char open, char close) {
			skipSpaces();
			if (this.at >= this.line.length()) {
				return null;
			}
			if (this.line.charAt(this.at) != open) {
				return next();
			}
			int end = this.line.indexOf(close, this.at + 1);
			if (end < 0) {
				throw new IllegalArgumentException("unclosed " + open);
			}
			String field = this.line.substring(this.at + 1, end);
			this.at = end + 1;
			return field;
		}

		private void skipSpaces() {
			while (this.at < this.line.length() && this.line.charAt(this.at) == ' ') {
				this.at++;
			}
		}

	}

}
