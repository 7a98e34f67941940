-- The outbox of access request notifications: a row is written in the transaction that creates
-- or decides a request (only while the application has a way to send them, such as email), and
-- a delivery thread on every replica takes due rows one at a time with FOR UPDATE SKIP LOCKED,
-- hands each to the sender and records the outcome, retrying failures with backoff.
CREATE TABLE access_notifications (
    id              uuid        PRIMARY KEY,
    request_id      uuid        NOT NULL REFERENCES access_requests (id),
    kind            text        NOT NULL CHECK (kind IN ('REQUEST_CREATED', 'REQUEST_DECIDED')),
    state           text        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'SENT', 'SKIPPED', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    reason          text,        -- why the last attempt failed, or why it was skipped
    created_at      timestamptz NOT NULL,
    finished_at     timestamptz,
    UNIQUE (request_id, kind),
    CHECK ((state = 'PENDING') = (finished_at IS NULL)),
    CHECK (state NOT IN ('SKIPPED', 'FAILED') OR reason IS NOT NULL)
);
CREATE INDEX access_notifications_due ON access_notifications (next_attempt_at) WHERE state = 'PENDING';

-- The application appends and reads; it may change only how delivery went.
GRANT SELECT, INSERT ON access_notifications TO ${app_role};
GRANT UPDATE (state, attempts, next_attempt_at, reason, finished_at) ON access_notifications TO ${app_role};
