package uk.gov.analyticalplatform.api.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

import uk.gov.analyticalplatform.audit.AuditCsv;
import uk.gov.analyticalplatform.audit.AuditRecord;

/** The audit log as the audit module's {@link AuditCsv}, one event a line. */
class AuditCsvLines implements AuditLines {

	private final Writer writer;

	AuditCsvLines(Writer writer) {
		this.writer = writer;
	}

	@Override
	public void header() {
		line(AuditCsv.HEADER);
	}

	@Override
	public void write(AuditRecord event) {
		line(AuditCsv.line(event));
	}

	private void line(String text) {
		try {
			this.writer.write(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
