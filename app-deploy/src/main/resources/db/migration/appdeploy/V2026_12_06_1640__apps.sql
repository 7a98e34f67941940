-- App deployment: analysts' apps, their owners, versions (images), deployment history, viewers
-- (at most platform.apps.max-viewers per app), environment, encrypted secrets, and the
-- reconciler's status of each app in Kubernetes. Users belong to the identity module and are
-- referred to by their stable id and username; viewers by email, so that someone without an
-- account yet can be let in once they first sign in.

CREATE TABLE apps (
    id               uuid        PRIMARY KEY,
    -- a DNS label short enough for the namespace app-<name> and the host <name>.<apps-domain>
    name             text        NOT NULL UNIQUE CHECK (name ~ '^[a-z][a-z0-9-]{1,38}[a-z0-9]$'),
    description      text        NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
    repository_url   text        NOT NULL CHECK (repository_url ~ '^https://github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$'),
    image_repository text        NOT NULL CHECK (image_repository ~ '^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-][a-z0-9]+)*)+$'),
    -- the version the owners want running; NULL until the first deployment
    deployed_version uuid,
    -- the number the next registered version gets
    next_version     integer     NOT NULL DEFAULT 1 CHECK (next_version > 0),
    created_at       timestamptz NOT NULL,
    created_by       text        NOT NULL
);

CREATE TABLE app_owners (
    app_id   uuid        NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    user_id  text        NOT NULL CHECK (user_id <> ''),
    username text        NOT NULL CHECK (username <> ''),
    added_at timestamptz NOT NULL,
    added_by text        NOT NULL,
    PRIMARY KEY (app_id, user_id)
);
CREATE INDEX app_owners_user ON app_owners (user_id);

-- The gate looks up (app name → id, email) on every request: the primary key serves it.
CREATE TABLE app_viewers (
    app_id   uuid        NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    email    text        NOT NULL CHECK (email = lower(email) AND email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' AND char_length(email) <= 254),
    added_at timestamptz NOT NULL,
    added_by text        NOT NULL,
    PRIMARY KEY (app_id, email)
);

CREATE TABLE app_versions (
    id            uuid        PRIMARY KEY,
    app_id        uuid        NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    number        integer     NOT NULL CHECK (number > 0),
    -- repository@sha256:<digest>, or repository:tag where the registry could not be asked
    image         text        NOT NULL CHECK (image ~ '^[a-z0-9][a-z0-9._/:-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[0-9a-f]{64})$'),
    registered_at timestamptz NOT NULL,
    registered_by text        NOT NULL,
    UNIQUE (app_id, number),
    UNIQUE (app_id, id)
);

ALTER TABLE apps ADD CONSTRAINT apps_deployed_version FOREIGN KEY (id, deployed_version)
    REFERENCES app_versions (app_id, id) DEFERRABLE INITIALLY DEFERRED;

-- Who deployed what and when: never changed, kept after the version is pruned.
CREATE TABLE app_deployments (
    id             uuid        PRIMARY KEY,
    app_id         uuid        NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    version_number integer     NOT NULL CHECK (version_number > 0),
    image          text        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('DEPLOY', 'ROLLBACK')),
    deployed_at    timestamptz NOT NULL,
    deployed_by    text        NOT NULL
);
CREATE INDEX app_deployments_app ON app_deployments (app_id, deployed_at DESC);

CREATE TABLE app_env (
    app_id uuid NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    name   text NOT NULL CHECK (name ~ '^[A-Za-z_][A-Za-z0-9_]{0,127}$'),
    value  text NOT NULL CHECK (char_length(value) <= 4096),
    PRIMARY KEY (app_id, name)
);

-- Secrets are stored only sealed (AES-GCM, bound to the app and the secret's name).
CREATE TABLE app_secrets (
    app_id     uuid        NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    name       text        NOT NULL CHECK (name ~ '^[A-Za-z_][A-Za-z0-9_]{0,127}$'),
    key_id     text        NOT NULL CHECK (key_id <> ''),
    nonce      bytea       NOT NULL CHECK (octet_length(nonce) = 12),
    ciphertext bytea       NOT NULL CHECK (octet_length(ciphertext) >= 16),
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL,
    PRIMARY KEY (app_id, name)
);

-- The reconciler's status of each app in Kubernetes, by name: it outlives the app's row until
-- the app's objects are gone. serving_version is the version last seen rolled out and ready.
CREATE TABLE app_rollouts (
    name                text        PRIMARY KEY CHECK (name <> ''),
    serving_version     integer,
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
CREATE INDEX app_rollouts_due ON app_rollouts (next_attempt_at) WHERE generation > observed_generation;

GRANT SELECT, INSERT, DELETE ON apps TO ${app_role};
GRANT UPDATE (description, repository_url, image_repository, deployed_version, next_version) ON apps TO ${app_role};
GRANT SELECT, INSERT, DELETE ON app_owners TO ${app_role};
GRANT SELECT, INSERT, DELETE ON app_viewers TO ${app_role};
GRANT SELECT, INSERT, DELETE ON app_versions TO ${app_role};
GRANT SELECT, INSERT, DELETE ON app_deployments TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON app_env TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON app_secrets TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON app_rollouts TO ${app_role};
