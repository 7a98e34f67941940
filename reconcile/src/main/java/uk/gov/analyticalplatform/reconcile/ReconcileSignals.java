package uk.gov.analyticalplatform.reconcile;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Passes change signals on to whoever listens: the writers of desired state hold one, and
 * the loops that converge it listen, whether they exist yet or not.
 */
public class ReconcileSignals implements ReconcileSignal {

	private final List<ReconcileSignal> listeners = new CopyOnWriteArrayList<>();

	public void listen(ReconcileSignal listener) {
		this.listeners.add(listener);
	}

	@Override
	public void changed() {
		this.listeners.forEach(ReconcileSignal::changed);
	}

}
