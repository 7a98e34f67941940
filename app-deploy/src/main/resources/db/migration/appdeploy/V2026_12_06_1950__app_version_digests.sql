-- A version registered by tag is resolved to the digest its registry serves (issue 13): what was
-- given is kept beside it, and a tag that could not be resolved says why. Only an unresolved
-- version may be stored by tag.
ALTER TABLE app_versions ADD COLUMN requested_image text;
ALTER TABLE app_versions ADD COLUMN resolution text NOT NULL DEFAULT 'DIGEST'
    CHECK (resolution IN ('DIGEST', 'RESOLVED', 'UNRESOLVED'));
ALTER TABLE app_versions ADD COLUMN resolution_reason text;
UPDATE app_versions SET requested_image = image;
UPDATE app_versions SET resolution = 'UNRESOLVED', resolution_reason = 'registered before tags were resolved'
 WHERE image NOT LIKE '%@sha256:%';
ALTER TABLE app_versions ALTER COLUMN requested_image SET NOT NULL;
ALTER TABLE app_versions ALTER COLUMN resolution DROP DEFAULT;
ALTER TABLE app_versions ADD CONSTRAINT app_versions_pinned CHECK (
        (resolution = 'UNRESOLVED') = (image NOT LIKE '%@sha256:%')
    AND (resolution = 'UNRESOLVED') = (resolution_reason IS NOT NULL)
    AND (resolution <> 'DIGEST' OR requested_image = image));
