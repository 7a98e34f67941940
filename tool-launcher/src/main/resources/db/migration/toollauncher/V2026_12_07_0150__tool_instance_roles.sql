-- Which IAM role a tool's pod runs with, against the role its owner has now. EKS fixes a
-- pod's web identity when the pod is created, so a running tool keeps the role it started
-- with; its owner is told to restart it rather than the pod being replaced under them.
ALTER TABLE tool_instances
    -- the owner's role as last applied to their namespace's service account (NULL: none)
    ADD COLUMN role_arn text CHECK (role_arn <> ''),
    -- the role the pod template records ('' for none; NULL for an instance whose template
    -- predates this column, left as it is so that an upgrade restarts no running tool)
    ADD COLUMN pod_role_arn text,
    -- the next apply gives the pod template the owner's current role: set by every change
    -- that creates a new pod anyway (start, restart, reset, wake, release or profile switch)
    ADD COLUMN pod_role_renew boolean NOT NULL DEFAULT false,
    -- the role the running pod records, read back from it ('' for none; NULL when unknown:
    -- no pod seen, or a pod whose template recorded none)
    ADD COLUMN running_role_arn text;
