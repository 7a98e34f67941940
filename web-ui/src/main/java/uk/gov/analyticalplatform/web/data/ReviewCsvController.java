package uk.gov.analyticalplatform.web.data;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import uk.gov.analyticalplatform.dataaccess.AccessReviewEntry;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetCatalog;
import uk.gov.analyticalplatform.dataaccess.Grants;
import uk.gov.analyticalplatform.dataaccess.UserRef;

/**
 * A dataset's access review as CSV: every grant ever made, who holds it (and a group's
 * members), since when, granted or approved by whom, on what justification, and when and
 * by whom it ended. The module decides who may read it.
 */
@Controller
class ReviewCsvController {

	private final DatasetCatalog catalog;

	private final Grants grants;

	private final DataCallers callers;

	ReviewCsvController(DatasetCatalog catalog, Grants grants, DataCallers callers) {
		this.catalog = catalog;
		this.grants = grants;
		this.callers = callers;
	}

	/**
	 * Written on the request's own thread (not as an asynchronous body, whose second
	 * dispatch the browser security chain would see without the session's sign-in).
	 */
	@GetMapping("/data/datasets/{id}/access-review.csv")
	void review(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		Dataset dataset = this.catalog.get(id);
		List<AccessReviewEntry> entries = this.grants.review(this.callers.current(), id);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("access-review-" + dataset.name() + ".csv")
					.build()
					.toString());
		Writer writer = response.getWriter();
		writer.write(ReviewCsv.HEADER);
		for (AccessReviewEntry entry : entries) {
			writer.write(ReviewCsv.line(entry));
		}
		writer.flush();
	}

	/** The CSV's lines, quoted per RFC 4180 and guarded against spreadsheet formulas. */
	static final class ReviewCsv {

		static final String HEADER = "grant_id,dataset,principal_type,principal,members,level,paths,since,granted_by,"
				+ "request_id,justification,expires_at,revoked_at,revoked_by\r\n";

		private ReviewCsv() {
		}

		static String line(AccessReviewEntry entry) {
			List<String> cells = List.of(entry.grantId().toString(), entry.dataset().name(),
					entry.principal().type().name(),
					(entry.principal().name() != null) ? entry.principal().name() : entry.principal().id(),
					String.join(" ", entry.members().stream().map(UserRef::username).toList()), entry.level().name(),
					String.join(" ",
							entry.paths().stream().map((path) -> path.path() + ":" + path.level().name()).toList()),
					text(entry.since()), (entry.grantedBy() != null) ? entry.grantedBy().username() : "",
					text(entry.requestId()), text(entry.justification()), text(entry.expiresAt()),
					text(entry.revokedAt()), text(entry.revokedBy()));
			return String.join(",", cells.stream().map(ReviewCsv::cell).toList()) + "\r\n";
		}

		private static String text(Object value) {
			return (value != null) ? value.toString() : "";
		}

		static String cell(String value) {
			String safe = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
			boolean quote = safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
					|| !safe.equals(value);
			return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
		}

	}

}
