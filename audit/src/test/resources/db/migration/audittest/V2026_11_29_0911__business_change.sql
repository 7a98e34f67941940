-- A stand-in for any module's business table, to prove that a change and its audit event
-- commit or roll back together.
CREATE TABLE business_change (
    id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL
);
GRANT SELECT, INSERT ON business_change TO ${app_role};
