package uk.gov.analyticalplatform.api.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

import tools.jackson.databind.json.JsonMapper;

import uk.gov.analyticalplatform.audit.AuditRecord;

/** JSON Lines: one event a line as a JSON object, newest first. */
class AuditJsonLines implements AuditLines {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Writer writer;

	AuditJsonLines(Writer writer) {
		this.writer = writer;
	}

	@Override
	public void header() {
	}

	@Override
	public void write(AuditRecord event) {
		try {
			this.writer.write(json.writeValueAsString(event));
			this.writer.write('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
