-- The dashboard's "plans with tasks missing clears", precomputed like the roll-ups (migration 0017):
-- per organisation and plan (null: tasks on their own), its tasks (every one, split or not) and those
-- lacking a clear. They do not depend on the day; the same stale-organisation marks refresh them.
CREATE TABLE task_rollup_plans (
  org_id bigint NOT NULL,
  org_path ltree NOT NULL,
  -- 0 for tasks on their own (a primary key column cannot be null).
  plan_document_id bigint NOT NULL,
  tasks integer NOT NULL,
  tasks_missing integer NOT NULL,
  PRIMARY KEY (org_id, plan_document_id)
);
CREATE INDEX task_rollup_plans_path ON task_rollup_plans USING gist (org_path);
