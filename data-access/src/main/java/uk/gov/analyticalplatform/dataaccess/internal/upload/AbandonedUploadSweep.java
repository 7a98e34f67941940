package uk.gov.analyticalplatform.dataaccess.internal.upload;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import uk.gov.analyticalplatform.audit.Actor;
import uk.gov.analyticalplatform.dataaccess.UploadState;
import uk.gov.analyticalplatform.reconcile.Outcome;
import uk.gov.analyticalplatform.reconcile.Reconciler;

/**
 * Aborts uploads left in progress longer than the abandon time, discarding their parts in
 * S3 (the buckets' lifecycle rule is the backstop for uploads the platform lost track
 * of). A reconciler of the kernel, so only the leader runs it.
 */
class AbandonedUploadSweep implements Reconciler<UUID> {

	static final Actor SYSTEM = Actor.system("dataaccess-uploads");

	private final UploadService uploads;

	private final Clock clock;

	private final Duration abandonAfter;

	AbandonedUploadSweep(UploadService uploads, Clock clock, Duration abandonAfter) {
		this.uploads = uploads;
		this.clock = clock;
		this.abandonAfter = abandonAfter;
	}

	@Override
	public List<UUID> due(int limit) {
		return this.uploads.rows().startedBefore(this.clock.instant().minus(this.abandonAfter), limit);
	}

	@Override
	public List<UUID> all() {
		return due(200);
	}

	@Override
	public Outcome reconcile(UUID id) {
		UploadRows.Row row = this.uploads.rows().get(id);
		if (row.upload().state() != UploadState.IN_PROGRESS) {
			return Outcome.NOOP;
		}
		this.uploads.abort(SYSTEM, row, "abandoned: still in progress after " + this.abandonAfter);
		return Outcome.DELETED;
	}

}
