package uk.gov.analyticalplatform.dataaccess;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;

import uk.gov.analyticalplatform.audit.Csv;

/**
 * The access review of a dataset as CSV, one grant a line: who holds it (and a group's
 * members), what, since when, granted or approved by whom, on what justification, and
 * when and by whom it ended, when the holder last read the dataset, and for an app (whose
 * owners are its members) when an owner was added after the grant, each cell quoted and
 * defused by {@link Csv}. The API and the control panel export the same file.
 */
public final class AccessReviewCsv {

	/** The header line, ending in CRLF. */
	public static final String HEADER = "grant_id,dataset,principal_type,principal,members,level,paths,since,granted_by,"
			+ "request_id,justification,expires_at,revoked_at,revoked_by,last_read_at," + "owners_changed_at\r\n";

	private AccessReviewCsv() {
	}

	/**
	 * The whole review, header first, to {@code writer}, which is flushed and left open.
	 */
	public static void write(List<AccessReviewEntry> review, Writer writer) throws IOException {
		writer.write(HEADER);
		for (AccessReviewEntry entry : review) {
			writer.write(line(entry));
		}
		writer.flush();
	}

	/** One grant as one line, ending in CRLF. */
	public static String line(AccessReviewEntry entry) {
		return Csv
			.line(Arrays.asList(entry.grantId().toString(), entry.dataset().name(), entry.principal().type().name(),
					(entry.principal().name() != null) ? entry.principal().name() : entry.principal().id(),
					String.join(" ", entry.members().stream().map(UserRef::username).toList()), entry.level().name(),
					String.join(" ",
							entry.paths().stream().map((path) -> path.path() + ":" + path.level().name()).toList()),
					text(entry.since()), (entry.grantedBy() != null) ? entry.grantedBy().username() : null,
					text(entry.requestId()), entry.justification(), text(entry.expiresAt()), text(entry.revokedAt()),
					text(entry.revokedBy()), text(entry.lastReadAt()), text(entry.ownersChangedAt())));
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

}
