-- The audit log. Events are immutable rows; a sequencer links each committed event into one
-- SHA-256 hash chain (audit_chain, gap-free seq); signed checkpoints pin the chain's head.
-- The application role may only INSERT and SELECT the log; triggers refuse UPDATE, DELETE and
-- TRUNCATE for every role, so rewriting history needs a superuser to switch the triggers off,
-- which verification then detects.

CREATE TABLE audit_event (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at      timestamptz NOT NULL,
    actor_user_id    text,
    actor_username   text        NOT NULL CHECK (actor_username <> ''),
    actor_ip         text,
    actor_user_agent text,
    request_id       text,
    action           text        NOT NULL CHECK (action ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'),
    target_type      text        NOT NULL,
    target_id        text        NOT NULL,
    details          jsonb       NOT NULL CHECK (jsonb_typeof(details) = 'object')
);

CREATE INDEX audit_event_occurred_at ON audit_event (occurred_at);
CREATE INDEX audit_event_actor ON audit_event (actor_username, id);
CREATE INDEX audit_event_action ON audit_event (action text_pattern_ops, id);
CREATE INDEX audit_event_target ON audit_event (target_type, target_id, id);

-- Events written but not yet linked into the chain; the sequencer drains it.
CREATE TABLE audit_pending (
    event_id bigint PRIMARY KEY REFERENCES audit_event (id)
);

CREATE TABLE audit_chain (
    seq        bigint      PRIMARY KEY CHECK (seq > 0),
    event_id   bigint      NOT NULL UNIQUE REFERENCES audit_event (id),
    prev_hash  bytea       NOT NULL CHECK (length(prev_hash) = 32),
    hash       bytea       NOT NULL CHECK (length(hash) = 32),
    chained_at timestamptz NOT NULL
);

-- One row: the newest link. Sequencers lock it, so replicas extend one chain, never a fork.
CREATE TABLE audit_chain_head (
    singleton  boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    seq        bigint      NOT NULL CHECK (seq >= 0),
    hash       bytea       NOT NULL CHECK (length(hash) = 32),
    updated_at timestamptz NOT NULL
);
INSERT INTO audit_chain_head (singleton, seq, hash, updated_at)
VALUES (true, 0, decode(repeat('00', 32), 'hex'), now());

CREATE TABLE audit_checkpoint (
    seq        bigint      PRIMARY KEY CHECK (seq >= 0),
    head_hash  bytea       NOT NULL CHECK (length(head_hash) = 32),
    created_at timestamptz NOT NULL,
    algorithm  text        NOT NULL CHECK (algorithm IN ('HMAC-SHA256')),
    key_id     text        NOT NULL,
    signature  bytea       NOT NULL
);

CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_chain_append_only BEFORE UPDATE OR DELETE ON audit_chain
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

REVOKE ALL ON audit_event, audit_pending, audit_chain, audit_chain_head, audit_checkpoint FROM PUBLIC;
GRANT SELECT, INSERT ON audit_event, audit_chain, audit_checkpoint TO ${app_role};
GRANT SELECT, INSERT, DELETE ON audit_pending TO ${app_role};
GRANT SELECT, UPDATE ON audit_chain_head TO ${app_role};
GRANT USAGE ON SEQUENCE audit_event_id_seq TO ${app_role};
