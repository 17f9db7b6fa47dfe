-- The dashboard's two remaining parts precomputed like the roll-up (ADR 0008): a province's dashboard
-- summed ~18,000 per-plan rows for its plans missing clears and joined every submitted report with its
-- task for the reports awaiting review (p95 217 ms for Hồ Chí Minh city against 100 ms).
--
-- Plans missing clears, a second level: task_rollup_plans (0019) summed per top organisation and per
-- organisation directly under one, like task_rollup_nodes (0020). A province's dashboard reads its own
-- node's rows (one per plan), the country's its 34 provinces'.
CREATE TABLE task_rollup_plan_nodes (
  node_id bigint NOT NULL,
  node_path ltree NOT NULL,
  plan_document_id bigint NOT NULL,
  tasks integer NOT NULL,
  tasks_missing integer NOT NULL,
  PRIMARY KEY (node_id, plan_document_id)
);

-- Reports awaiting review, per organisation owning the tasks (the dashboard counts them by the task's
-- owner path): how many, and the ids of its oldest five (submitted_at, id) — the dashboard lists the
-- oldest five under the node, which lie among its parts' five oldest. Organisations without a report
-- awaiting have no row. Counts do not depend on the day.
CREATE TABLE task_rollup_reviews (
  org_id bigint PRIMARY KEY,
  org_path ltree NOT NULL,
  awaiting integer NOT NULL,
  oldest bigint[] NOT NULL
);
CREATE INDEX task_rollup_reviews_path ON task_rollup_reviews USING gist (org_path);

-- The same per top organisation and per organisation directly under one.
CREATE TABLE task_rollup_review_nodes (
  node_id bigint PRIMARY KEY,
  node_path ltree NOT NULL,
  awaiting integer NOT NULL,
  oldest bigint[] NOT NULL
);

-- A task's owner now has rows too (reviews): a change of owner, of the owner's path (a move) or a
-- task removed with its reports marks the owner as well as the organisation the task counts under.
CREATE OR REPLACE FUNCTION task_rollup_mark_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO task_rollup_dirty (org_id)
  SELECT coalesce(o.lead_org_id, o.owner_org_id) FROM old_rows o
  UNION SELECT o.owner_org_id FROM old_rows o;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION task_rollup_mark_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO task_rollup_dirty (org_id)
  SELECT coalesce(n.lead_org_id, n.owner_org_id) FROM new_rows n
  UNION SELECT coalesce(o.lead_org_id, o.owner_org_id) FROM old_rows o
  UNION SELECT n.owner_org_id FROM new_rows n
  UNION SELECT o.owner_org_id FROM old_rows o;
  RETURN NULL;
END $$;

-- A report submitted, reviewed, resubmitted or removed marks its task's owner.
CREATE FUNCTION task_rollup_mark_report_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO task_rollup_dirty (org_id)
  SELECT DISTINCT t.owner_org_id FROM new_rows n JOIN tasks t ON t.id = n.task_id
  WHERE n.status = 'submitted';
  RETURN NULL;
END $$;

CREATE FUNCTION task_rollup_mark_report_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A report removed with its task finds no task: the task's own trigger marked its owner.
  INSERT INTO task_rollup_dirty (org_id)
  SELECT DISTINCT t.owner_org_id FROM old_rows o JOIN tasks t ON t.id = o.task_id
  WHERE o.status = 'submitted';
  RETURN NULL;
END $$;

CREATE FUNCTION task_rollup_mark_report_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO task_rollup_dirty (org_id)
  SELECT t.owner_org_id FROM new_rows n JOIN tasks t ON t.id = n.task_id WHERE n.status = 'submitted'
  UNION SELECT t.owner_org_id FROM old_rows o JOIN tasks t ON t.id = o.task_id WHERE o.status = 'submitted';
  RETURN NULL;
END $$;

CREATE TRIGGER task_rollup_report_inserted AFTER INSERT ON task_reports
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION task_rollup_mark_report_new();
CREATE TRIGGER task_rollup_report_updated AFTER UPDATE ON task_reports
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION task_rollup_mark_report_changed();
CREATE TRIGGER task_rollup_report_deleted AFTER DELETE ON task_reports
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION task_rollup_mark_report_old();

-- A province's overdue and due-soon lists (the dashboard, the roll-up, the export): its open leaf tasks
-- in due order. Walking every task due the same days (tasks_due_id) passed ~38,000 other provinces'
-- tasks before Hồ Chí Minh city's first 20 due soon (150 ms); a bitmap over the province's path sorted
-- 130,000 (365 ms). The lists ask `subpath(org_path, 0, 1) = <province>` (the same rows as `<@`).
CREATE INDEX tasks_open_top_due ON tasks ((subpath(org_path, 0, 1)), due_date, id)
  WHERE state = 'active' AND completed_on IS NULL AND NOT has_children;

-- Backfill from the rows already computed (no rebuild of the day's roll-up): the same statements as
-- tasks.rollups.summary.repository.ts. Without rows yet, the first read computes everything.
INSERT INTO task_rollup_plan_nodes (node_id, node_path, plan_document_id, tasks, tasks_missing)
SELECT ltree2text(subpath(x.node_path, -1))::bigint, x.node_path, x.plan_document_id,
  sum(x.tasks)::int, sum(x.tasks_missing)::int
FROM (SELECT subpath(p.org_path, 0, v.k) AS node_path, p.plan_document_id, p.tasks, p.tasks_missing
      FROM task_rollup_plans p CROSS JOIN (VALUES (1), (2)) AS v(k)
      WHERE nlevel(p.org_path) >= v.k) x
GROUP BY x.node_path, x.plan_document_id;

INSERT INTO task_rollup_reviews (org_id, org_path, awaiting, oldest)
SELECT t.owner_org_id, o.path, count(*)::int, (array_agg(r.id ORDER BY r.submitted_at, r.id))[1:5]
FROM task_reports r
JOIN tasks t ON t.id = r.task_id
JOIN organisations o ON o.id = t.owner_org_id
WHERE r.status = 'submitted' AND EXISTS (SELECT 1 FROM task_rollup_state)
GROUP BY t.owner_org_id, o.path;

INSERT INTO task_rollup_review_nodes (node_id, node_path, awaiting, oldest)
WITH x AS (
  SELECT subpath(s.org_path, 0, v.k) AS node_path, s.awaiting, s.oldest
  FROM task_rollup_reviews s CROSS JOIN (VALUES (1), (2)) AS v(k)
  WHERE nlevel(s.org_path) >= v.k
)
SELECT ltree2text(subpath(s.node_path, -1))::bigint, s.node_path, s.awaiting, coalesce(f.oldest, '{}')
FROM (SELECT x.node_path, sum(x.awaiting)::int AS awaiting FROM x GROUP BY x.node_path) s
LEFT JOIN (
  SELECT ranked.node_path, array_agg(ranked.id ORDER BY ranked.n) AS oldest
  FROM (SELECT x.node_path, r.id, row_number() OVER (PARTITION BY x.node_path ORDER BY r.submitted_at, r.id) AS n
        FROM x CROSS JOIN unnest(x.oldest) AS u(id) JOIN task_reports r ON r.id = u.id) ranked
  WHERE ranked.n <= 5
  GROUP BY ranked.node_path
) f ON f.node_path = s.node_path;

-- Statistics of the expression (a partial index's are not used): without them the planner guessed a
-- province holds 0.5 % of the open tasks (Hồ Chí Minh city: 5 %) and sorted them instead of walking.
CREATE STATISTICS tasks_top_org ON (subpath(org_path, 0, 1)) FROM tasks;
ANALYZE tasks;
ANALYZE task_rollup_plan_nodes;
ANALYZE task_rollup_reviews;
ANALYZE task_rollup_review_nodes;
