-- A new owner of an app reaches the data of the app's grants (they deploy the code that runs with
-- its IAM role) without a data admin having reviewed them: each data admin of each dataset the app
-- holds a grant on is told, one row per grant and data admin, queued in the transaction that added
-- the owner. Such a row tells of no request; who is told is fixed when it is queued.
ALTER TABLE access_notifications ALTER COLUMN request_id DROP NOT NULL;
ALTER TABLE access_notifications DROP CONSTRAINT access_notifications_kind_check;
ALTER TABLE access_notifications ADD CONSTRAINT access_notifications_kind_check
    CHECK (kind IN ('REQUEST_CREATED', 'REQUEST_DECIDED', 'APP_OWNER_ADDED'));
ALTER TABLE access_notifications
    ADD COLUMN grant_id           uuid REFERENCES grants (id),
    ADD COLUMN app_name           text,
    ADD COLUMN owner_id           text,
    ADD COLUMN owner_username     text,
    ADD COLUMN added_by_id        text,
    ADD COLUMN added_by_username  text,
    ADD COLUMN added_at           timestamptz,
    ADD COLUMN recipient_id       text,
    ADD COLUMN recipient_username text;
ALTER TABLE access_notifications ADD CONSTRAINT access_notifications_subject CHECK (CASE kind
    WHEN 'APP_OWNER_ADDED' THEN request_id IS NULL AND num_nonnulls(grant_id, app_name, owner_id, owner_username,
        added_by_id, added_by_username, added_at, recipient_id, recipient_username) = 9
    ELSE request_id IS NOT NULL AND num_nonnulls(grant_id, app_name, owner_id, owner_username, added_by_id,
        added_by_username, added_at, recipient_id, recipient_username) = 0 END);
