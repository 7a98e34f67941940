-- Tokens may also carry tools:write, for automation that starts and stops the owner's tools.
ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_scopes;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_scopes CHECK (cardinality(scopes) > 0
    AND scopes <@ ARRAY['profile:read', 'users:admin', 'datasets:write', 'apps:deploy', 'audit:read', 'tools:write']);
