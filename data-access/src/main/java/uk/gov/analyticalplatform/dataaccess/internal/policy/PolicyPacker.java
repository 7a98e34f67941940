package uk.gov.analyticalplatform.dataaccess.internal.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs statements, in order, into the inline policy and then into as few
 * customer-managed policies as needed, splitting a statement's list where a policy fills
 * up.
 */
final class PolicyPacker {

	private static final String HEAD = "{\"Version\":\"2012-10-17\",\"Statement\":[";

	private static final String TAIL = "]}";

	private final int inlineLimit;

	private final int managedLimit;

	private final int maxManaged;

	private final List<String> documents = new ArrayList<>();

	private StringBuilder current;

	private int statementsInCurrent;

	PolicyPacker(int inlineLimit, int managedLimit, int maxManaged) {
		this.inlineLimit = inlineLimit;
		this.managedLimit = managedLimit;
		this.maxManaged = maxManaged;
		open();
	}

	/** Adds the statement, split as needed. */
	void add(Statement statement) {
		int size = statement.items().size();
		int from = 0;
		while (from < size) {
			int to = fit(statement, from);
			if (to == from) {
				if (this.statementsInCurrent == 0) {
					throw new PolicyLimitExceeded("One policy statement is too large for any IAM policy: "
							+ statement.render(from, from + 1));
				}
				close();
				open();
				continue;
			}
			append(statement.render(from, to));
			from = to;
		}
	}

	/** The documents: the inline policy first. */
	List<String> finish() {
		if (this.statementsInCurrent > 0) {
			close();
		}
		return List.copyOf(this.documents);
	}

	/** How far from {@code from} the statement's items fit in the current policy. */
	private int fit(Statement statement, int from) {
		int room = limit() - this.current.length() - TAIL.length() - ((this.statementsInCurrent > 0) ? 1 : 0);
		int length = statement.lengthWith(from, from);
		int to = from;
		while (to < statement.items().size()) {
			int more = Json.stringLength(statement.items().get(to)) + ((to > from) ? 1 : 0);
			if (length + more > room) {
				break;
			}
			length += more;
			to++;
		}
		return to;
	}

	private int limit() {
		return this.documents.isEmpty() ? this.inlineLimit : this.managedLimit;
	}

	private void open() {
		this.current = new StringBuilder(HEAD);
		this.statementsInCurrent = 0;
	}

	private void append(String statement) {
		if (this.statementsInCurrent > 0) {
			this.current.append(',');
		}
		this.current.append(statement);
		this.statementsInCurrent++;
	}

	private void close() {
		this.documents.add(this.current.append(TAIL).toString());
		if (this.documents.size() - 1 > this.maxManaged) {
			throw new PolicyLimitExceeded("The access needs more than " + this.maxManaged
					+ " customer-managed policies besides the inline policy; IAM attaches at most " + this.maxManaged
					+ " to a role");
		}
	}

}
