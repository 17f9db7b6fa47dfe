-- Task roll-ups precomputed per organisation (issue 5, benchmarks): one row per organisation and target
-- unit with what its own leaf tasks (those counted under it: lead, else owner) add up to as of one day —
-- tasks by status, the progress sums, counted targets, tasks due soon and the twelve-month trend — so a
-- province's or the country's roll-up sums a few thousand rows instead of judging 200,000 or 5,000,000
-- tasks. Statuses depend on the day, so the rows hold `task_rollup_state.as_of`; the first read of a new
-- day rebuilds them. Statement triggers on tasks record which organisations' rows a change made stale
-- (`task_rollup_dirty`); the next read recomputes just those, in its own transaction, under a lock. The
-- status rule itself stays in one place (the application's SQL, tasks.status-sql.ts). Derived data: a
-- backup leaves these rows out and the first read after a restore rebuilds them.
CREATE TABLE task_rollup_orgs (
  org_id bigint NOT NULL,
  org_path ltree NOT NULL,
  -- The counted target's unit as written (trimmed); '' for tasks without a counted target.
  unit text NOT NULL,
  total integer NOT NULL,
  not_started integer NOT NULL,
  in_progress integer NOT NULL,
  done_on_time integer NOT NULL,
  done_late integer NOT NULL,
  overdue integer NOT NULL,
  paused integer NOT NULL,
  cancelled integer NOT NULL,
  -- Over the tasks not cancelled: their number, Σ progress (finished = 100), Σ weight, Σ weight × progress.
  tasks integer NOT NULL,
  sum_percent double precision NOT NULL,
  sum_weight double precision NOT NULL,
  sum_weighted double precision NOT NULL,
  target_tasks integer NOT NULL,
  planned double precision NOT NULL,
  achieved double precision NOT NULL,
  due_soon integer NOT NULL,
  -- Per month of the twelve ending with as_of's month: finished, finished late, overdue at the month's end.
  trend_done integer[] NOT NULL,
  trend_done_late integer[] NOT NULL,
  trend_overdue integer[] NOT NULL,
  PRIMARY KEY (org_id, unit)
);
CREATE INDEX task_rollup_orgs_path ON task_rollup_orgs USING gist (org_path);

-- The day the rows were computed for (one row; none before the first read).
CREATE TABLE task_rollup_state (
  id integer PRIMARY KEY CHECK (id = 1),
  as_of date NOT NULL
);

-- Organisations whose rows are stale.
CREATE TABLE task_rollup_dirty (org_id bigint PRIMARY KEY);

CREATE FUNCTION task_rollup_mark_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO task_rollup_dirty (org_id)
  SELECT DISTINCT coalesce(n.lead_org_id, n.owner_org_id) FROM new_rows n
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE FUNCTION task_rollup_mark_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO task_rollup_dirty (org_id)
  SELECT DISTINCT coalesce(o.lead_org_id, o.owner_org_id) FROM old_rows o
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE FUNCTION task_rollup_mark_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO task_rollup_dirty (org_id)
  SELECT coalesce(n.lead_org_id, n.owner_org_id) FROM new_rows n
  UNION SELECT coalesce(o.lead_org_id, o.owner_org_id) FROM old_rows o
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER task_rollup_inserted AFTER INSERT ON tasks
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION task_rollup_mark_new();
CREATE TRIGGER task_rollup_updated AFTER UPDATE ON tasks
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION task_rollup_mark_changed();
CREATE TRIGGER task_rollup_deleted AFTER DELETE ON tasks
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION task_rollup_mark_old();

-- Finding an organisation's own tasks when its rows are recomputed.
CREATE INDEX tasks_counted_org ON tasks ((coalesce(lead_org_id, owner_org_id)));
-- The overdue and due-soon lists walk open tasks in due order (tasks_due), or a subtree's (this).
CREATE INDEX tasks_open_org_path ON tasks USING gist (org_path) WHERE state = 'active' AND completed_on IS NULL AND NOT has_children;
