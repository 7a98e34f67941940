package uk.gov.analyticalplatform.api.dataaccess;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import uk.gov.analyticalplatform.dataaccess.AccessReviewCsv;
import uk.gov.analyticalplatform.dataaccess.AccessReviewEntry;
import uk.gov.analyticalplatform.dataaccess.DatasetCatalog;
import uk.gov.analyticalplatform.dataaccess.Grant;
import uk.gov.analyticalplatform.dataaccess.Grants;
import uk.gov.analyticalplatform.dataaccess.InvalidGrant;
import uk.gov.analyticalplatform.identity.UserAccount;

/**
 * Who has what on a dataset, for its data admins and platform admins (the module refuses
 * everyone else): the active grants, and the access review as CSV or JSON.
 */
@RestController
@RequestMapping("/api/v1/datasets/{id}")
@Tag(name = "Datasets")
class DatasetAccessController {

	private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final Grants grants;

	private final DatasetCatalog catalog;

	private final JsonMapper json;

	DatasetAccessController(Grants grants, DatasetCatalog catalog, JsonMapper json) {
		this.grants = grants;
		this.catalog = catalog;
		this.json = json;
	}

	@GetMapping("/access")
	@Operation(summary = "Active grants on the dataset: principal, level, paths, granted by, when, expiry")
	Page<Grant> access(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id,
			@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
		this.catalog.get(id);
		List<Grant> active = this.grants.activeOn(Callers.of(user), id);
		return Page.of(active, (grant) -> Page.timeKey(grant.grantedAt(), grant.id()), false, cursor, limit,
				(grant) -> grant);
	}

	@GetMapping("/access-review")
	@Operation(summary = "The access review of the dataset, every grant ever made, streamed as CSV or as JSON",
			description = """
					format=csv (the default) streams text/csv with the columns grant_id, dataset, principal_type, \
					principal, members, level, paths, since, granted_by, request_id, justification, expires_at, \
					revoked_at, revoked_by, last_read_at, owners_changed_at. format=json answers the same facts, \
					one object per grant: grantId, dataset {id, name}, principal {type, id, name}, members \
					[{userId, username}] (a group's members now; an app's owners now, who deploy the code that \
					runs with its role; empty for a user), level, paths [{path, level}], since, grantedBy \
					{userId, username}, requestId, justification, expiresAt, revokedAt, revokedBy, lastReadAt (when \
					the holder, or any member of a group now, last read the dataset, or null), ownersChangedAt (for \
					an app, when an owner it has now was added after the grant, so they hold its access unreviewed; \
					else null).""")
	ResponseEntity<StreamingResponseBody> accessReview(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id,
			@RequestParam(defaultValue = "csv") String format) {
		if (!"csv".equals(format) && !"json".equals(format)) {
			throw new InvalidGrant("The access review format is 'csv' or 'json', not '" + format + "'");
		}
		String name = this.catalog.get(id).name();
		List<AccessReviewEntry> review = this.grants.review(Callers.of(user), id);
		if ("json".equals(format)) {
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.body((out) -> this.json.writeValue(out, review));
		}
		StreamingResponseBody body = (out) -> AccessReviewCsv.write(review,
				new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"access-review-" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv\"")
			.body(body);
	}

}
