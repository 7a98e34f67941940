package uk.gov.analyticalplatform.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One thing that happened, to be recorded: who ({@link Actor}), what (a dotted,
 * lower-case verb such as {@code grant.created}, {@code totp.reset},
 * {@code app.viewer.added}), to what (a target type and id) and the particulars
 * ({@code details}: strings, numbers, booleans, nulls, lists and maps of those;
 * {@code before}/{@code after} where something changed). The log adds the time, the
 * request's IP, user agent and id, and the hash chain.
 *
 * @param actor who did it
 * @param action the dotted verb
 * @param targetType the kind of thing acted on, such as {@code grant} or {@code user}
 * @param targetId the id of the thing acted on
 * @param details particulars, as a JSON object
 */
public record AuditEvent(Actor actor, String action, String targetType, String targetId, Map<String, Object> details) {

	private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

	public AuditEvent {
		Objects.requireNonNull(actor, "actor");
		Objects.requireNonNull(targetType, "targetType");
		Objects.requireNonNull(targetId, "targetId");
		if (action == null || !ACTION.matcher(action).matches()) {
			throw new IllegalArgumentException(
					"An audit action is a dotted lower-case verb such as 'grant.created', not '" + action + "'");
		}
		details = Collections.unmodifiableMap(new LinkedHashMap<>((details != null) ? details : Map.of()));
	}

	/** An event with no details yet; add them with {@link #with}. */
	public static AuditEvent of(Actor actor, String action, String targetType, String targetId) {
		return new AuditEvent(actor, action, targetType, targetId, Map.of());
	}

	/** This event with one more detail. */
	public AuditEvent with(String key, Object value) {
		Map<String, Object> more = new LinkedHashMap<>(this.details);
		more.put(key, value);
		return new AuditEvent(this.actor, this.action, this.targetType, this.targetId, more);
	}

	/** This event with a change recorded as {@code before} and {@code after} values. */
	public AuditEvent change(Object before, Object after) {
		return with("before", before).with("after", after);
	}

}
