package uk.gov.analyticalplatform.dataaccess.internal.flows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.DataAccessEvent;
import uk.gov.analyticalplatform.dataaccess.DataFlows;
import uk.gov.analyticalplatform.dataaccess.FlowFilter;
import uk.gov.analyticalplatform.dataaccess.FlowSummary;
import uk.gov.analyticalplatform.dataaccess.PermissionDenied;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetCatalogService;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetRows;

/** Reads data-flow events for data admins, users and platform admins. */
class FlowService implements DataFlows {

	private final FlowRows rows;

	private final DatasetRows datasets;

	private final DatasetCatalogService catalog;

	FlowService(FlowRows rows, DatasetRows datasets, DatasetCatalogService catalog) {
		this.rows = rows;
		this.datasets = datasets;
		this.catalog = catalog;
	}

	@Override
	public List<DataAccessEvent> forDataset(Caller caller, UUID datasetId, FlowFilter filter) {
		this.catalog.requireManager(caller, this.datasets.get(datasetId));
		return this.rows.events(datasetId, null, null, filter);
	}

	@Override
	public List<FlowSummary> summary(Caller caller, UUID datasetId, FlowFilter filter) {
		this.catalog.requireManager(caller, this.datasets.get(datasetId));
		return this.rows.summary(datasetId, filter);
	}

	@Override
	public List<DataAccessEvent> mine(Caller caller, FlowFilter filter) {
		return this.rows.events(null, "USER", caller.username(), filter);
	}

	@Override
	public List<DataAccessEvent> all(Caller caller, FlowFilter filter) {
		if (!caller.platformAdmin()) {
			throw new PermissionDenied("Only platform admins see every data flow");
		}
		return this.rows.events(null, null, null, filter);
	}

	@Override
	public Map<String, Instant> lastReads(UUID datasetId) {
		return this.rows.lastReads(datasetId);
	}

}
