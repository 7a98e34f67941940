-- TOTP authenticators (secrets encrypted with AES-GCM under a key named by key_id, which lives
-- in configuration, never here), wrong-code history for lockout, and hashed recovery codes.
CREATE TABLE totp_credentials (
    user_id         uuid PRIMARY KEY REFERENCES users (id),
    key_id          text NOT NULL,
    nonce           bytea NOT NULL,
    ciphertext      bytea NOT NULL,
    last_used_step  bigint,
    created_at      timestamptz NOT NULL,
    confirmed_at    timestamptz,
    CONSTRAINT totp_credentials_nonce_length CHECK (length(nonce) = 12),
    CONSTRAINT totp_credentials_key_id CHECK (key_id ~ '^[A-Za-z0-9._-]{1,40}$'),
    CONSTRAINT totp_credentials_confirmed_after_created CHECK (confirmed_at IS NULL OR confirmed_at >= created_at),
    CONSTRAINT totp_credentials_step CHECK (last_used_step IS NULL OR last_used_step > 0)
);
GRANT SELECT, INSERT, UPDATE, DELETE ON totp_credentials TO ${app_role};

CREATE TABLE second_factor_failures (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id),
    failed_at   timestamptz NOT NULL
);
CREATE INDEX second_factor_failures_by_user ON second_factor_failures (user_id, failed_at);
GRANT SELECT, INSERT, DELETE ON second_factor_failures TO ${app_role};

CREATE TABLE recovery_codes (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id),
    code_hash   text NOT NULL,
    created_at  timestamptz NOT NULL,
    used_at     timestamptz,
    CONSTRAINT recovery_codes_hash_format CHECK (code_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT recovery_codes_unique UNIQUE (user_id, code_hash),
    CONSTRAINT recovery_codes_used_after_created CHECK (used_at IS NULL OR used_at >= created_at)
);
GRANT SELECT, INSERT, UPDATE, DELETE ON recovery_codes TO ${app_role};
