package uk.gov.analyticalplatform.audit;

import java.util.List;

/**
 * One page of events, newest first.
 *
 * @param events the events
 * @param nextCursor the cursor of the next (older) page, or {@code null} on the last page
 */
public record AuditPage(List<AuditRecord> events, Long nextCursor) {

}
