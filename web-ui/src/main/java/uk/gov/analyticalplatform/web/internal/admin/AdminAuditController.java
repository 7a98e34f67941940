package uk.gov.analyticalplatform.web.internal.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import uk.gov.analyticalplatform.audit.Actor;
import uk.gov.analyticalplatform.audit.AuditEvents;
import uk.gov.analyticalplatform.audit.AuditQuery;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.web.SignInSessions;

/**
 * Platform admins read, filter, export and verify the audit log. Only {@code /admin/**}
 * pages reach this controller, and the security configuration lets only platform admins
 * in.
 */
@Controller
class AdminAuditController {

	private static final int PAGE_SIZE = 50;

	private final AuditEvents auditEvents;

	private final SignInSessions sessions;

	AdminAuditController(AuditEvents auditEvents, SignInSessions sessions) {
		this.auditEvents = auditEvents;
		this.sessions = sessions;
	}

	@GetMapping("/admin/audit")
	String events(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String action,
			@RequestParam(defaultValue = "") String targetType, @RequestParam(defaultValue = "") String targetId,
			@RequestParam(required = false) Long cursor, Model model) {
		AuditQuery query = new AuditQuery(blankToNull(actor), blankToNull(action), blankToNull(targetType),
				blankToNull(targetId), null, null);
		Map<String, String> filter = new LinkedHashMap<>();
		filter.put("actor", actor);
		filter.put("action", action);
		filter.put("targetType", targetType);
		filter.put("targetId", targetId);
		model.addAttribute("filter", filter);
		model.addAttribute("page", this.auditEvents.search(query, cursor, PAGE_SIZE));
		model.addAttribute("csv", exportLink("csv", filter));
		model.addAttribute("jsonl", exportLink("jsonl", filter));
		return "admin/audit";
	}

	@PostMapping("/admin/audit/verify")
	String verify(Model model) {
		UserAccount admin = this.sessions.current().orElseThrow().user();
		model.addAttribute("report", this.auditEvents.verify(Actor.user(admin.id().toString(), admin.username())));
		return events("", "", "", "", null, model);
	}

	private static String exportLink(String format, Map<String, String> filter) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath("/api/v1/audit/events/export")
			.queryParam("format", format);
		filter.forEach((name, value) -> {
			if (!value.isBlank()) {
				link.queryParam(name, value);
			}
		});
		return link.encode().build().toUriString();
	}

	private static String blankToNull(String value) {
		return value.isBlank() ? null : value.trim();
	}

}
