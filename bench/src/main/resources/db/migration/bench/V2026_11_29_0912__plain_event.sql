-- The baseline of the audit benchmark: the same columns as audit_event, no chain, no queue.
CREATE TABLE bench_plain_event (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at      timestamptz NOT NULL,
    actor_user_id    text,
    actor_username   text        NOT NULL,
    actor_ip         text,
    actor_user_agent text,
    request_id       text,
    action           text        NOT NULL,
    target_type      text        NOT NULL,
    target_id        text        NOT NULL,
    details          jsonb       NOT NULL
);
CREATE INDEX bench_plain_event_occurred_at ON bench_plain_event (occurred_at);
CREATE INDEX bench_plain_event_actor ON bench_plain_event (actor_username, id);
CREATE INDEX bench_plain_event_action ON bench_plain_event (action text_pattern_ops, id);
CREATE INDEX bench_plain_event_target ON bench_plain_event (target_type, target_id, id);
GRANT SELECT, INSERT ON bench_plain_event TO ${app_role};
