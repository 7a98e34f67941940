-- Recent failed password sign-ins, one row per account (a hash of the normalised username,
-- known or not) and per client address, so that every replica throttles alike. A row is
-- removed when its account signs in, and forgotten once its window and block have passed.
CREATE TABLE sign_in_throttles (
    subject_kind     text NOT NULL,
    subject_hash     text NOT NULL,
    failures         integer NOT NULL,
    last_failure_at  timestamptz NOT NULL,
    blocked_until    timestamptz,
    PRIMARY KEY (subject_kind, subject_hash),
    CONSTRAINT sign_in_throttles_kind CHECK (subject_kind IN ('account', 'address')),
    CONSTRAINT sign_in_throttles_hash_format CHECK (subject_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT sign_in_throttles_failures CHECK (failures > 0),
    CONSTRAINT sign_in_throttles_blocked_after_failure CHECK (blocked_until IS NULL OR blocked_until > last_failure_at)
);
CREATE INDEX sign_in_throttles_by_last_failure ON sign_in_throttles (last_failure_at);
GRANT SELECT, INSERT, UPDATE, DELETE ON sign_in_throttles TO ${app_role};
