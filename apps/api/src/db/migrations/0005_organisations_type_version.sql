-- Organisation types are edited by administrators from the browser: a version column lets an edit
-- that started from an older state be refused instead of silently overwriting another person's change.
ALTER TABLE org_types ADD COLUMN version integer NOT NULL DEFAULT 1;
