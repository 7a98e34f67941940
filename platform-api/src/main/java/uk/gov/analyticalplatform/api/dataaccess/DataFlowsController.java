package uk.gov.analyticalplatform.api.dataaccess;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.gov.analyticalplatform.dataaccess.DataAccessEvent;
import uk.gov.analyticalplatform.dataaccess.DataFlows;
import uk.gov.analyticalplatform.dataaccess.DataFlowsCsv;
import uk.gov.analyticalplatform.dataaccess.DatasetCatalog;
import uk.gov.analyticalplatform.dataaccess.FlowFilter;
import uk.gov.analyticalplatform.dataaccess.FlowSummary;
import uk.gov.analyticalplatform.dataaccess.InvalidDataset;
import uk.gov.analyticalplatform.identity.UserAccount;

/**
 * Who read or wrote which dataset, when, from S3 server access logs: a dataset's flows
 * for its data admins, a user's own, every flow for platform admins; JSON or CSV
 * ({@code format=csv}).
 */
@RestController
@Tag(name = "Data flows", description = "Who read or wrote which dataset, when, as S3 access logs record it")
class DataFlowsController {

	private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final DataFlows flows;

	private final DatasetCatalog catalog;

	DataFlowsController(DataFlows flows, DatasetCatalog catalog) {
		this.flows = flows;
		this.catalog = catalog;
	}

	@GetMapping("/api/v1/datasets/{id}/flows")
	@Operation(summary = "The dataset's data-flow events, newest first, filtered (data admins, platform admins)")
	ResponseEntity<?> dataset(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id,
			@RequestParam(required = false) String principal, @RequestParam(required = false) String path,
			@RequestParam(required = false) String direction, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(defaultValue = "500") int limit,
			@RequestParam(defaultValue = "json") String format) {
		String name = this.catalog.get(id).name();
		return respond(this.flows.forDataset(Callers.of(user), id,
				new FlowFilter(principal, path, direction, from, to, limit)), format, "flows-" + name);
	}

	@GetMapping("/api/v1/datasets/{id}/flows/summary")
	@Operation(summary = "Who read or wrote which paths of the dataset: requests, objects, bytes, first and last")
	List<FlowSummary> summary(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id,
			@RequestParam(required = false) String principal, @RequestParam(required = false) String path,
			@RequestParam(required = false) String direction, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(defaultValue = "500") int limit) {
		return this.flows.summary(Callers.of(user), id, new FlowFilter(principal, path, direction, from, to, limit));
	}

	@GetMapping("/api/v1/me/flows")
	@Operation(summary = "The caller's own data-flow events on every dataset")
	ResponseEntity<?> mine(@AuthenticationPrincipal UserAccount user, @RequestParam(required = false) String path,
			@RequestParam(required = false) String direction, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(defaultValue = "500") int limit,
			@RequestParam(defaultValue = "json") String format) {
		return respond(this.flows.mine(Callers.of(user), new FlowFilter(null, path, direction, from, to, limit)),
				format, "my-flows");
	}

	@GetMapping("/api/v1/flows")
	@Operation(summary = "Every data-flow event (platform admins)")
	ResponseEntity<?> all(@AuthenticationPrincipal UserAccount user, @RequestParam(required = false) String principal,
			@RequestParam(required = false) String path, @RequestParam(required = false) String direction,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(defaultValue = "500") int limit, @RequestParam(defaultValue = "json") String format) {
		return respond(this.flows.all(Callers.of(user), new FlowFilter(principal, path, direction, from, to, limit)),
				format, "flows");
	}

	private static ResponseEntity<?> respond(List<DataAccessEvent> events, String format, String file) {
		if ("json".equals(format)) {
			return ResponseEntity.ok(events);
		}
		if (!"csv".equals(format)) {
			throw new InvalidDataset("The format is 'json' or 'csv', not '" + format + "'");
		}
		// at most 10,000 events (the filter's limit), so the file is built in memory
		StringWriter body = new StringWriter();
		try {
			DataFlowsCsv.write(events, body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"" + file.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv\"")
			.body(body.toString());
	}

}
