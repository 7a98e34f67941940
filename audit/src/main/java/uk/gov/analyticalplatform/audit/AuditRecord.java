package uk.gov.analyticalplatform.audit;

import java.time.Instant;
import java.util.Map;

/**
 * An event as recorded, with its place in the hash chain once the sequencer has linked it
 * ({@code seq}, {@code prevHash} and {@code hash} are {@code null} for the moment in
 * between).
 *
 * @param id the event's id
 * @param occurredAt when it was recorded (UTC)
 * @param actorUserId the acting user's id, {@code null} for the system
 * @param actorUsername the acting user's username, or {@code system:<component>}
 * @param actorIp the client's address, when recorded during a request
 * @param actorUserAgent the client's user agent, when recorded during a request
 * @param requestId the request id, when recorded during a request
 * @param action the dotted verb
 * @param targetType the kind of thing acted on
 * @param targetId the id of the thing acted on
 * @param details the particulars, as a JSON object
 * @param seq the position in the chain, from 1, gap-free
 * @param prevHash the previous link's hash, hex
 * @param hash this link's hash, hex
 */
public record AuditRecord(long id, Instant occurredAt, String actorUserId, String actorUsername, String actorIp,
		String actorUserAgent, String requestId, String action, String targetType, String targetId,
		Map<String, Object> details, Long seq, String prevHash, String hash) {

}
