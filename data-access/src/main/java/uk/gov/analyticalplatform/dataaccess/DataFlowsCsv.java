package uk.gov.analyticalplatform.dataaccess;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;

import uk.gov.analyticalplatform.audit.Csv;

/**
 * Data-flow events as CSV, one request a line, each cell quoted and defused by
 * {@link Csv}. The API and the control panel export the same file.
 */
public final class DataFlowsCsv {

	/** The header line, ending in CRLF. */
	public static final String HEADER = "at,dataset,object_key,path,operation,direction,http_status,bytes,"
			+ "principal_type,principal,role,request_id\r\n";

	private DataFlowsCsv() {
	}

	/** Every event, header first, to {@code writer}, which is flushed and left open. */
	public static void write(List<DataAccessEvent> events, Writer writer) throws IOException {
		writer.write(HEADER);
		for (DataAccessEvent event : events) {
			writer.write(Csv
				.line(Arrays.asList(event.at().toString(), (event.dataset() != null) ? event.dataset().name() : null,
						event.objectKey(), event.path(), event.operation(), event.direction(),
						Integer.toString(event.httpStatus()), Long.toString(event.bytes()), event.principalType(),
						event.principal(), event.roleName(), event.requestId())));
		}
		writer.flush();
	}

}
