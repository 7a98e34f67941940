package uk.gov.analyticalplatform.api.audit;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import uk.gov.analyticalplatform.audit.Actor;
import uk.gov.analyticalplatform.audit.AuditEvents;
import uk.gov.analyticalplatform.audit.AuditPage;
import uk.gov.analyticalplatform.audit.AuditQuery;
import uk.gov.analyticalplatform.audit.Checkpoint;
import uk.gov.analyticalplatform.audit.InvalidAuditQuery;
import uk.gov.analyticalplatform.audit.VerifyReport;
import uk.gov.analyticalplatform.identity.UserAccount;

/**
 * The audit log for platform admins (the security configuration lets no one else in):
 * search, streaming export, verification and checkpoints.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

	private final AuditEvents auditEvents;

	AuditController(AuditEvents auditEvents) {
		this.auditEvents = auditEvents;
	}

	@GetMapping("/events")
	AuditPage events(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(required = false) Long cursor, @RequestParam(defaultValue = "50") int limit) {
		return this.auditEvents.search(new AuditQuery(actor, action, targetType, targetId, from, to), cursor, limit);
	}

	@GetMapping("/events/export")
	ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal UserAccount admin,
			@RequestParam String format, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) String targetType,
			@RequestParam(required = false) String targetId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
		ExportFormat lines = ExportFormat.of(format);
		AuditQuery query = new AuditQuery(actor, action, targetType, targetId, from, to);
		Actor reader = Actor.user(admin.id().toString(), admin.username());
		StreamingResponseBody body = (out) -> {
			BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
			AuditLines exported = lines.lines(writer);
			exported.header();
			this.auditEvents.export(reader, query, lines.value(), exported::write);
			writer.flush();
		};
		return ResponseEntity.ok()
			.contentType(lines.mediaType())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"audit-events-" + Instant.now().getEpochSecond() + "." + lines.value()
							+ "\"")
			.body(body);
	}

	@PostMapping("/verify")
	VerifyReport verify(@AuthenticationPrincipal UserAccount admin) {
		return this.auditEvents.verify(Actor.user(admin.id().toString(), admin.username()));
	}

	@GetMapping("/checkpoints")
	List<Checkpoint> checkpoints() {
		return this.auditEvents.checkpoints();
	}

	@PostMapping("/checkpoints")
	Checkpoint checkpoint() {
		return this.auditEvents.checkpoint();
	}

	/** How an export is written. */
	enum ExportFormat {

		CSV("csv", MediaType.parseMediaType("text/csv;charset=UTF-8")),

		JSONL("jsonl", MediaType.parseMediaType("application/x-ndjson"));

		private final String value;

		private final MediaType mediaType;

		ExportFormat(String value, MediaType mediaType) {
			this.value = value;
			this.mediaType = mediaType;
		}

		String value() {
			return this.value;
		}

		MediaType mediaType() {
			return this.mediaType;
		}

		AuditLines lines(BufferedWriter writer) {
			return (this == CSV) ? new AuditCsvLines(writer) : new AuditJsonLines(writer);
		}

		static ExportFormat of(String value) {
			for (ExportFormat format : values()) {
				if (format.value.equals(value)) {
					return format;
				}
			}
			throw new InvalidAuditQuery("The export format is 'csv' or 'jsonl', not '" + value + "'");
		}

	}

}
