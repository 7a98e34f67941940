-- Data in: proposals under governance approval, retention of proposed datasets, uploads into
-- datasets, and the data-flow events read from S3 server access logs.

-- A dataset an analyst proposes. A platform admin or a member of the governance group decides
-- it, never the proposer; approval creates the dataset in the same transaction.
CREATE TABLE dataset_proposals (
    id                  uuid        PRIMARY KEY,
    name                text        NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    description         text        NOT NULL DEFAULT '',
    classification      text        NOT NULL CHECK (classification IN ('OFFICIAL', 'OFFICIAL_SENSITIVE')),
    kind                text        NOT NULL CHECK (kind = 'S3'),
    purpose             text        NOT NULL CHECK (length(btrim(purpose)) > 0),
    legal_basis         text        NOT NULL CHECK (length(btrim(legal_basis)) > 0),
    retention_days      integer     NOT NULL CHECK (retention_days BETWEEN 1 AND 36500),
    retention_action    text        NOT NULL CHECK (retention_action IN ('ARCHIVE', 'DELETE')),
    owner_group_id      uuid        NOT NULL REFERENCES access_groups (id),
    proposer_id         text        NOT NULL CHECK (proposer_id <> ''),
    proposer_username   text        NOT NULL CHECK (proposer_username <> ''),
    state               text        NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'REJECTED')),
    created_at          timestamptz NOT NULL,
    decided_at          timestamptz,
    decided_by_id       text,
    decided_by_username text,
    decision_reason     text,
    dataset_id          uuid        UNIQUE REFERENCES datasets (id),
    CHECK ((state = 'PENDING') = (decided_at IS NULL)),
    CHECK ((state = 'PENDING') = (decided_by_id IS NULL)),
    CHECK ((state = 'APPROVED') = (dataset_id IS NOT NULL)),
    CHECK (state <> 'REJECTED' OR length(btrim(decision_reason)) > 0),
    CONSTRAINT dataset_proposals_not_self_decided CHECK (decided_by_id IS DISTINCT FROM proposer_id)
);
CREATE UNIQUE INDEX dataset_proposals_one_pending_name ON dataset_proposals (name) WHERE state = 'PENDING';
CREATE INDEX dataset_proposals_pending ON dataset_proposals (created_at) WHERE state = 'PENDING';
CREATE INDEX dataset_proposals_proposer ON dataset_proposals (proposer_id, created_at DESC);

-- How long a proposed dataset keeps its objects, and what happens then (a lifecycle rule).
ALTER TABLE datasets ADD COLUMN retention_days integer CHECK (retention_days BETWEEN 1 AND 36500);
ALTER TABLE datasets ADD COLUMN retention_action text CHECK (retention_action IN ('ARCHIVE', 'DELETE'));
ALTER TABLE datasets ADD CONSTRAINT datasets_retention_whole CHECK ((retention_days IS NULL) = (retention_action IS NULL));

-- A file being uploaded into a dataset as an S3 multipart upload, and the parts received.
CREATE TABLE dataset_uploads (
    id              uuid        PRIMARY KEY,
    dataset_id      uuid        NOT NULL REFERENCES datasets (id),
    path            text        NOT NULL CHECK (path <> '' AND path !~ '(^/|//|/$)'),
    object_key      text        NOT NULL CHECK (object_key <> ''),
    s3_upload_id    text        NOT NULL CHECK (s3_upload_id <> ''),
    size_bytes      bigint      NOT NULL CHECK (size_bytes >= 0),
    part_size       bigint      NOT NULL CHECK (part_size >= 5242880),
    expected_sha256 text        CHECK (expected_sha256 ~ '^[0-9a-f]{64}$'),
    sha256          text        CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    s3_version_id   text,
    state           text        NOT NULL CHECK (state IN ('IN_PROGRESS', 'COMPLETED', 'FAILED', 'ABORTED')),
    reason          text,
    created_by_id   text        NOT NULL CHECK (created_by_id <> ''),
    created_by      text        NOT NULL CHECK (created_by <> ''),
    created_at      timestamptz NOT NULL,
    finished_at     timestamptz,
    sealed_version_id uuid      REFERENCES dataset_versions (id),
    CHECK ((state = 'IN_PROGRESS') = (finished_at IS NULL)),
    CHECK (state <> 'COMPLETED' OR sha256 IS NOT NULL),
    CHECK (state NOT IN ('FAILED', 'ABORTED') OR reason IS NOT NULL),
    CHECK (sealed_version_id IS NULL OR state = 'COMPLETED')
);
CREATE UNIQUE INDEX dataset_uploads_one_live_per_key ON dataset_uploads (dataset_id, object_key) WHERE state = 'IN_PROGRESS';
CREATE INDEX dataset_uploads_stale ON dataset_uploads (created_at) WHERE state = 'IN_PROGRESS';
CREATE INDEX dataset_uploads_dataset ON dataset_uploads (dataset_id, created_at DESC);

CREATE TABLE dataset_upload_parts (
    upload_id   uuid        NOT NULL REFERENCES dataset_uploads (id) ON DELETE CASCADE,
    part_number integer     NOT NULL CHECK (part_number BETWEEN 1 AND 10000),
    size_bytes  bigint      NOT NULL CHECK (size_bytes > 0),
    sha256      text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    etag        text        NOT NULL CHECK (etag <> ''),
    received_at timestamptz NOT NULL,
    PRIMARY KEY (upload_id, part_number)
);

-- Every request the S3 server access logs of dataset buckets record, mapped to the dataset, the
-- path and the user, app or pipeline behind the role; and the log files already read.
CREATE TABLE data_access_log_files (
    log_key      text        PRIMARY KEY,
    lines        integer     NOT NULL CHECK (lines >= 0),
    stored       integer     NOT NULL CHECK (stored >= 0),
    skipped      integer     NOT NULL CHECK (skipped >= 0),
    read_at      timestamptz NOT NULL
);

CREATE TABLE data_access_event (
    log_key      text        NOT NULL,
    line         integer     NOT NULL CHECK (line > 0),
    at           timestamptz NOT NULL,
    dataset_id   uuid        REFERENCES datasets (id) ON DELETE SET NULL,
    bucket       text        NOT NULL,
    object_key   text,
    path         text,
    operation    text        NOT NULL,
    direction    text        NOT NULL CHECK (direction IN ('READ', 'WRITE', 'LIST', 'OTHER')),
    http_status  integer,
    bytes        bigint      NOT NULL DEFAULT 0 CHECK (bytes >= 0),
    requester    text,
    role_name    text,
    principal_type text      NOT NULL CHECK (principal_type IN ('USER', 'APP', 'PIPELINE', 'PLATFORM', 'UNKNOWN')),
    principal    text,
    request_id   text,
    PRIMARY KEY (log_key, line)
);
CREATE INDEX data_access_event_dataset ON data_access_event (dataset_id, at DESC);
CREATE INDEX data_access_event_principal ON data_access_event (principal, at DESC);
CREATE INDEX data_access_event_at ON data_access_event (at);

GRANT SELECT, INSERT ON dataset_proposals TO ${app_role};
GRANT UPDATE (state, decided_at, decided_by_id, decided_by_username, decision_reason, dataset_id) ON dataset_proposals TO ${app_role};
GRANT SELECT, INSERT ON dataset_uploads TO ${app_role};
GRANT UPDATE (sha256, s3_version_id, state, reason, finished_at, sealed_version_id) ON dataset_uploads TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON dataset_upload_parts TO ${app_role};
GRANT SELECT, INSERT, DELETE ON data_access_log_files TO ${app_role};
GRANT SELECT, INSERT, DELETE ON data_access_event TO ${app_role};
