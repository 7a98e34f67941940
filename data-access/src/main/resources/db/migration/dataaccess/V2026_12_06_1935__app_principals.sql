-- Apps as principals of data access (issue 13 "Data for the app"): a grant may be to an app,
-- an owner of the app may request access for it, and the app's IAM role is reconciled like a
-- user's. App names are DNS labels (app-deploy's rule); the app's own table lives in app-deploy,
-- so rows here name the app, as they name users by id and username.

ALTER TABLE grants ADD COLUMN app_name text CHECK (app_name ~ '^[a-z0-9]([a-z0-9-]{0,57}[a-z0-9])?$');

DO $$
DECLARE c record;
BEGIN
    FOR c IN SELECT conname FROM pg_constraint
              WHERE conrelid = 'grants'::regclass AND contype = 'c'
                AND pg_get_constraintdef(oid) LIKE '%principal_type%' LOOP
        EXECUTE format('ALTER TABLE grants DROP CONSTRAINT %I', c.conname);
    END LOOP;
END $$;

ALTER TABLE grants ADD CONSTRAINT grants_principal CHECK (
       (principal_type = 'USER' AND user_id IS NOT NULL AND username IS NOT NULL AND group_id IS NULL AND app_name IS NULL)
    OR (principal_type = 'GROUP' AND group_id IS NOT NULL AND user_id IS NULL AND username IS NULL AND app_name IS NULL)
    OR (principal_type = 'APP' AND app_name IS NOT NULL AND user_id IS NULL AND username IS NULL AND group_id IS NULL));
CREATE UNIQUE INDEX grants_one_active_per_app ON grants (dataset_id, app_name) WHERE revoked_at IS NULL AND principal_type = 'APP';
CREATE INDEX grants_active_app ON grants (app_name) WHERE revoked_at IS NULL AND app_name IS NOT NULL;

-- A request for an app: made by one of its owners, with the app's owners as they were when it
-- was made. Nobody who owned the app then may decide it (the service also refuses whoever owns
-- it when deciding): an owner controls the code that runs as the app's role, so access for the
-- app is access for them.
ALTER TABLE access_requests ADD COLUMN app_name text CHECK (app_name ~ '^[a-z0-9]([a-z0-9-]{0,57}[a-z0-9])?$');
ALTER TABLE access_requests ADD COLUMN app_owner_ids text[];
ALTER TABLE access_requests ADD CONSTRAINT access_requests_app_owners CHECK (
       (app_name IS NULL AND app_owner_ids IS NULL)
    OR (app_name IS NOT NULL AND requester_id = ANY (app_owner_ids)));
ALTER TABLE access_requests ADD CONSTRAINT access_requests_not_decided_by_app_owner CHECK (
       state NOT IN ('APPROVED', 'REJECTED') OR app_owner_ids IS NULL OR NOT (decided_by_id = ANY (app_owner_ids)));
DROP INDEX access_requests_one_pending;
CREATE UNIQUE INDEX access_requests_one_pending ON access_requests (dataset_id, requester_id)
    WHERE state = 'PENDING' AND app_name IS NULL;
CREATE UNIQUE INDEX access_requests_one_pending_per_app ON access_requests (dataset_id, app_name)
    WHERE state = 'PENDING' AND app_name IS NOT NULL;

-- The reconciler's status of an app's role sits with users' roles: key 'app:<name>', the
-- name in username. The key says which it is, so a user's row can never stand for an app.
ALTER TABLE access_roles ADD COLUMN principal_type text NOT NULL DEFAULT 'USER'
    CHECK (principal_type IN ('USER', 'APP'));
ALTER TABLE access_roles ADD CONSTRAINT access_roles_app_key CHECK (
    (principal_type = 'APP') = (user_id LIKE 'app:%')
    AND (principal_type <> 'APP' OR user_id = 'app:' || username));
