package uk.gov.analyticalplatform.dataaccess.internal.policy;

import java.util.List;

/** Just enough JSON writing for policy documents: compact, in the order given. */
final class Json {

	private Json() {
	}

	static String string(String value) {
		StringBuilder out = new StringBuilder(value.length() + 2);
		appendString(out, value);
		return out.toString();
	}

	static void appendString(StringBuilder out, String value) {
		out.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	static String array(List<String> values) {
		StringBuilder out = new StringBuilder();
		out.append('[');
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			appendString(out, values.get(i));
		}
		return out.append(']').toString();
	}

	/** The length of {@code value} written as a JSON string, quotes included. */
	static int stringLength(String value) {
		int length = value.length() + 2;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"' || c == '\\') {
				length += 1;
			}
			else if (c < 0x20) {
				length += 5;
			}
		}
		return length;
	}

}
