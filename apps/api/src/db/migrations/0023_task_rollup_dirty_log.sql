-- Stale-organisation marks as a log (migration 0017 kept one row per organisation, ON CONFLICT DO
-- NOTHING): with an organisation already marked, a writer's own mark was swallowed; a reader then
-- deleted the committed mark and recomputed from a snapshot without the writer's uncommitted change,
-- and once the writer committed no mark was left — the precomputed roll-up stayed wrong until the next
-- day. Now every writing statement adds its own rows: a reader deletes only the marks its snapshot
-- sees (changes committed before it recomputes), and a mark of a transaction still open survives it.
-- No unique key, so writers never wait on one another or on a reader (a row lock per organisation
-- would serialise writers of one organisation and deadlock writers touching two in opposite orders).
ALTER TABLE task_rollup_dirty DROP CONSTRAINT task_rollup_dirty_pkey;
ALTER TABLE task_rollup_dirty ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;

CREATE OR REPLACE FUNCTION task_rollup_mark_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO task_rollup_dirty (org_id)
  SELECT DISTINCT coalesce(n.lead_org_id, n.owner_org_id) FROM new_rows n;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION task_rollup_mark_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO task_rollup_dirty (org_id)
  SELECT DISTINCT coalesce(o.lead_org_id, o.owner_org_id) FROM old_rows o;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION task_rollup_mark_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO task_rollup_dirty (org_id)
  SELECT coalesce(n.lead_org_id, n.owner_org_id) FROM new_rows n
  UNION SELECT coalesce(o.lead_org_id, o.owner_org_id) FROM old_rows o;
  RETURN NULL;
END $$;
