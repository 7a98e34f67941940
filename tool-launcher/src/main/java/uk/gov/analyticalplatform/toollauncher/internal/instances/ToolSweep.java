package uk.gov.analyticalplatform.toollauncher.internal.instances;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import uk.gov.analyticalplatform.reconcile.Outcome;
import uk.gov.analyticalplatform.reconcile.Reconciler;

/**
 * The periodic sweep, on a loop of the kernel under the leadership: stops instances idle
 * longer than their profile allows (IDLED), stops instances of a release whose retirement
 * time has passed, and fails starts that did not reach READY within the start timeout.
 * Each is audited by {@link InstanceService}.
 */
class ToolSweep implements Reconciler<String> {

	private final InstanceRows rows;

	private final InstanceService instances;

	private final Duration startTimeout;

	ToolSweep(InstanceRows rows, InstanceService instances, Duration startTimeout) {
		this.rows = rows;
		this.instances = instances;
		this.startTimeout = startTimeout;
	}

	@Override
	public List<String> due(int limit) {
		List<String> due = new ArrayList<>();
		this.rows.idle().forEach((id) -> due.add("idle:" + id));
		this.rows.onRetiredReleases().forEach((id) -> due.add("retired:" + id));
		this.rows.startsOlderThan(this.startTimeout).forEach((id) -> due.add("timeout:" + id));
		return due.subList(0, Math.min(limit, due.size()));
	}

	@Override
	public List<String> all() {
		return due(Integer.MAX_VALUE);
	}

	@Override
	public Outcome reconcile(String key) {
		UUID id = UUID.fromString(key.substring(key.indexOf(':') + 1));
		if (key.startsWith("idle:")) {
			this.instances.idle(id);
		}
		else if (key.startsWith("retired:")) {
			this.instances.retire(id);
		}
		else {
			this.instances.timedOut(id, this.startTimeout);
		}
		return Outcome.PATCHED;
	}

}
