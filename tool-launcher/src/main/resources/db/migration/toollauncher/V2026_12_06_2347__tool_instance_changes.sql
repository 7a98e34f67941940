-- Tells every replica that an instance's status changed, in the transaction that changed it: each
-- replica's change feed LISTENs on channel tool_instances, and PostgreSQL delivers a NOTIFY when, and
-- only if, that transaction commits. Whoever writes (the leader's reconciler, a request on any replica,
-- the sweep) cannot forget to: the trigger says it. The payload is the instance's id; 'queue' when the
-- start queue's members changed, which moves the places of the starts behind.

CREATE FUNCTION tool_instance_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    was_queued boolean := TG_OP <> 'INSERT' AND OLD.desired = 'RUNNING' AND OLD.admitted_at IS NULL
                          AND OLD.step IS NOT DISTINCT FROM 'Queued';
    is_queued  boolean := TG_OP <> 'DELETE' AND NEW.desired = 'RUNNING' AND NEW.admitted_at IS NULL
                          AND NEW.step IS NOT DISTINCT FROM 'Queued';
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('tool_instances', OLD.id::text);
    ELSE
        PERFORM pg_notify('tool_instances', NEW.id::text);
    END IF;
    IF was_queued <> is_queued
       OR (is_queued AND OLD.start_requested_at IS DISTINCT FROM NEW.start_requested_at) THEN
        PERFORM pg_notify('tool_instances', 'queue');
    END IF;
    RETURN NULL;
END
$$;

-- only what a status shows (state, step, reason, since, place in the queue): the gate's batched
-- activity writes and the reconciler's own bookkeeping notify nobody
CREATE TRIGGER tool_instance_status_changed
    AFTER UPDATE ON tool_instances
    FOR EACH ROW
    WHEN ((OLD.phase, OLD.step, OLD.phase_reason, OLD.phase_since, OLD.desired, OLD.admitted_at,
           OLD.start_requested_at)
          IS DISTINCT FROM (NEW.phase, NEW.step, NEW.phase_reason, NEW.phase_since, NEW.desired, NEW.admitted_at,
                            NEW.start_requested_at))
    EXECUTE FUNCTION tool_instance_changed();

CREATE TRIGGER tool_instance_deleted
    AFTER DELETE ON tool_instances
    FOR EACH ROW
    EXECUTE FUNCTION tool_instance_changed();
