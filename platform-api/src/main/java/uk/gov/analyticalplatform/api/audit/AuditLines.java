package uk.gov.analyticalplatform.api.audit;

import uk.gov.analyticalplatform.audit.AuditRecord;

/** Writes exported audit events one line each. */
interface AuditLines {

	void header();

	void write(AuditRecord event);

}
