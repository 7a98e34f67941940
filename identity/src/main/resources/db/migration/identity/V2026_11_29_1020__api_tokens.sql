-- Personal API tokens. Only a SHA-256 hash of each token is kept: the token is shown once.
CREATE TABLE api_tokens (
    id              uuid PRIMARY KEY,
    user_id         uuid NOT NULL REFERENCES users (id),
    name            text NOT NULL,
    token_hash      text NOT NULL,
    scopes          text[] NOT NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    CONSTRAINT api_tokens_hash_unique UNIQUE (token_hash),
    CONSTRAINT api_tokens_hash_format CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT api_tokens_name_length CHECK (char_length(name) BETWEEN 1 AND 100),
    CONSTRAINT api_tokens_scopes CHECK (cardinality(scopes) > 0
        AND scopes <@ ARRAY['profile:read', 'users:admin', 'datasets:write', 'apps:deploy']),
    CONSTRAINT api_tokens_lifetime CHECK (expires_at > created_at AND expires_at <= created_at + interval '90 days'),
    CONSTRAINT api_tokens_revoked_after_created CHECK (revoked_at IS NULL OR revoked_at >= created_at)
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id, created_at DESC);
GRANT SELECT, INSERT, UPDATE ON api_tokens TO ${app_role};
