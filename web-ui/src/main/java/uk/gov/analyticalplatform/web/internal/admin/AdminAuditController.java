package uk.gov.analyticalplatform.web.internal.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.gov.analyticalplatform.audit.Actor;
import uk.gov.analyticalplatform.audit.AuditCsv;
import uk.gov.analyticalplatform.audit.AuditEvents;
import uk.gov.analyticalplatform.audit.AuditPage;
import uk.gov.analyticalplatform.audit.AuditQuery;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.identity.Users;
import uk.gov.analyticalplatform.web.SignInSessions;
import uk.gov.analyticalplatform.web.internal.support.FormErrors;

/**
 * Platform admins read, filter, page through, export and verify the audit log. Only
 * {@code /admin/**} pages reach this controller, and the security configuration lets only
 * platform admins in ({@code BrowserAccessIT} checks every route).
 */
@Controller
class AdminAuditController {

	/** Times are shown as people in the UK read them, with the zone named. */
	static final ZoneId ZONE = ZoneId.of("Europe/London");

	private static final int PAGE_SIZE = 50;

	private final AuditEvents auditEvents;

	private final Users users;

	private final SignInSessions sessions;

	private final Clock clock;

	AdminAuditController(AuditEvents auditEvents, Users users, SignInSessions sessions, Clock clock) {
		this.auditEvents = auditEvents;
		this.users = users;
		this.sessions = sessions;
		this.clock = clock;
	}

	@GetMapping("/admin/audit")
	String events(AuditFilterForm filter, @RequestParam(required = false) Long cursor, Model model) {
		FormErrors errors = new FormErrors();
		AuditQuery query = filter.query(ZONE, errors);
		AuditPage page = this.auditEvents.search(query, cursor, PAGE_SIZE);
		Map<UUID, Optional<String>> names = new HashMap<>();
		List<AuditRow> rows = page.events()
			.stream()
			.map((event) -> AuditRow.of(event, ZONE,
					(id) -> names.computeIfAbsent(id, (key) -> this.users.findById(key).map(UserAccount::username))))
			.toList();
		model.addAttribute("errors", errors);
		model.addAttribute("filter", filter);
		model.addAttribute("rows", rows);
		model.addAttribute("firstPage", cursor == null);
		model.addAttribute("newest", filter.link("/admin/audit", Map.of()));
		model.addAttribute("older",
				(page.nextCursor() != null) ? filter.link("/admin/audit", Map.of("cursor", page.nextCursor())) : null);
		model.addAttribute("csv", filter.link("/admin/audit/export.csv", Map.of()));
		model.addAttribute("fields", filter.parameters());
		return "admin/audit";
	}

	/**
	 * Verifies the whole chain, then comes back to the page as it was filtered, with the
	 * result shown once.
	 */
	@PostMapping("/admin/audit/verify")
	String verify(AuditFilterForm filter, RedirectAttributes redirect) {
		redirect.addFlashAttribute("report", VerifyResult.of(this.auditEvents.verify(actor())));
		return "redirect:" + filter.link("/admin/audit", Map.of());
	}

	/**
	 * The filtered events as CSV ({@link AuditCsv}), streamed as they are read; the
	 * export is itself audited.
	 */
	@GetMapping("/admin/audit/export.csv")
	void export(AuditFilterForm filter, HttpServletResponse response) throws IOException {
		FormErrors errors = new FormErrors();
		AuditQuery query = filter.query(ZONE, errors);
		if (errors.any()) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"audit-events-" + this.clock.instant().getEpochSecond() + ".csv\"");
		Writer writer = response.getWriter();
		writer.write(AuditCsv.HEADER);
		// commits the response, and with it the session, before the export's read-only
		// transaction begins: a commit inside it could not write the session
		response.flushBuffer();
		this.auditEvents.export(actor(), query, "csv", (event) -> write(writer, AuditCsv.line(event)));
		writer.flush();
	}

	private Actor actor() {
		UserAccount admin = this.sessions.current().orElseThrow().user();
		return Actor.user(admin.id().toString(), admin.username());
	}

	private static void write(Writer writer, String line) {
		try {
			writer.write(line);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
