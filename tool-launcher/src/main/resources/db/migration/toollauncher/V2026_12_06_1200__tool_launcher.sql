-- Tool launcher: the catalogue (resource profiles, tool releases pinned by digest, who may use a
-- restricted one) and each user's tool instances with what they asked for, what the cluster runs,
-- and the reconcile kernel's standard status columns. Users belong to the identity module and are
-- referred to by their stable id and username; groups by their data-access name.

CREATE TABLE tool_profiles (
    name               text        PRIMARY KEY CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,30}$'),
    display_name       text        NOT NULL CHECK (display_name <> ''),
    cpu_request_milli  integer     NOT NULL CHECK (cpu_request_milli > 0),
    cpu_limit_milli    integer     NOT NULL,
    memory_request_mib integer     NOT NULL CHECK (memory_request_mib > 0),
    memory_limit_mib   integer     NOT NULL,
    idle_timeout_s     integer     NOT NULL CHECK (idle_timeout_s >= 60),
    restricted_group   text        CHECK (restricted_group <> ''),
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    CHECK (cpu_limit_milli >= cpu_request_milli),
    CHECK (memory_limit_mib >= memory_request_mib)
);

CREATE TABLE tool_releases (
    id             uuid        PRIMARY KEY,
    tool           text        NOT NULL CHECK (tool IN ('RSTUDIO', 'JUPYTERLAB', 'VSCODE')),
    name           text        NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9.-]{0,40}$'),
    display_name   text        NOT NULL CHECK (display_name <> ''),
    -- pinned by digest: a tag alone could be moved under running instances
    image          text        NOT NULL CHECK (image ~ '^[a-z0-9][a-z0-9./_:-]*@sha256:[0-9a-f]{64}$'),
    port           integer     NOT NULL CHECK (port BETWEEN 1024 AND 65535),
    readiness_path text        NOT NULL CHECK (readiness_path ~ '^/'),
    args           text[]      NOT NULL DEFAULT '{}',
    default_profile text       NOT NULL REFERENCES tool_profiles (name),
    status         text        NOT NULL CHECK (status IN ('ACTIVE', 'RESTRICTED', 'DEPRECATED', 'RETIRED')),
    status_message text,
    -- a retired release's running instances are stopped at this time
    retire_at      timestamptz,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    UNIQUE (tool, name),
    CHECK (status NOT IN ('DEPRECATED', 'RETIRED') OR status_message IS NOT NULL),
    CHECK (status = 'RETIRED' OR retire_at IS NULL)
);

-- who may launch a RESTRICTED release: named users and members of named groups
CREATE TABLE tool_release_access (
    release_id uuid NOT NULL REFERENCES tool_releases (id) ON DELETE CASCADE,
    kind       text NOT NULL CHECK (kind IN ('USER', 'GROUP')),
    name       text NOT NULL CHECK (name <> ''),
    PRIMARY KEY (release_id, kind, name)
);

CREATE TABLE tool_instances (
    id                  uuid        PRIMARY KEY,
    user_id             uuid        NOT NULL,
    username            text        NOT NULL CHECK (username <> ''),
    namespace           text        NOT NULL CHECK (namespace ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    -- the first DNS label of the tool's host, <namespace name>-<tool>: the gate's indexed lookup
    host_label          text        NOT NULL UNIQUE CHECK (host_label ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    tool                text        NOT NULL CHECK (tool IN ('RSTUDIO', 'JUPYTERLAB', 'VSCODE')),
    release_id          uuid        NOT NULL REFERENCES tool_releases (id),
    profile             text        NOT NULL REFERENCES tool_profiles (name),
    -- what the user asked for
    desired             text        NOT NULL CHECK (desired IN ('RUNNING', 'STOPPED', 'DELETED')),
    delete_home         boolean     NOT NULL DEFAULT false,
    restarts            integer     NOT NULL DEFAULT 0 CHECK (restarts >= 0),
    -- a reset recreates every object but the home volume: asked for, and done
    resets              integer     NOT NULL DEFAULT 0 CHECK (resets >= 0),
    applied_resets      integer     NOT NULL DEFAULT 0 CHECK (applied_resets >= 0),
    start_requested_at  timestamptz NOT NULL,
    -- a start holds one of the limited start slots from admission until READY or FAILED
    admitted_at         timestamptz,
    -- what the cluster runs, as observed
    phase               text        NOT NULL CHECK (phase IN ('PENDING', 'CREATING', 'STARTING', 'READY', 'FAILED',
                                                          'STOPPING', 'STOPPED', 'IDLED', 'DELETING')),
    step                text,
    phase_reason        text,
    phase_since         timestamptz NOT NULL,
    observed_image      text,
    last_activity_at    timestamptz,
    idled_at            timestamptz,
    created_at          timestamptz NOT NULL,
    -- the reconcile kernel's status
    generation          bigint      NOT NULL DEFAULT 1 CHECK (generation > 0),
    observed_generation bigint      NOT NULL DEFAULT 0 CHECK (observed_generation >= 0),
    state               text        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'APPLYING', 'READY', 'FAILED')),
    reason              text,
    failures            integer     NOT NULL DEFAULT 0 CHECK (failures >= 0),
    next_attempt_at     timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    applied_at          timestamptz,
    UNIQUE (user_id, tool),
    CHECK (state <> 'FAILED' OR reason IS NOT NULL),
    CHECK (phase <> 'FAILED' OR phase_reason IS NOT NULL),
    CHECK (delete_home = false OR desired = 'DELETED'),
    CHECK (admitted_at IS NULL OR desired = 'RUNNING')
);
CREATE INDEX tool_instances_due ON tool_instances (next_attempt_at) WHERE generation > observed_generation;
CREATE INDEX tool_instances_queue ON tool_instances (start_requested_at) WHERE desired = 'RUNNING' AND admitted_at IS NULL;
CREATE INDEX tool_instances_release ON tool_instances (release_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON tool_profiles, tool_releases, tool_release_access, tool_instances TO ${app_role};

-- The seed catalogue: real published images, pinned by digest (see docs/tools.md for where each
-- digest comes from); platform admins edit or replace it.
INSERT INTO tool_profiles (name, display_name, cpu_request_milli, cpu_limit_milli, memory_request_mib,
                           memory_limit_mib, idle_timeout_s, restricted_group, created_at, updated_at)
VALUES ('small', 'Small: 0.5 CPU, 2 GiB', 500, 1000, 2048, 2048, 28800, NULL, now(), now()),
       ('medium', 'Medium: 1 CPU, 4 GiB', 1000, 2000, 4096, 4096, 28800, NULL, now(), now()),
       ('large', 'Large: 4 CPU, 16 GiB', 4000, 4000, 16384, 16384, 14400, 'large-tools', now(), now());

INSERT INTO tool_releases (id, tool, name, display_name, image, port, readiness_path, args, default_profile,
                           status, created_at, updated_at)
VALUES ('6f1e2a8c-5b1d-4c57-9a40-0a6a4b1d7e01', 'JUPYTERLAB', '4.5.0', 'JupyterLab 4.5.0 (SciPy stack)',
        'quay.io/jupyter/scipy-notebook@sha256:234da96996f255d9f6b63b880ff41e8537865b96f2f07707b35b59e830199a2d',
        8888, '/api', '{start-notebook.py,--ServerApp.token=,--ServerApp.password=,--ServerApp.ip=0.0.0.0,--ServerApp.allow_remote_access=true}',
        'small', 'ACTIVE', now(), now()),
       ('6f1e2a8c-5b1d-4c57-9a40-0a6a4b1d7e02', 'RSTUDIO', '4.5', 'RStudio Server (rocker/rstudio)',
        'docker.io/rocker/rstudio@sha256:6bfc87fb66d0072e28d88d684a1f7b3e42a1c20360ee5eca5b43168a4eba3945',
        8787, '/', '{}', 'small', 'ACTIVE', now(), now()),
       ('6f1e2a8c-5b1d-4c57-9a40-0a6a4b1d7e03', 'VSCODE', '4.137.0', 'VS Code (code-server 4.137.0)',
        'docker.io/codercom/code-server@sha256:57ac684d44deb6fa94317b3e8f3e128dd7fb897fffd95b4efcd16f56ce607971',
        8080, '/healthz', '{--bind-addr,0.0.0.0:8080,--auth,none}', 'small', 'ACTIVE', now(), now());
