package uk.gov.analyticalplatform.dataaccess;

/**
 * Where a request is: {@code PENDING} until exactly one of {@code APPROVED},
 * {@code REJECTED}, {@code WITHDRAWN} (by the requester) or {@code EXPIRED} (its wanted
 * end date passed, or it waited too long).
 */
public enum AccessRequestState {

	PENDING, APPROVED, REJECTED, WITHDRAWN, EXPIRED

}
