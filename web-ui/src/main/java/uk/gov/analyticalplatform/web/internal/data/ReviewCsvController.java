package uk.gov.analyticalplatform.web.internal.data;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import uk.gov.analyticalplatform.dataaccess.AccessReviewCsv;
import uk.gov.analyticalplatform.dataaccess.AccessReviewEntry;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetCatalog;
import uk.gov.analyticalplatform.dataaccess.Grants;

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
		AccessReviewCsv.write(entries, response.getWriter());
	}

}
