-- The status trigger also fires when what decides an instance's data access notice changes
-- (dataAccessChanged: it runs, READY, with another role than its owner's), so that a grant or a
-- revocation reaches an open "My tools" page as it commits, not at its next load: the owner's
-- role as applied (role_arn) and the role the running pod records (running_role_arn). Both are
-- written only when they change. Still no one is told of the gate's batched activity writes, of
-- the pod template's role (pod_role_arn, pod_role_renew) or of the reconciler's other bookkeeping.
DROP TRIGGER tool_instance_status_changed ON tool_instances;

CREATE TRIGGER tool_instance_status_changed
    AFTER UPDATE ON tool_instances
    FOR EACH ROW
    WHEN ((OLD.phase, OLD.step, OLD.phase_reason, OLD.phase_since, OLD.desired, OLD.admitted_at,
           OLD.start_requested_at, OLD.role_arn, OLD.running_role_arn)
          IS DISTINCT FROM (NEW.phase, NEW.step, NEW.phase_reason, NEW.phase_since, NEW.desired, NEW.admitted_at,
                            NEW.start_requested_at, NEW.role_arn, NEW.running_role_arn))
    EXECUTE FUNCTION tool_instance_changed();
