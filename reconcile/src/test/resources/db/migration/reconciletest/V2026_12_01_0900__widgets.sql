-- A status table as a capability module would declare one: its own key and columns, and the
-- kernel's standard status columns.
CREATE TABLE widgets (
    name                text        PRIMARY KEY CHECK (name <> ''),
    colour              text        NOT NULL,
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
GRANT SELECT, INSERT, UPDATE ON widgets TO ${app_role};
