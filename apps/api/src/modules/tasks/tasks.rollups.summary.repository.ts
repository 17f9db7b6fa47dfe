// The precomputed roll-up (migration 0017; plans missing clears: 0019; their and the reviews' nodes: 0024): one row per organisation and target unit with what its own
// leaf tasks add up to as of one day. `refreshSummary` brings the rows to today (a full rebuild on a new
// day, else only the organisations the triggers marked stale); `summaryAtNode` sums the rows under a
// node into the same shape as the live statement (tasks.rollups.repository.ts), whose figures it must
// equal; the overdue and due-soon lists are read from the tasks through their indexes.
import { type RawBuilder, type SqlBool, sql } from "kysely";
import {
  deleteDashboardNodeRows,
  insertPlanNodeRows,
  insertReviewNodeRows,
  insertReviewRows,
} from "./tasks.rollups.dashboard.repository.ts";
import type {
  Executor,
  FiguresRow,
  GroupRow,
  ListedTaskRow,
  RollupOptions,
  RollupRows,
  RollupSource,
  TrendMonthSpec,
} from "./tasks.rollups.repository.ts";
import { childOf, childrenSql, figureJson, underNodeSql } from "./tasks.rollups.repository.ts";
import { dueSoonSql, reportLateSql, taskStatusSql } from "./tasks.status-sql.ts";

/** Serialises refreshes (two readers recomputing the same organisation would collide). */
export const REFRESH_LOCK = 4_151_005;

const monthArray = (
  trend: readonly TrendMonthSpec[],
  condition: (m: TrendMonthSpec) => RawBuilder<SqlBool>,
) => sql`ARRAY[${sql.join(trend.map((m) => sql`(count(*) FILTER (WHERE ${condition(m)}))::int`))}]::int[]`;

/** Inserts the rows of the organisations `orgIds` (null: every organisation) as of `today`. */
async function insertRows(
  executor: Executor,
  today: string,
  trend: readonly TrendMonthSpec[],
  orgIds: readonly number[] | null,
): Promise<void> {
  const only =
    orgIds === null ? sql`true` : sql`coalesce(t.lead_org_id, t.owner_org_id) IN (${sql.join(orgIds)})`;
  const done = (m: TrendMonthSpec) =>
    sql<SqlBool>`s.completed_on >= ${m.start}::date AND s.completed_on < ${m.next}::date`;
  await sql`INSERT INTO task_rollup_orgs (org_id, org_path, unit, total, not_started, in_progress, done_on_time,
      done_late, overdue, paused, cancelled, tasks, sum_percent, sum_weight, sum_weighted, target_tasks, planned,
      achieved, due_soon, trend_done, trend_done_late, trend_overdue)
    SELECT s.org_id, o.path, s.unit, count(*)::int,
      (count(*) FILTER (WHERE s.status = 'not_started'))::int,
      (count(*) FILTER (WHERE s.status = 'in_progress'))::int,
      (count(*) FILTER (WHERE s.status = 'done_on_time'))::int,
      (count(*) FILTER (WHERE s.status = 'done_late'))::int,
      (count(*) FILTER (WHERE s.status = 'overdue'))::int,
      (count(*) FILTER (WHERE s.status = 'paused'))::int,
      (count(*) FILTER (WHERE s.status = 'cancelled'))::int,
      (count(*) FILTER (WHERE s.status <> 'cancelled'))::int,
      coalesce(sum(s.pct) FILTER (WHERE s.status <> 'cancelled'), 0),
      coalesce(sum(s.weight) FILTER (WHERE s.status <> 'cancelled'), 0),
      coalesce(sum(s.weight * s.pct) FILTER (WHERE s.status <> 'cancelled'), 0),
      (count(*) FILTER (WHERE s.target_value IS NOT NULL AND s.status <> 'cancelled'))::int,
      coalesce(sum(s.target_value) FILTER (WHERE s.status <> 'cancelled'), 0),
      coalesce(sum(s.actual_value) FILTER (WHERE s.target_value IS NOT NULL AND s.status <> 'cancelled'), 0),
      (count(*) FILTER (WHERE s.due_soon))::int,
      ${monthArray(trend, done)},
      ${monthArray(trend, (m) => sql<SqlBool>`${done(m)} AND s.completed_on > s.due_date`)},
      ${monthArray(
        trend,
        (m) => sql<SqlBool>`s.state = 'active' AND s.due_date < ${m.end}::date
          AND (s.completed_on IS NULL OR s.completed_on > ${m.end}::date)`,
      )}
    FROM (
      SELECT coalesce(t.lead_org_id, t.owner_org_id) AS org_id,
             CASE WHEN t.target_value IS NOT NULL THEN btrim(coalesce(t.target_unit, '')) ELSE '' END AS unit,
             ${taskStatusSql("t", today)} AS status,
             CASE WHEN t.completed_on IS NOT NULL THEN 100 ELSE t.progress_percent END AS pct,
             t.weight, t.target_value, t.actual_value, t.completed_on, t.due_date, t.state,
             ${dueSoonSql("t", today)} AS due_soon
      FROM tasks t
      WHERE NOT t.has_children AND ${only}
    ) s
    JOIN organisations o ON o.id = s.org_id
    GROUP BY s.org_id, o.path, s.unit`.execute(executor);
}

const SUMMED_COLUMNS = [
  "total",
  "not_started",
  "in_progress",
  "done_on_time",
  "done_late",
  "overdue",
  "paused",
  "cancelled",
  "tasks",
  "sum_percent",
  "sum_weight",
  "sum_weighted",
  "target_tasks",
  "planned",
  "achieved",
  "due_soon",
] as const;

/**
 * Inserts the rows of the nodes at levels 1 and 2 (top organisations and those directly under them)
 * summing their subtrees' organisation rows; only the nodes at `nodePaths` when given.
 */
async function insertNodeRows(executor: Executor, nodePaths: readonly string[] | null): Promise<void> {
  if (nodePaths !== null && nodePaths.length === 0) return;
  const only =
    nodePaths === null
      ? sql`true`
      : sql`s.org_path <@ ANY(${sql.val(nodePaths)}::ltree[]) AND subpath(s.org_path, 0, v.k)::text IN (${sql.join(nodePaths)})`;
  const arraySum = (column: string) =>
    sql`ARRAY[${sql.join(
      Array.from(
        { length: 12 },
        (_, i) => sql`coalesce(sum(x.${sql.raw(column)}[${sql.lit(i + 1)}]), 0)::int`,
      ),
    )}]::int[]`;
  await sql`INSERT INTO task_rollup_nodes (node_id, node_path, unit, deep_total,
      ${sql.join(SUMMED_COLUMNS.map((c) => sql.raw(c)))}, trend_done, trend_done_late, trend_overdue)
    SELECT ltree2text(subpath(x.node_path, -1))::bigint, x.node_path, x.unit,
      coalesce(sum(x.total) FILTER (WHERE x.deep), 0)::int,
      ${sql.join(SUMMED_COLUMNS.map((c) => sql`sum(x.${sql.raw(c)})`))},
      ${arraySum("trend_done")}, ${arraySum("trend_done_late")}, ${arraySum("trend_overdue")}
    FROM (SELECT subpath(s.org_path, 0, v.k) AS node_path, nlevel(s.org_path) > v.k AS deep, s.*
          FROM task_rollup_orgs s CROSS JOIN (VALUES (1), (2)) AS v(k)
          WHERE nlevel(s.org_path) >= v.k AND ${only}) x
    GROUP BY x.node_path, x.unit`.execute(executor);
}

/** The level-1 and level-2 prefixes of paths. */
function nodePrefixes(paths: readonly string[]): string[] {
  const prefixes = new Set<string>();
  for (const path of paths) {
    const labels = path.split(".");
    prefixes.add(labels[0] as string);
    if (labels.length >= 2) prefixes.add(labels.slice(0, 2).join("."));
  }
  return [...prefixes];
}

/** Inserts the per-plan rows (tasks, those missing a clear; cancelled ones left out) of `orgIds` (null: all). */
async function insertPlanRows(executor: Executor, orgIds: readonly number[] | null): Promise<void> {
  const only =
    orgIds === null ? sql`true` : sql`coalesce(t.lead_org_id, t.owner_org_id) IN (${sql.join(orgIds)})`;
  await sql`INSERT INTO task_rollup_plans (org_id, org_path, plan_document_id, tasks, tasks_missing)
    SELECT s.org_id, o.path, s.plan_id, count(*)::int, (count(*) FILTER (WHERE s.missing))::int
    FROM (SELECT coalesce(t.lead_org_id, t.owner_org_id) AS org_id, coalesce(t.plan_document_id, 0) AS plan_id,
                 t.missing_clears <> '{}' AS missing
          FROM tasks t WHERE t.state <> 'cancelled' AND ${only}) s
    JOIN organisations o ON o.id = s.org_id
    GROUP BY s.org_id, o.path, s.plan_id`.execute(executor);
}

/** The day the rows are of (null: never built). */
async function asOf(executor: Executor): Promise<string | null> {
  const { rows } = await sql<{ asOf: string | null }>`
    SELECT (SELECT as_of::text FROM task_rollup_state WHERE id = 1) AS as_of`.execute(executor);
  return rows[0]?.asOf ?? null;
}

/** What a refresh did: a full rebuild for a new day, or the number of stale organisations recomputed. */
export interface SummaryRefresh {
  rebuilt: boolean;
  organisations: number;
}

/**
 * Brings the rows to `today`: nothing to do when they are of today and nothing is stale (no lock taken);
 * else, under a transaction-scoped lock, a full rebuild on a new day or the stale organisations' rows.
 * Only the new day's rebuild waits for the lock (yesterday's rows judge statuses by yesterday). When
 * the rows are of today and another transaction holds the lock, it is recomputing right now: the rows
 * are at most that one refresh behind, so the reader reads them as they are instead of queueing for a
 * pooled connection behind it; the marks it leaves are taken by the next reader or the job.
 */
export async function refreshSummary(
  executor: Executor,
  today: string,
  trend: readonly TrendMonthSpec[],
): Promise<SummaryRefresh> {
  const fresh = async () => {
    const { rows } = await sql<{ fresh: boolean }>`
      SELECT coalesce((SELECT as_of = ${today}::date FROM task_rollup_state WHERE id = 1), false)
        AND NOT EXISTS (SELECT 1 FROM task_rollup_dirty) AS fresh`.execute(executor);
    return rows[0]?.fresh === true;
  };
  if (await fresh()) return { rebuilt: false, organisations: 0 };
  if ((await asOf(executor)) === today) {
    const { rows: lock } = await sql<{ taken: boolean; standby: boolean }>`
      SELECT pg_try_advisory_xact_lock(${REFRESH_LOCK}) AS taken, pg_is_in_recovery() AS standby`.execute(
      executor,
    );
    // On a standby the holder is another reader about to fail at its first write: waiting (and then
    // failing as read-only, ADR 0009) keeps a standby from answering with rows behind what it replayed.
    if (lock[0]?.taken !== true) {
      if (lock[0]?.standby !== true) return { rebuilt: false, organisations: 0 };
      await sql`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`.execute(executor);
    }
  } else {
    await sql`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`.execute(executor);
  }
  // Read again under the lock: the transaction that held it may have rebuilt the day meanwhile.
  if ((await asOf(executor)) !== today) {
    await sql`DELETE FROM task_rollup_dirty`.execute(executor);
    await sql`DELETE FROM task_rollup_orgs`.execute(executor);
    await sql`DELETE FROM task_rollup_plans`.execute(executor);
    await sql`DELETE FROM task_rollup_nodes`.execute(executor);
    await sql`DELETE FROM task_rollup_plan_nodes`.execute(executor);
    await sql`DELETE FROM task_rollup_reviews`.execute(executor);
    await sql`DELETE FROM task_rollup_review_nodes`.execute(executor);
    await insertRows(executor, today, trend, null);
    await insertPlanRows(executor, null);
    await insertReviewRows(executor, null);
    await insertNodeRows(executor, null);
    await insertPlanNodeRows(executor, null);
    await insertReviewNodeRows(executor, null);
    await sql`INSERT INTO task_rollup_state (id, as_of) VALUES (1, ${today}::date)
      ON CONFLICT (id) DO UPDATE SET as_of = EXCLUDED.as_of`.execute(executor);
    // Every row is new: without statistics the planner guesses (a province's roll-up took 300 ms
    // instead of 20 until autovacuum came by).
    await sql`ANALYZE task_rollup_orgs`.execute(executor);
    await sql`ANALYZE task_rollup_plans`.execute(executor);
    await sql`ANALYZE task_rollup_nodes`.execute(executor);
    await sql`ANALYZE task_rollup_plan_nodes`.execute(executor);
    await sql`ANALYZE task_rollup_reviews`.execute(executor);
    await sql`ANALYZE task_rollup_review_nodes`.execute(executor);
    return { rebuilt: true, organisations: 0 };
  }
  // Only the marks this statement sees: those of changes committed before the recomputation below,
  // which reads later snapshots; a mark of a transaction still open stays for the next read (0023).
  const { rows: dirty } = await sql<{ orgId: number }>`
    DELETE FROM task_rollup_dirty RETURNING org_id`.execute(executor);
  if (dirty.length === 0) return { rebuilt: false, organisations: 0 };
  const ids = [...new Set(dirty.map((row) => Number(row.orgId)))];
  // The nodes above the stale organisations, where their rows were (a move) and where they are now.
  const { rows: old } = await sql<{ path: string }>`
    DELETE FROM task_rollup_orgs WHERE org_id IN (${sql.join(ids)}) RETURNING org_path::text AS path`.execute(
    executor,
  );
  const { rows: now } = await sql<{ path: string }>`
    SELECT path::text AS path FROM organisations WHERE id IN (${sql.join(ids)})`.execute(executor);
  const { rows: oldPlans } = await sql<{ path: string }>`
    DELETE FROM task_rollup_plans WHERE org_id IN (${sql.join(ids)})
    RETURNING org_path::text AS path`.execute(executor);
  const { rows: oldReviews } = await sql<{ path: string }>`
    DELETE FROM task_rollup_reviews WHERE org_id IN (${sql.join(ids)})
    RETURNING org_path::text AS path`.execute(executor);
  await insertRows(executor, today, trend, ids);
  await insertPlanRows(executor, ids);
  await insertReviewRows(executor, ids);
  // An organisation may have plan or review rows without roll-up rows (only tasks split further, or
  // only tasks it owns and others lead): where it was is taken from every table.
  const nodes = nodePrefixes([...old, ...oldPlans, ...oldReviews, ...now].map((row) => row.path));
  await sql`DELETE FROM task_rollup_nodes WHERE node_path::text IN (${sql.join(nodes)})`.execute(executor);
  await deleteDashboardNodeRows(executor, nodes);
  await insertNodeRows(executor, nodes);
  await insertPlanNodeRows(executor, nodes);
  await insertReviewNodeRows(executor, nodes);
  return { rebuilt: false, organisations: ids.length };
}

/**
 * The tasks counted under the node. A top organisation's as `subpath(org_path, 0, 1) = its path` (the
 * same rows), so its open leaf tasks are walked in due order by migration 0024's tasks_open_top_due:
 * walking every task due on the same days (tasks_due_id) passed ~38,000 other provinces' tasks before
 * the first 20 of Hồ Chí Minh city's due soon.
 */
function underListedNodeSql(nodePaths: readonly string[]): RawBuilder<SqlBool> {
  const path = nodePaths[0];
  if (nodePaths.length === 1 && path !== undefined && !path.includes(".")) {
    return sql<SqlBool>`subpath(t.org_path, 0, 1) = ${path}::ltree`;
  }
  return underNodeSql(nodePaths, sql.ref("t.org_path"));
}

function listSql(source: RollupSource, where: RawBuilder<SqlBool>, limit: number): RawBuilder<unknown> {
  const today = source.today;
  return sql`(SELECT coalesce(json_agg(json_build_object(
      'id', l.id, 'title', l.title, 'orgId', l.org_id, 'orgName', o.name,
      'planId', l.plan_document_id, 'planSymbol', coalesce(d.symbol, d.citation),
      'dueDate', l.due_date, 'daysUntilDue', l.due_date - ${today}::date, 'status', l.status,
      'progressPercent', l.progress_percent::float8,
      'reportLate', l.status = 'overdue' AND (l.due_date IS NULL OR l.due_date >= ${today}::date))
      ORDER BY l.due_date NULLS LAST, l.id), '[]'::json)
    FROM (SELECT t.id, t.title, coalesce(t.lead_org_id, t.owner_org_id) AS org_id, t.plan_document_id,
                 t.due_date, t.progress_percent, ${taskStatusSql("t", today)} AS status
          FROM tasks t
          -- Every task counted under the node is visible (THE rule's first branch: the reader's scope
          -- is narrowed to the node), as for the summed rows; the rule's other branches, ORed, only
          -- spoiled the planner's estimate.
          WHERE ${underListedNodeSql(source.nodePaths)}
            AND NOT t.has_children AND t.state = 'active' AND t.completed_on IS NULL AND ${where}
          ORDER BY t.due_date NULLS LAST, t.id LIMIT ${limit}) l
    JOIN organisations o ON o.id = l.org_id
    LEFT JOIN documents d ON d.id = l.plan_document_id)`;
}

const SUM_COLUMNS = sql`sum(s.total)::int AS total, sum(s.not_started)::int AS not_started,
  sum(s.in_progress)::int AS in_progress, sum(s.done_on_time)::int AS done_on_time,
  sum(s.done_late)::int AS done_late, sum(s.overdue)::int AS overdue, sum(s.paused)::int AS paused,
  sum(s.cancelled)::int AS cancelled, sum(s.tasks)::int AS tasks, sum(s.sum_percent)::float8 AS sum_percent,
  sum(s.sum_weight)::float8 AS sum_weight, sum(s.sum_weighted)::float8 AS sum_weighted_percent`;

/**
 * The rows summed at the node, each with its group (`child_id`, null: the node's own) and whether tasks
 * lie below that group's organisation (`deep`): for the whole country or a top organisation, the node
 * rows one level down (and the top organisation's own rows); else the organisation rows under the node.
 */
function summedRows(source: RollupSource, withTrend: boolean): RawBuilder<unknown> {
  const columns = (alias: string) =>
    sql`${sql.join(SUMMED_COLUMNS.map((c) => sql.ref(`${alias}.${c}`)))}, ${sql.ref(`${alias}.unit`)}
      ${withTrend ? sql`, ${sql.ref(`${alias}.trend_done`)}, ${sql.ref(`${alias}.trend_done_late`)}, ${sql.ref(`${alias}.trend_overdue`)}` : sql``}`;
  const paths = source.nodePaths;
  const topLevel = paths.every((path) => !path.includes("."));
  if (source.nodeId === null && topLevel) {
    return sql`SELECT ${columns("n")}, n.node_id AS child_id, n.deep_total > 0 AS deep
      FROM task_rollup_nodes n
      WHERE nlevel(n.node_path) = 1 AND n.node_id IN (${sql.join(paths.map(Number))})`;
  }
  if (source.nodeId !== null && topLevel) {
    const path = paths[0] as string;
    return sql`SELECT ${columns("n")}, n.node_id AS child_id, n.deep_total > 0 AS deep
      FROM task_rollup_nodes n
      WHERE nlevel(n.node_path) = 2 AND n.node_path <@ ${path}::ltree
      UNION ALL
      SELECT ${columns("s")}, NULL::bigint, false
      FROM task_rollup_orgs s WHERE s.org_path = ${path}::ltree`;
  }
  const child = childOf(source, "s");
  return sql`SELECT ${columns("s")}, ${child.id} AS child_id, nlevel(s.org_path) > ${child.level} AS deep
    FROM task_rollup_orgs s
    WHERE ${underNodeSql(paths, sql.ref("s.org_path"))}`;
}

/**
 * The roll-up at the node from the precomputed rows (every leaf task under the node: the node lies in
 * the reader's scope, so each is visible by THE rule), in one statement; call refreshSummary first.
 */
export async function summaryAtNode(
  executor: Executor,
  source: RollupSource,
  options: RollupOptions & { trend: readonly TrendMonthSpec[]; withTrend: boolean },
): Promise<RollupRows> {
  const today = source.today;
  const limit = options.listLimit ?? 1_000_000;
  const months = options.trend.map((_, i) => i + 1);
  // The roll-up shows no trend: its 36 sums are left out (the dashboard and the export ask for them).
  const withTrend = options.withTrend;
  const { rows } = await sql<{
    total: FiguresRow | null;
    groups: GroupRow[] | null;
    selfGroup: GroupRow | null;
    targets: RollupRows["targets"] | null;
    overdue: ListedTaskRow[];
    dueSoon: ListedTaskRow[];
    dueSoonTotal: number | null;
    trend: { done: number[]; doneLate: number[]; overdueAtEnd: number[] } | null;
  }>`WITH summed AS MATERIALIZED (${summedRows(source, withTrend)}),
  grouped AS (
    SELECT s.child_id, GROUPING(s.child_id) = 1 AS is_total, ${SUM_COLUMNS},
           bool_or(s.deep) AS below
    FROM summed s
    GROUP BY GROUPING SETS ((s.child_id), ())
  ),
  children AS (${childrenSql(source)})
  SELECT
    (SELECT json_build_object(${figureJson("g")}) FROM grouped g WHERE g.is_total) AS total,
    (SELECT coalesce(json_agg(json_build_object('orgId', o.id, 'orgName', o.name, 'orgTypeCode', o.type_code,
        'isSelf', false, 'hasTasksBelow', coalesce(g.below, false), ${figureJson("g")})
        ORDER BY o.search_key, o.name, o.id), '[]'::json)
     FROM children c JOIN organisations o ON o.id = c.id
     LEFT JOIN grouped g ON g.child_id = c.id) AS groups,
    (SELECT json_build_object('orgId', o.id, 'orgName', o.name, 'orgTypeCode', o.type_code,
        'isSelf', true, 'hasTasksBelow', false, ${figureJson("g")})
     FROM grouped g JOIN organisations o ON o.id = ${source.nodeId ?? 0}
     WHERE g.child_id IS NULL AND NOT g.is_total) AS self_group,
    (SELECT coalesce(json_agg(json_build_object('unit', u.unit, 'tasks', u.tasks, 'planned', u.planned,
        'achieved', u.achieved)), '[]'::json)
     FROM (SELECT s.unit, sum(s.target_tasks)::int AS tasks, sum(s.planned)::float8 AS planned,
                  sum(s.achieved)::float8 AS achieved
           FROM summed s WHERE s.target_tasks > 0 GROUP BY s.unit) u) AS targets,
    ${
      limit === 0
        ? sql`'[]'::json`
        : listSql(
            source,
            sql<SqlBool>`(t.due_date < ${today}::date OR (t.schedule <> 'once' AND ${reportLateSql("t", today)}))`,
            limit,
          )
    } AS overdue,
    ${
      options.dueSoon && limit > 0
        ? listSql(source, dueSoonSql("t", today) as RawBuilder<SqlBool>, limit)
        : sql`'[]'::json`
    } AS due_soon,
    ${options.dueSoon ? sql`(SELECT sum(s.due_soon)::int FROM summed s)` : sql`0`} AS due_soon_total,
    ${
      withTrend
        ? sql`(SELECT json_build_object(
        'done', json_build_array(${sql.join(months.map((i) => sql`coalesce(sum(s.trend_done[${sql.lit(i)}]), 0)`))}),
        'doneLate', json_build_array(${sql.join(months.map((i) => sql`coalesce(sum(s.trend_done_late[${sql.lit(i)}]), 0)`))}),
        'overdueAtEnd', json_build_array(${sql.join(months.map((i) => sql`coalesce(sum(s.trend_overdue[${sql.lit(i)}]), 0)`))}))
     FROM summed s)`
        : sql`NULL::json`
    } AS trend`.execute(executor);
  const row = rows[0];
  const groups = row?.groups ?? [];
  if (row?.selfGroup) groups.push(row.selfGroup);
  const trend = row?.trend;
  return {
    total: row?.total ?? emptyFiguresRow(),
    groups,
    targets: row?.targets ?? [],
    overdue: row?.overdue ?? [],
    dueSoon: row?.dueSoon ?? [],
    dueSoonTotal: row?.dueSoonTotal ?? 0,
    trend: options.trend.map((m, i) => ({
      month: m.month,
      done: Number(trend?.done[i] ?? 0),
      doneLate: Number(trend?.doneLate[i] ?? 0),
      overdueAtEnd: Number(trend?.overdueAtEnd[i] ?? 0),
    })),
  };
}

function emptyFiguresRow(): FiguresRow {
  return {
    total: 0,
    notStarted: 0,
    inProgress: 0,
    doneOnTime: 0,
    doneLate: 0,
    overdue: 0,
    paused: 0,
    cancelled: 0,
    tasks: 0,
    sumPercent: 0,
    sumWeight: 0,
    sumWeightedPercent: 0,
  };
}
