package uk.gov.analyticalplatform.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash of a link: SHA-256 of the canonical JSON of the event's fields, its chain
 * position and the previous link's hash. Canonical means: keys sorted, no white space,
 * strings escaped the same way every time, the time in ISO-8601 UTC, and the details as
 * PostgreSQL renders the stored {@code jsonb} value (which is itself canonical: sorted
 * keys, one spelling).
 */
final class ChainHash {

	static final byte[] GENESIS = new byte[32];

	private static final HexFormat HEX = HexFormat.of();

	private ChainHash() {
	}

	static byte[] of(StoredEvent event, long seq, byte[] prevHash) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return sha256.digest(canonical(event, seq, prevHash).getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	static String canonical(StoredEvent event, long seq, byte[] prevHash) {
		StringBuilder json = new StringBuilder(256 + event.detailsJson().length());
		json.append("{\"action\":");
		string(json, event.action());
		json.append(",\"actor\":{\"ip\":");
		string(json, event.actorIp());
		json.append(",\"userAgent\":");
		string(json, event.actorUserAgent());
		json.append(",\"userId\":");
		string(json, event.actorUserId());
		json.append(",\"username\":");
		string(json, event.actorUsername());
		json.append("},\"details\":").append(event.detailsJson());
		json.append(",\"id\":").append(event.id());
		json.append(",\"occurredAt\":");
		string(json, DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
		json.append(",\"prevHash\":");
		string(json, HEX.formatHex(prevHash));
		json.append(",\"requestId\":");
		string(json, event.requestId());
		json.append(",\"seq\":").append(seq);
		json.append(",\"target\":{\"id\":");
		string(json, event.targetId());
		json.append(",\"type\":");
		string(json, event.targetType());
		return json.append("}}").toString();
	}

	static String hex(byte[] bytes) {
		return (bytes != null) ? HEX.formatHex(bytes) : null;
	}

	private static void string(StringBuilder json, String value) {
		if (value == null) {
			json.append("null");
			return;
		}
		json.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

}
