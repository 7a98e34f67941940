-- A status table as the tool launcher will declare one: its own desired state (a web app's
-- namespace and replica count) and the kernel's standard status columns.
CREATE TABLE web_apps (
    name                text        PRIMARY KEY CHECK (name <> ''),
    namespace           text        NOT NULL,
    replicas            integer     NOT NULL,
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
GRANT SELECT, INSERT, UPDATE ON web_apps TO ${app_role};
