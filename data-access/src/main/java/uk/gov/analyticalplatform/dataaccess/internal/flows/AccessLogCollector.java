package uk.gov.analyticalplatform.dataaccess.internal.flows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionOperations;

import uk.gov.analyticalplatform.reconcile.Outcome;
import uk.gov.analyticalplatform.reconcile.Reconciler;

/**
 * Reads the server access logs of dataset buckets from the platform's log bucket into
 * {@code data_access_event}: a reconciler of the kernel (so only the leader runs it),
 * keyed by log file. Each dataset bucket's logs are under {@code <bucket>/}; a pass lists
 * each prefix after the last file it read there (so it resumes where it stopped), reads
 * each new file and streams its lines, parsed and mapped in one pass, into the table with
 * PostgreSQL's {@code COPY} while it downloads, recording the file as read in the same
 * transaction (so a file read twice changes nothing: a second pass finds it read, and a
 * concurrent one fails on the file's and lines' keys and rolls back). Malformed lines are
 * counted and skipped, never fatal. Events older than the retention are deleted.
 */
class AccessLogCollector implements Reconciler<String> {

	private static final Logger log = LoggerFactory.getLogger(AccessLogCollector.class);

	private static final int LIST_LIMIT = 1000;

	private final FlowRows rows;

	private final LogSource logs;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final String rolePrefix;

	private final Duration retention;

	AccessLogCollector(FlowRows rows, LogSource logs, TransactionOperations transactions, Clock clock,
			String rolePrefix, Duration retention) {
		this.rows = rows;
		this.logs = logs;
		this.transactions = transactions;
		this.clock = clock;
		this.rolePrefix = rolePrefix;
		this.retention = retention;
	}

	@Override
	public List<String> due(int limit) {
		List<String> due = new ArrayList<>();
		for (String bucket : this.rows.buckets()) {
			String prefix = bucket + "/";
			String from = this.rows.lastRead(prefix).map((last) -> dayOf(prefix, last)).orElse(null);
			java.util.Set<String> read = (from != null) ? this.rows.readSince(from) : java.util.Set.of();
			String after = from;
			while (due.size() < limit) {
				List<String> page = this.logs.keysAfter(prefix, after, LIST_LIMIT);
				page.stream().filter((key) -> !read.contains(key)).limit(limit - due.size()).forEach(due::add);
				if (page.size() < LIST_LIMIT) {
					break;
				}
				after = page.get(page.size() - 1);
			}
		}
		return due;
	}

	/**
	 * Where to list from again: the start of the day of the last file read, so that a
	 * file delivered late, or one whose reading failed, is still found.
	 */
	static String dayOf(String prefix, String lastKey) {
		String name = lastKey.substring(prefix.length());
		return (name.length() >= 10) ? prefix + name.substring(0, 10) : prefix;
	}

	@Override
	public List<String> all() {
		return due(LIST_LIMIT);
	}

	@Override
	public int prune() {
		return this.rows.deleteBefore(this.clock.instant().minus(this.retention));
	}

	@Override
	public Outcome reconcile(String key) {
		if (this.rows.read(key)) {
			return Outcome.NOOP;
		}
		FlowMapping mapping = new FlowMapping(this.rolePrefix, this.rows.locations());
		Read read = this.transactions.execute((tx) -> {
			this.rows.deleteEvents(key);
			try (InputStream in = this.logs.open(key)) {
				Read copied = this.rows.copy((out) -> read(in, mapping, new CopyRows(out, key)));
				if (!this.rows.markRead(key, copied.lines(), copied.stored(), copied.skipped(), this.clock.instant())) {
					tx.setRollbackOnly();
					return null;
				}
				return copied;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read access log " + key, ex);
			}
		});
		if (read == null) {
			return Outcome.NOOP;
		}
		if (read.skipped() > 0) {
			log.warn("Skipped {} malformed lines of {} in access log {}", read.skipped(), read.lines(), key);
		}
		return Outcome.CREATED;
	}

	/**
	 * Parses a log file's lines in one pass, writing each event as it goes.
	 */
	static Read read(InputStream in, FlowMapping mapping, CopyRows out) throws IOException {
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
		int lines = 0;
		int skipped = 0;
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			if (line.isBlank()) {
				continue;
			}
			lines++;
			AccessLogLine parsed = AccessLogLine.parse(line);
			if (parsed == null) {
				skipped++;
				continue;
			}
			out.add(lines, parsed, mapping.map(parsed));
		}
		return new Read(lines, out.rows(), skipped);
	}

	/**
	 * A log file as read.
	 *
	 * @param lines its non-blank lines
	 * @param stored the events stored
	 * @param skipped the malformed ones
	 */
	record Read(int lines, int stored, int skipped) {

	}

}
