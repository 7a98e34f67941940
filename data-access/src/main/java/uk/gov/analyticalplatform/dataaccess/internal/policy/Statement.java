package uk.gov.analyticalplatform.dataaccess.internal.policy;

import java.util.List;

/**
 * A policy statement whose one list (its resources, or its condition's values) may be
 * split across several statements, and policies, to stay within IAM's limits.
 *
 * @param head the JSON before the splittable list, such as
 * {@code {"Effect":"Allow","Action":[...],"Resource":}}
 * @param tail the JSON after the list
 * @param items the list, in order
 */
record Statement(String head, String tail, List<String> items) {

	static Statement allow(List<String> actions, List<String> resources) {
		return of("Allow", actions, resources);
	}

	static Statement deny(List<String> actions, List<String> resources) {
		return of("Deny", actions, resources);
	}

	private static Statement of(String effect, List<String> actions, List<String> resources) {
		return new Statement("{\"Effect\":\"" + effect + "\",\"Action\":" + Json.array(actions) + ",\"Resource\":", "}",
				resources);
	}

	/**
	 * Allows the actions on one resource when the condition key matches one of the
	 * values.
	 */
	static Statement allowWhen(List<String> actions, String resource, String operator, String key,
			List<String> values) {
		return new Statement("{\"Effect\":\"Allow\",\"Action\":" + Json.array(actions) + ",\"Resource\":"
				+ Json.string(resource) + ",\"Condition\":{" + Json.string(operator) + ":{" + Json.string(key) + ":",
				"}}}", values);
	}

	/** The length of this statement written with only {@code items[from, to)}. */
	int lengthWith(int from, int to) {
		int length = this.head.length() + this.tail.length() + 2 + Math.max(0, to - from - 1);
		for (int i = from; i < to; i++) {
			length += Json.stringLength(this.items.get(i));
		}
		return length;
	}

	String render(int from, int to) {
		return this.head + Json.array(this.items.subList(from, to)) + this.tail;
	}

}
