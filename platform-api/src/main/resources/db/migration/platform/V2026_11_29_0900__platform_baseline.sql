-- The platform's own schema starts here. Each module keeps its migrations under
-- db/migration/<module>; versions are timestamps so that modules interleave in landing order.
-- The schema owner runs every migration; the application role ('${app_role}') gets only the
-- privileges each migration grants it, table by table.
COMMENT ON SCHEMA public IS 'Analytical Platform control plane';
