package uk.gov.analyticalplatform.dataaccess;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who read or wrote which dataset, when: the requests the S3 server access logs of
 * dataset buckets record, read by the leader's collector into {@code data_access_event}
 * and kept for the configured retention. Newest first.
 */
public interface DataFlows {

	/**
	 * A dataset's events (its managers and platform admins).
	 * @throws PermissionDenied if the caller may not manage the dataset's access
	 */
	List<DataAccessEvent> forDataset(Caller caller, UUID datasetId, FlowFilter filter);

	/**
	 * A dataset's events grouped by who, path and direction (its managers and platform
	 * admins).
	 * @throws PermissionDenied if the caller may not manage the dataset's access
	 */
	List<FlowSummary> summary(Caller caller, UUID datasetId, FlowFilter filter);

	/** The caller's own events, on every dataset. */
	List<DataAccessEvent> mine(Caller caller, FlowFilter filter);

	/**
	 * Every event (platform admins).
	 * @throws PermissionDenied if the caller is not a platform admin
	 */
	List<DataAccessEvent> all(Caller caller, FlowFilter filter);

	/** When each user last read the dataset, by username. */
	Map<String, Instant> lastReads(UUID datasetId);

}
