-- Tokens may also carry audit:read, for exporting the audit log to a SIEM.
ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_scopes;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_scopes CHECK (cardinality(scopes) > 0
    AND scopes <@ ARRAY['profile:read', 'users:admin', 'datasets:write', 'apps:deploy', 'audit:read']);
