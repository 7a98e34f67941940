package uk.gov.analyticalplatform.audit.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import uk.gov.analyticalplatform.audit.AuditQuery;

/** The SQL {@code WHERE} clause and parameters of a query over {@code audit_event e}. */
record AuditFilter(String where, List<Object> parameters) {

	static AuditFilter of(AuditQuery query, Long before) {
		List<String> conditions = new ArrayList<>();
		List<Object> parameters = new ArrayList<>();
		add(conditions, parameters, "e.actor_username = ?", query.actor());
		if (query.actionPrefix() != null) {
			add(conditions, parameters, "e.action LIKE ?", escapeLike(query.actionPrefix()) + "%");
		}
		add(conditions, parameters, "e.target_type = ?", query.targetType());
		add(conditions, parameters, "e.target_id = ?", query.targetId());
		add(conditions, parameters, "e.occurred_at >= ?", (query.from() != null) ? Timestamp.from(query.from()) : null);
		add(conditions, parameters, "e.occurred_at < ?", (query.to() != null) ? Timestamp.from(query.to()) : null);
		add(conditions, parameters, "e.id < ?", before);
		String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		return new AuditFilter(where, parameters);
	}

	private static void add(List<String> conditions, List<Object> parameters, String condition, Object value) {
		if (value != null) {
			conditions.add(condition);
			parameters.add(value);
		}
	}

	private static String escapeLike(String prefix) {
		return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
