package uk.gov.analyticalplatform.dataaccess.internal.status;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Passes change signals on to whoever listens (the reconciler, once it exists). */
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
