package uk.gov.analyticalplatform.dataaccess.internal.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * S3 prefixes as a user's access sees them: each is empty (the whole bucket) or ends in
 * {@code /}, so one covers another exactly when it is a string prefix of it.
 */
final class Prefixes {

	private Prefixes() {
	}

	/** The prefixes, sorted, without any that a broader one covers. */
	static List<String> minimal(Collection<String> prefixes) {
		List<String> kept = new ArrayList<>();
		for (String prefix : new TreeSet<>(prefixes)) {
			// sorted, so a covering prefix is the last one kept or covers it too
			if (kept.isEmpty() || !prefix.startsWith(kept.get(kept.size() - 1))) {
				kept.add(prefix);
			}
		}
		return kept;
	}

	/** Whether any of the (minimal, sorted) prefixes covers the prefix. */
	static boolean covered(List<String> minimal, String prefix) {
		for (String candidate : minimal) {
			if (prefix.startsWith(candidate)) {
				return true;
			}
		}
		return false;
	}

}
