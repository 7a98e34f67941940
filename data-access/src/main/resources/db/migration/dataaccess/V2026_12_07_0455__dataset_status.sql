-- Datasets' apply status moves onto the reconcile kernel's standard status table (StatusRows), so that a
-- dataset whose provisioning fails is retried with a backoff of its own (failures, next_attempt_at) instead
-- of waiting for the next resync, like users' roles, tools and apps.
CREATE TABLE dataset_status (
    dataset_id          uuid        PRIMARY KEY REFERENCES datasets (id) ON DELETE CASCADE,
    generation          bigint      NOT NULL DEFAULT 1 CHECK (generation > 0),
    observed_generation bigint      NOT NULL DEFAULT 0 CHECK (observed_generation >= 0),
    state               text        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'APPLYING', 'READY', 'FAILED')),
    reason              text,
    failures            integer     NOT NULL DEFAULT 0 CHECK (failures >= 0),
    next_attempt_at     timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    applied_at          timestamptz,
    CHECK (state <> 'FAILED' OR reason IS NOT NULL)
);
CREATE INDEX dataset_status_due ON dataset_status (next_attempt_at) WHERE generation > observed_generation;

-- What the datasets' own columns say now; a failed one is due at once (it waited for a resync before).
INSERT INTO dataset_status (dataset_id, generation, observed_generation, state, reason, failures, next_attempt_at,
                            updated_at, applied_at)
SELECT id, generation, observed_generation, apply_state,
       CASE WHEN apply_state = 'FAILED' THEN coalesce(apply_reason, 'failed before this migration') ELSE apply_reason END,
       CASE WHEN apply_state = 'FAILED' THEN 1 ELSE 0 END, now(), now(), applied_at
  FROM datasets;

-- Every dataset has its status row from the moment it exists, whoever inserts it (a replica of the previous
-- release during a rolling upgrade included): the reconciler finds its work in this table only.
CREATE FUNCTION dataset_status_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO dataset_status (dataset_id, next_attempt_at, updated_at) VALUES (NEW.id, now(), now());
    RETURN NEW;
END;
$$;
CREATE TRIGGER datasets_status_row AFTER INSERT ON datasets FOR EACH ROW EXECUTE FUNCTION dataset_status_row();

-- datasets.generation, observed_generation, apply_state, apply_reason and applied_at are no longer read or
-- written; they stay for the previous release during a rolling upgrade and go in a later migration.
GRANT SELECT, INSERT, UPDATE ON dataset_status TO ${app_role};
