-- The audit log. Events are immutable rows; a sequencer links each committed event into one
-- SHA-256 hash chain (audit_chain, gap-free seq); signed checkpoints pin the chain's head.
-- Each event carries the id of the transaction that wrote it: once every transaction older than
-- the oldest running one has finished, nothing more can appear below it, so the sequencer links
-- events in (xid, id) order behind that horizon and misses none, without a queue table.
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
    details          jsonb       NOT NULL CHECK (jsonb_typeof(details) = 'object'),
    xid              xid8        NOT NULL DEFAULT pg_current_xact_id()
);

CREATE INDEX audit_event_occurred_at ON audit_event (occurred_at);
CREATE INDEX audit_event_actor ON audit_event (actor_username, id);
CREATE INDEX audit_event_action ON audit_event (action text_pattern_ops, id);
CREATE INDEX audit_event_target ON audit_event (target_type, target_id, id);
CREATE INDEX audit_event_xid ON audit_event (xid, id);

-- Nobody chooses the transaction id an event is filed under: a back-dated one would hide it.
CREATE FUNCTION audit_stamp_xid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.xid := pg_current_xact_id();
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_event_stamp_xid BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_stamp_xid();

CREATE TABLE audit_chain (
    seq        bigint      PRIMARY KEY CHECK (seq > 0),
    event_id   bigint      NOT NULL UNIQUE REFERENCES audit_event (id),
    prev_hash  bytea       NOT NULL CHECK (length(prev_hash) = 32),
    hash       bytea       NOT NULL CHECK (length(hash) = 32),
    chained_at timestamptz NOT NULL
);

-- One row: the newest link and the (xid, id) of its event, the sequencer's watermark.
-- Sequencers lock it, so replicas extend one chain, never a fork.
CREATE TABLE audit_chain_head (
    singleton     boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    seq           bigint      NOT NULL CHECK (seq >= 0),
    hash          bytea       NOT NULL CHECK (length(hash) = 32),
    last_xid      xid8        NOT NULL,
    last_event_id bigint      NOT NULL,
    updated_at    timestamptz NOT NULL
);
INSERT INTO audit_chain_head (singleton, seq, hash, last_xid, last_event_id, updated_at)
VALUES (true, 0, decode(repeat('00', 32), 'hex'), '0', 0, now());

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

REVOKE ALL ON audit_event, audit_chain, audit_chain_head, audit_checkpoint FROM PUBLIC;
GRANT SELECT, INSERT ON audit_event, audit_chain, audit_checkpoint TO ${app_role};
GRANT SELECT, UPDATE ON audit_chain_head TO ${app_role};
GRANT USAGE ON SEQUENCE audit_event_id_seq TO ${app_role};
