-- Data access: teams, datasets and their data admins, grants, access requests, dataset versions,
-- and the reconciler's per-user and per-dataset status. Users belong to the identity module and
-- are referred to here by their stable id and their username.

CREATE TABLE access_groups (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    description text        NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL
);

CREATE TABLE access_group_members (
    group_id   uuid        NOT NULL REFERENCES access_groups (id) ON DELETE CASCADE,
    user_id    text        NOT NULL CHECK (user_id <> ''),
    username   text        NOT NULL CHECK (username <> ''),
    added_at   timestamptz NOT NULL,
    added_by   text        NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX access_group_members_user ON access_group_members (user_id);

CREATE TABLE datasets (
    id             uuid        PRIMARY KEY,
    name           text        NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    description    text        NOT NULL DEFAULT '',
    owner_group_id uuid        NOT NULL REFERENCES access_groups (id),
    classification text        NOT NULL CHECK (classification IN ('OFFICIAL', 'OFFICIAL_SENSITIVE')),
    kind           text        NOT NULL CHECK (kind IN ('S3', 'ATHENA')),
    bucket         text        CHECK (bucket ~ '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$'),
    root_prefix    text        NOT NULL DEFAULT '' CHECK (root_prefix = '' OR root_prefix ~ '^[A-Za-z0-9_.=-]+(/[A-Za-z0-9_.=-]+)*/$'),
    glue_database  text        CHECK (glue_database ~ '^[a-z0-9_]{1,255}$'),
    glue_tables    text[]      NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL,
    generation     bigint      NOT NULL DEFAULT 1 CHECK (generation > 0),
    observed_generation bigint NOT NULL DEFAULT 0,
    apply_state    text        NOT NULL DEFAULT 'PENDING' CHECK (apply_state IN ('PENDING', 'APPLYING', 'READY', 'FAILED')),
    apply_reason   text,
    applied_at     timestamptz,
    CHECK ((kind = 'S3' AND bucket IS NOT NULL AND glue_database IS NULL AND glue_tables = '{}')
        OR (kind = 'ATHENA' AND glue_database IS NOT NULL AND bucket IS NULL AND root_prefix = ''))
);
CREATE UNIQUE INDEX datasets_location ON datasets (bucket, root_prefix) WHERE kind = 'S3';

CREATE TABLE dataset_admins (
    dataset_id uuid        NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    user_id    text        NOT NULL CHECK (user_id <> ''),
    username   text        NOT NULL CHECK (username <> ''),
    added_at   timestamptz NOT NULL,
    added_by   text        NOT NULL,
    PRIMARY KEY (dataset_id, user_id)
);
CREATE INDEX dataset_admins_user ON dataset_admins (user_id);

CREATE TABLE access_requests (
    id                 uuid        PRIMARY KEY,
    dataset_id         uuid        NOT NULL REFERENCES datasets (id),
    requester_id       text        NOT NULL CHECK (requester_id <> ''),
    requester_username text        NOT NULL CHECK (requester_username <> ''),
    level              text        NOT NULL CHECK (level IN ('READ', 'READ_WRITE', 'ADMIN')),
    justification      text        NOT NULL CHECK (length(btrim(justification)) > 0),
    wanted_until       timestamptz,
    state              text        NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'EXPIRED')),
    created_at         timestamptz NOT NULL,
    decided_at         timestamptz,
    decided_by_id      text,
    decided_by_username text,
    decision_reason    text,
    grant_id           uuid,
    CHECK ((state = 'PENDING') = (decided_at IS NULL)),
    CHECK (state <> 'APPROVED' OR grant_id IS NOT NULL),
    CHECK (state NOT IN ('APPROVED', 'REJECTED') OR decided_by_id IS DISTINCT FROM requester_id)
);
CREATE UNIQUE INDEX access_requests_one_pending ON access_requests (dataset_id, requester_id) WHERE state = 'PENDING';
CREATE INDEX access_requests_requester ON access_requests (requester_id, created_at DESC);
CREATE INDEX access_requests_pending ON access_requests (dataset_id) WHERE state = 'PENDING';

CREATE TABLE access_request_paths (
    request_id uuid NOT NULL REFERENCES access_requests (id) ON DELETE CASCADE,
    path       text NOT NULL CHECK (path <> ''),
    level      text NOT NULL CHECK (level IN ('READ', 'READ_WRITE')),
    PRIMARY KEY (request_id, path)
);

CREATE TABLE grants (
    id                  uuid        PRIMARY KEY,
    dataset_id          uuid        NOT NULL REFERENCES datasets (id),
    principal_type      text        NOT NULL CHECK (principal_type IN ('USER', 'GROUP')),
    user_id             text,
    username            text,
    group_id            uuid        REFERENCES access_groups (id),
    level               text        NOT NULL CHECK (level IN ('READ', 'READ_WRITE', 'ADMIN')),
    expires_at          timestamptz,
    granted_at          timestamptz NOT NULL,
    granted_by_id       text        NOT NULL,
    granted_by_username text        NOT NULL,
    request_id          uuid        REFERENCES access_requests (id),
    revoked_at          timestamptz,
    revoked_by          text,
    revoke_reason       text,
    CHECK ((principal_type = 'USER' AND user_id IS NOT NULL AND username IS NOT NULL AND group_id IS NULL)
        OR (principal_type = 'GROUP' AND group_id IS NOT NULL AND user_id IS NULL AND username IS NULL)),
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL)),
    CHECK (expires_at IS NULL OR expires_at > granted_at)
);
CREATE UNIQUE INDEX grants_one_active_per_user ON grants (dataset_id, user_id) WHERE revoked_at IS NULL AND principal_type = 'USER';
CREATE UNIQUE INDEX grants_one_active_per_group ON grants (dataset_id, group_id) WHERE revoked_at IS NULL AND principal_type = 'GROUP';
CREATE INDEX grants_active_user ON grants (user_id) WHERE revoked_at IS NULL;
CREATE INDEX grants_active_group ON grants (group_id) WHERE revoked_at IS NULL;
CREATE INDEX grants_expiring ON grants (expires_at) WHERE revoked_at IS NULL AND expires_at IS NOT NULL;

ALTER TABLE access_requests ADD CONSTRAINT access_requests_grant FOREIGN KEY (grant_id) REFERENCES grants (id);

CREATE TABLE grant_paths (
    grant_id uuid NOT NULL REFERENCES grants (id) ON DELETE CASCADE,
    path     text NOT NULL CHECK (path <> ''),
    level    text NOT NULL CHECK (level IN ('READ', 'READ_WRITE')),
    PRIMARY KEY (grant_id, path)
);

CREATE TABLE dataset_versions (
    id              uuid        PRIMARY KEY,
    dataset_id      uuid        NOT NULL REFERENCES datasets (id),
    version         text        NOT NULL CHECK (version ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$'),
    s3_prefix       text        NOT NULL CHECK (s3_prefix ~ '^[A-Za-z0-9_.=-]+(/[A-Za-z0-9_.=-]+)*/$'),
    object_count    integer     NOT NULL CHECK (object_count > 0),
    total_bytes     bigint      NOT NULL CHECK (total_bytes >= 0),
    registered_at   timestamptz NOT NULL,
    registered_by   text        NOT NULL,
    UNIQUE (dataset_id, version),
    UNIQUE (dataset_id, s3_prefix)
);

CREATE TABLE dataset_version_objects (
    version_id uuid   NOT NULL REFERENCES dataset_versions (id),
    object_key text   NOT NULL CHECK (object_key <> ''),
    size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
    sha256     text   NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (version_id, object_key)
);

-- One row per user who has, or had, access: the reconciler's desired generation, what it last
-- applied, and what AWS said it allows after applying (read back from IAM).
CREATE TABLE access_roles (
    user_id             text        PRIMARY KEY CHECK (user_id <> ''),
    username            text        NOT NULL CHECK (username <> ''),
    generation          bigint      NOT NULL DEFAULT 1 CHECK (generation > 0),
    observed_generation bigint      NOT NULL DEFAULT 0 CHECK (observed_generation >= 0),
    state               text        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'APPLYING', 'READY', 'FAILED')),
    reason              text,
    failures            integer     NOT NULL DEFAULT 0 CHECK (failures >= 0),
    next_attempt_at     timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    applied_at          timestamptz,
    role_arn            text,
    applied_policies    jsonb,
    CHECK (state <> 'FAILED' OR reason IS NOT NULL)
);
CREATE INDEX access_roles_due ON access_roles (next_attempt_at) WHERE generation > observed_generation;

-- The application may append and read; it may change only the columns a workflow moves on.
GRANT SELECT, INSERT ON access_groups TO ${app_role};
GRANT UPDATE (description) ON access_groups TO ${app_role};
GRANT SELECT, INSERT, DELETE ON access_group_members TO ${app_role};
GRANT SELECT, INSERT ON datasets TO ${app_role};
GRANT UPDATE (description, generation, observed_generation, apply_state, apply_reason, applied_at) ON datasets TO ${app_role};
GRANT SELECT, INSERT, DELETE ON dataset_admins TO ${app_role};
GRANT SELECT, INSERT ON access_requests TO ${app_role};
GRANT UPDATE (state, decided_at, decided_by_id, decided_by_username, decision_reason, grant_id) ON access_requests TO ${app_role};
GRANT SELECT, INSERT ON access_request_paths TO ${app_role};
GRANT SELECT, INSERT ON grants TO ${app_role};
GRANT UPDATE (revoked_at, revoked_by, revoke_reason) ON grants TO ${app_role};
GRANT SELECT, INSERT ON grant_paths TO ${app_role};
GRANT SELECT, INSERT ON dataset_versions TO ${app_role};
GRANT SELECT, INSERT ON dataset_version_objects TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON access_roles TO ${app_role};
