package uk.gov.analyticalplatform.dataaccess.internal.aws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Policy documents as IAM returns them (URL-encoded JSON) and compared by meaning. */
final class PolicyDocuments {

	private static final JsonMapper json = JsonMapper.builder().build();

	private PolicyDocuments() {
	}

	/** The document as JSON text, decoding IAM's URL encoding. */
	static String decode(String document) {
		if (document == null) {
			return null;
		}
		String trimmed = document.trim();
		return trimmed.startsWith("{") ? trimmed : URLDecoder.decode(trimmed, StandardCharsets.UTF_8);
	}

	/** Whether two documents say the same, whatever their whitespace. */
	static boolean same(String actual, String desired) {
		if (actual == null || desired == null) {
			return actual == desired;
		}
		try {
			return tree(decode(actual)).equals(tree(desired));
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	static JsonNode tree(String document) {
		return json.readTree(document);
	}

	static String write(Object value) {
		return json.writeValueAsString(value);
	}

}
