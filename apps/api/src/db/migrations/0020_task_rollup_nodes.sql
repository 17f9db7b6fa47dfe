-- The precomputed roll-ups (migration 0017) summed once more per top organisation and per organisation
-- directly under one (province, commune): a province's roll-up reads its ~170 communes' rows instead of
-- every organisation's (~37,000 for Hồ Chí Minh city), the whole country its 34 provinces'. Refreshed
-- with the organisation rows they sum (the stale organisations' ancestors at those two levels).
CREATE TABLE task_rollup_nodes (
  node_id bigint NOT NULL,
  node_path ltree NOT NULL,
  unit text NOT NULL,
  -- Tasks counted strictly below the node (its subtree less its own tasks).
  deep_total integer NOT NULL,
  total integer NOT NULL,
  not_started integer NOT NULL,
  in_progress integer NOT NULL,
  done_on_time integer NOT NULL,
  done_late integer NOT NULL,
  overdue integer NOT NULL,
  paused integer NOT NULL,
  cancelled integer NOT NULL,
  tasks integer NOT NULL,
  sum_percent double precision NOT NULL,
  sum_weight double precision NOT NULL,
  sum_weighted double precision NOT NULL,
  target_tasks integer NOT NULL,
  planned double precision NOT NULL,
  achieved double precision NOT NULL,
  due_soon integer NOT NULL,
  trend_done integer[] NOT NULL,
  trend_done_late integer[] NOT NULL,
  trend_overdue integer[] NOT NULL,
  PRIMARY KEY (node_id, unit)
);
CREATE INDEX task_rollup_nodes_path ON task_rollup_nodes USING gist (node_path);

-- Rows computed before this table existed have no node rows: the next read rebuilds everything.
DELETE FROM task_rollup_state;
