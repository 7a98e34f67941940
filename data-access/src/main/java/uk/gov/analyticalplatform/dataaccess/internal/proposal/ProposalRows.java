package uk.gov.analyticalplatform.dataaccess.internal.proposal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.Classification;
import uk.gov.analyticalplatform.dataaccess.DatasetProposal;
import uk.gov.analyticalplatform.dataaccess.DatasetRef;
import uk.gov.analyticalplatform.dataaccess.GroupRef;
import uk.gov.analyticalplatform.dataaccess.NewDatasetProposal;
import uk.gov.analyticalplatform.dataaccess.ProposalNotFound;
import uk.gov.analyticalplatform.dataaccess.ProposalState;
import uk.gov.analyticalplatform.dataaccess.RetentionAction;
import uk.gov.analyticalplatform.dataaccess.RetentionNotice;
import uk.gov.analyticalplatform.dataaccess.UserRef;

/** The {@code dataset_proposals} table. */
class ProposalRows {

	private static final String SELECT = """
			SELECT p.*, g.name AS owner_name FROM dataset_proposals p JOIN access_groups g ON g.id = p.owner_group_id
			""";

	private final JdbcClient jdbc;

	ProposalRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, NewDatasetProposal proposal, Caller proposer, Instant at) {
		this.jdbc.sql("""
				INSERT INTO dataset_proposals (id, name, description, classification, kind, purpose, legal_basis,
				  retention_days, retention_action, owner_group_id, proposer_id, proposer_username, state, created_at)
				VALUES (:id, :name, :description, :classification, :kind, :purpose, :legalBasis, :days, :action,
				  :owner, :proposerId, :proposer, 'PENDING', :at)
				""")
			.param("id", id)
			.param("name", proposal.name())
			.param("description", proposal.description())
			.param("classification", proposal.classification().name())
			.param("kind", proposal.kind().name())
			.param("purpose", proposal.purpose().trim())
			.param("legalBasis", proposal.legalBasis().trim())
			.param("days", proposal.retentionDays())
			.param("action", proposal.retentionAction().name())
			.param("owner", proposal.ownerGroupId())
			.param("proposerId", proposer.userId())
			.param("proposer", proposer.username())
			.param("at", Timestamp.from(at))
			.update();
	}

	boolean pendingWithName(String name) {
		return this.jdbc.sql("SELECT count(*) FROM dataset_proposals WHERE name = :name AND state = 'PENDING'")
			.param("name", name)
			.query(Integer.class)
			.single() > 0;
	}

	/** Locks the proposal's row for the rest of the transaction. */
	DatasetProposal lock(UUID id) {
		this.jdbc.sql("SELECT id FROM dataset_proposals WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> ProposalNotFound.forId(id));
		return get(id);
	}

	DatasetProposal get(UUID id) {
		return find(id).orElseThrow(() -> ProposalNotFound.forId(id));
	}

	Optional<DatasetProposal> find(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE p.id = :id").param("id", id).query(ProposalRows::proposal).optional();
	}

	/** The proposal that created the dataset, if one did. */
	Optional<DatasetProposal> ofDataset(UUID datasetId) {
		return this.jdbc.sql(SELECT + " WHERE p.dataset_id = :dataset")
			.param("dataset", datasetId)
			.query(ProposalRows::proposal)
			.optional();
	}

	List<DatasetProposal> pending(String exceptProposerId) {
		return this.jdbc.sql(SELECT + " WHERE p.state = 'PENDING' AND p.proposer_id <> :user ORDER BY p.created_at")
			.param("user", exceptProposerId)
			.query(ProposalRows::proposal)
			.list();
	}

	List<DatasetProposal> by(String proposerId) {
		return this.jdbc.sql(SELECT + " WHERE p.proposer_id = :user ORDER BY p.created_at DESC")
			.param("user", proposerId)
			.query(ProposalRows::proposal)
			.list();
	}

	void decide(UUID id, ProposalState state, Caller decider, String reason, UUID datasetId, Instant at) {
		this.jdbc.sql("""
				UPDATE dataset_proposals SET state = :state, decided_at = :at, decided_by_id = :deciderId,
				  decided_by_username = :decider, decision_reason = :reason, dataset_id = :dataset
				 WHERE id = :id AND state = 'PENDING'
				""")
			.param("id", id)
			.param("state", state.name())
			.param("at", Timestamp.from(at))
			.param("deciderId", decider.userId())
			.param("decider", decider.username())
			.param("reason", reason)
			.param("dataset", datasetId)
			.update();
	}

	/**
	 * Datasets with a retention whose period ends before the given time, of those the
	 * user administers (or all).
	 */
	List<RetentionNotice> retentionEndingBefore(Instant before, String adminUserId) {
		return this.jdbc.sql("""
				SELECT d.id, d.name, d.retention_days, d.retention_action,
				       d.created_at + make_interval(days => d.retention_days) AS ends
				  FROM datasets d
				 WHERE d.retention_days IS NOT NULL
				   AND d.created_at + make_interval(days => d.retention_days) <= :before
				   AND (CAST(:user AS text) IS NULL OR d.id IN (
				        SELECT dataset_id FROM dataset_admins WHERE user_id = :user
				        UNION
				        SELECT g.dataset_id FROM grants g LEFT JOIN access_group_members m ON m.group_id = g.group_id
				         WHERE g.revoked_at IS NULL AND g.level = 'ADMIN' AND (g.user_id = :user OR m.user_id = :user)))
				 ORDER BY ends, d.name
				""")
			.param("before", Timestamp.from(before))
			.param("user", adminUserId, java.sql.Types.VARCHAR)
			.query((row, n) -> new RetentionNotice(new DatasetRef(row.getObject(1, UUID.class), row.getString(2)),
					row.getInt(3), RetentionAction.valueOf(row.getString(4)), row.getTimestamp(5).toInstant()))
			.list();
	}

	private static DatasetProposal proposal(ResultSet row, int n) throws SQLException {
		Timestamp decided = row.getTimestamp("decided_at");
		String deciderId = row.getString("decided_by_id");
		return new DatasetProposal(row.getObject("id", UUID.class), row.getString("name"), row.getString("description"),
				Classification.valueOf(row.getString("classification")), row.getString("purpose"),
				row.getString("legal_basis"), row.getInt("retention_days"),
				RetentionAction.valueOf(row.getString("retention_action")),
				new GroupRef(row.getObject("owner_group_id", UUID.class), row.getString("owner_name")),
				new UserRef(row.getString("proposer_id"), row.getString("proposer_username")),
				ProposalState.valueOf(row.getString("state")), row.getTimestamp("created_at").toInstant(),
				(decided != null) ? decided.toInstant() : null,
				(deciderId != null) ? new UserRef(deciderId, row.getString("decided_by_username")) : null,
				row.getString("decision_reason"), row.getObject("dataset_id", UUID.class));
	}

}
