// SQL of task roll-ups and the dashboard. One statement reads the tasks of a subtree once (`scoped`:
// leaf tasks counted by org_path — the lead's path, else the owner's —, visible to the reader, narrowed
// to a plan's task trees and a period) and aggregates them: grouping sets by child organisation of the
// node and for the node's total, targets per unit, the first overdue and due-soon tasks, and the trend
// as filtered counts per month. Status is THE rule in SQL (tasks.status-sql.ts) with an injected today.
import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql, type Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";
import { pathWithinAny } from "../../platform/auth/scope-sql.ts";
import { dueSoonSql, taskStatusSql } from "./tasks.status-sql.ts";
import { type TaskScope, taskVisibleSql } from "./tasks.visibility.ts";

export type Executor = Kysely<Database> | Transaction<Database>;

export interface RollupSource {
  /** The organisation, or null for the reader's whole scope over several top organisations. */
  nodeId: number | null;
  /** The organisation's path, or the reader's scope roots. */
  nodePaths: readonly string[];
  scope: TaskScope;
  today: string;
  /** Only the task trees of these plans (their tasks and everything cascaded from them); null: all. */
  planIds: readonly number[] | null;
  from: string | null;
  to: string | null;
}

export interface FiguresRow {
  total: number;
  notStarted: number;
  inProgress: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  paused: number;
  cancelled: number;
  /** Not cancelled: counted for progress. */
  tasks: number;
  sumPercent: number;
  sumWeight: number;
  sumWeightedPercent: number;
}

export interface GroupRow extends FiguresRow {
  orgId: number;
  orgName: string;
  orgTypeCode: string;
  isSelf: boolean;
  hasTasksBelow: boolean;
}

export interface TargetRow {
  unit: string;
  tasks: number;
  planned: number;
  achieved: number;
}

export interface ListedTaskRow {
  id: number;
  title: string;
  orgId: number;
  orgName: string;
  planId: number | null;
  planSymbol: string | null;
  dueDate: string | null;
  daysUntilDue: number | null;
  status: string;
  progressPercent: number;
  reportLate: boolean;
}

export interface TrendMonthSpec {
  month: string;
  /** First day of the month. */
  start: string;
  /** The day after the month (exclusive end). */
  next: string;
  /** Overdue is counted at the end of this day (the month's last day, or today). */
  end: string;
}

export interface RollupOptions {
  /** How many overdue (and due-soon) tasks to list; 0 lists none; null lists every one. */
  listLimit: number | null;
  dueSoon: boolean;
  trend: readonly TrendMonthSpec[] | null;
}

export interface RollupRows {
  total: FiguresRow;
  groups: GroupRow[];
  targets: TargetRow[];
  overdue: ListedTaskRow[];
  dueSoon: ListedTaskRow[];
  dueSoonTotal: number;
  trend: { month: string; done: number; doneLate: number; overdueAtEnd: number }[];
}

/** The tasks of the roll-up: leaf, counted under the node, visible, in the plans and the period. */
function scopedWhere(source: RollupSource): RawBuilder<SqlBool> {
  const conditions: RawBuilder<SqlBool>[] = [
    underNodeSql(source.nodePaths, sql.ref("t.org_path")),
    sql`NOT t.has_children`,
    sql`${taskVisibleSql("t", source.scope)}`,
  ];
  if (source.planIds !== null) {
    // A task belongs to a plan when it, or a task above it, is one of the plan's. Cascades and children
    // copy the plan, so almost always the task's own plan says it; the rest lie under an "exit": a
    // child whose plan was changed or cleared under a parent of the plans (rare, so the array is short —
    // every task of the plan in it cost 43 s a roll-up on 200,000 tasks, PGlite).
    const plans = sql.join(source.planIds.length > 0 ? source.planIds : [0]);
    conditions.push(sql`(t.plan_document_id IN (${plans}) OR t.tree_path <@ ARRAY(
      SELECT c.tree_path FROM tasks p JOIN tasks c ON c.parent_id = p.id
      WHERE p.plan_document_id IN (${plans})
        AND (c.plan_document_id IS NULL OR c.plan_document_id NOT IN (${plans}))))`);
  }
  if (source.to !== null) {
    conditions.push(
      sql`coalesce(t.start_date, (t.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) <= ${source.to}::date`,
    );
  }
  if (source.from !== null) {
    conditions.push(sql`(CASE WHEN t.completed_on IS NOT NULL THEN t.completed_on >= ${source.from}::date
      WHEN t.state = 'active' THEN true
      ELSE t.due_date IS NULL OR t.due_date >= ${source.from}::date END)`);
  }
  return sql<SqlBool>`${sql.join(conditions, sql` AND `)}`;
}

const FIGURE_COLUMNS = sql`count(*)::int AS total,
  (count(*) FILTER (WHERE s.status = 'not_started'))::int AS not_started,
  (count(*) FILTER (WHERE s.status = 'in_progress'))::int AS in_progress,
  (count(*) FILTER (WHERE s.status = 'done_on_time'))::int AS done_on_time,
  (count(*) FILTER (WHERE s.status = 'done_late'))::int AS done_late,
  (count(*) FILTER (WHERE s.status = 'overdue'))::int AS overdue,
  (count(*) FILTER (WHERE s.status = 'paused'))::int AS paused,
  (count(*) FILTER (WHERE s.status = 'cancelled'))::int AS cancelled,
  (count(*) FILTER (WHERE s.status <> 'cancelled'))::int AS tasks,
  coalesce(sum(s.pct) FILTER (WHERE s.status <> 'cancelled'), 0)::float8 AS sum_percent,
  coalesce(sum(s.weight) FILTER (WHERE s.status <> 'cancelled'), 0)::float8 AS sum_weight,
  coalesce(sum(s.weight * s.pct) FILTER (WHERE s.status <> 'cancelled'), 0)::float8 AS sum_weighted_percent`;

export const figureJson = (alias: string) => {
  const c = (column: string) => sql.ref(`${alias}.${column}`);
  return sql`'total', coalesce(${c("total")}, 0), 'notStarted', coalesce(${c("not_started")}, 0),
    'inProgress', coalesce(${c("in_progress")}, 0), 'doneOnTime', coalesce(${c("done_on_time")}, 0),
    'doneLate', coalesce(${c("done_late")}, 0), 'overdue', coalesce(${c("overdue")}, 0),
    'paused', coalesce(${c("paused")}, 0), 'cancelled', coalesce(${c("cancelled")}, 0),
    'tasks', coalesce(${c("tasks")}, 0), 'sumPercent', coalesce(${c("sum_percent")}, 0),
    'sumWeight', coalesce(${c("sum_weight")}, 0), 'sumWeightedPercent', coalesce(${c("sum_weighted_percent")}, 0)`;
};

function listJson(
  where: RawBuilder<SqlBool>,
  order: RawBuilder<unknown>,
  limit: number | null,
  today: string,
) {
  if (limit === 0) return sql`'[]'::json`;
  return sql`(SELECT coalesce(json_agg(json_build_object(
      'id', l.id, 'title', lt.title, 'orgId', l.org_id, 'orgName', o.name,
      'planId', l.plan_document_id, 'planSymbol', coalesce(d.symbol, d.citation),
      'dueDate', l.due_date, 'daysUntilDue', l.due_date - ${today}::date, 'status', l.status,
      'progressPercent', l.progress_percent::float8,
      'reportLate', l.status = 'overdue' AND (l.due_date IS NULL OR l.due_date >= ${today}::date))
      ORDER BY l.ord), '[]'::json)
    FROM (SELECT s.*, row_number() OVER (ORDER BY ${order}) AS ord FROM scoped s WHERE ${where}
          ORDER BY ${order} ${limit === null ? sql`` : sql`LIMIT ${limit}`}) l
    JOIN tasks lt ON lt.id = l.id
    JOIN organisations o ON o.id = l.org_id
    LEFT JOIN documents d ON d.id = l.plan_document_id)`;
}

function trendJson(trend: readonly TrendMonthSpec[] | null) {
  if (trend === null || trend.length === 0) return sql`'[]'::json`;
  const columns = trend.map(
    (m, i) => sql`json_build_object('month', ${m.month}::text,
      'done', count(*) FILTER (WHERE s.completed_on >= ${m.start}::date AND s.completed_on < ${m.next}::date),
      'doneLate', count(*) FILTER (WHERE s.completed_on >= ${m.start}::date AND s.completed_on < ${m.next}::date
                                   AND s.completed_on > s.due_date),
      'overdueAtEnd', count(*) FILTER (WHERE s.state = 'active' AND s.due_date < ${m.end}::date
                                       AND (s.completed_on IS NULL OR s.completed_on > ${m.end}::date))) AS ${sql.ref(`m${i}`)}`,
  );
  return sql`(SELECT json_build_array(${sql.join(trend.map((_, i) => sql.ref(`tr.m${i}`)))})
    FROM (SELECT ${sql.join(columns)} FROM scoped s) tr)`;
}

/**
 * The group of a task: the child of the node its org_path lies under (null: the node's own), with the
 * child's level; for a whole scope, the scope root it lies under.
 */
export function childOf(
  source: RollupSource,
  alias = "t",
): { id: RawBuilder<number | null>; level: RawBuilder<number> } {
  const paths = source.nodePaths;
  if (source.nodeId !== null) {
    const level = (paths[0] ?? "").split(".").length;
    return {
      id: sql`CASE WHEN nlevel(${sql.ref(`${alias}.org_path`)}) > ${level} THEN ltree2text(subpath(${sql.ref(`${alias}.org_path`)}, ${level}, 1))::bigint END`,
      level: sql`${level + 1}::int`,
    };
  }
  if (paths.every((path) => !path.includes("."))) {
    return { id: sql`ltree2text(subpath(${sql.ref(`${alias}.org_path`)}, 0, 1))::bigint`, level: sql`1` };
  }
  const idOf = (path: string) => Number(path.split(".").at(-1));
  return {
    id: sql`CASE ${sql.join(
      paths.map(
        (path) => sql`WHEN ${sql.ref(`${alias}.org_path`)} <@ ${path}::ltree THEN ${idOf(path)}::bigint`,
      ),
      sql` `,
    )} END`,
    level: sql`CASE ${sql.join(
      paths.map(
        (path) =>
          sql`WHEN ${sql.ref(`${alias}.org_path`)} <@ ${path}::ltree THEN ${path.split(".").length}::int`,
      ),
      sql` `,
    )} END`,
  };
}

/**
 * `path` lies under one of the node's paths. For a whole scope of top organisations (a national reader
 * holds 34) the first label is looked up once instead of comparing every row with each root in turn.
 */
export function underNodeSql(nodePaths: readonly string[], path: Expression<string>): RawBuilder<SqlBool> {
  if (nodePaths.length > 1 && nodePaths.every((p) => !p.includes("."))) {
    return sql<SqlBool>`ltree2text(subpath(${path}, 0, 1))::bigint IN (${sql.join(nodePaths.map(Number))})`;
  }
  return sql<SqlBool>`${pathWithinAny(path, nodePaths)}`;
}

/** The organisations grouped: the node's active children (and any holding tasks), or the scope roots. */
export function childrenSql(source: RollupSource): RawBuilder<unknown> {
  if (source.nodeId === null) {
    const ids = source.nodePaths.map((path) => Number(path.split(".").at(-1)));
    return sql`SELECT o.id FROM organisations o WHERE o.id IN (${sql.join(ids)})`;
  }
  return sql`SELECT o.id FROM organisations o WHERE o.parent_id = ${source.nodeId} AND o.status = 'active'
    UNION SELECT g.child_id FROM grouped g WHERE g.child_id IS NOT NULL`;
}

/** Every figure of the roll-up (or dashboard) at one node, in one statement. */
export async function rollupAtNode(
  executor: Executor,
  source: RollupSource,
  options: RollupOptions,
): Promise<RollupRows> {
  const child = childOf(source);
  const today = source.today;
  const { rows } = await sql<{
    total: FiguresRow | null;
    groups: GroupRow[] | null;
    targets: TargetRow[] | null;
    overdue: ListedTaskRow[];
    dueSoon: ListedTaskRow[];
    dueSoonTotal: number;
    trend: RollupRows["trend"];
  }>`WITH scoped AS MATERIALIZED (
    SELECT t.id, t.org_path, coalesce(t.lead_org_id, t.owner_org_id) AS org_id,
           t.plan_document_id, t.state, t.due_date, t.completed_on, t.progress_percent, t.weight,
           t.target_value, t.actual_value, t.target_unit,
           ${taskStatusSql("t", today)} AS status,
           CASE WHEN t.completed_on IS NOT NULL THEN 100 ELSE t.progress_percent END AS pct,
           ${child.id} AS child_id, ${child.level} AS child_level
    FROM tasks t
    WHERE ${scopedWhere(source)}
  ),
  grouped AS (
    SELECT s.child_id, GROUPING(s.child_id) = 1 AS is_total, ${FIGURE_COLUMNS},
           bool_or(nlevel(s.org_path) > s.child_level) AS below
    FROM scoped s
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
     FROM (SELECT btrim(coalesce(s.target_unit, '')) AS unit, count(*)::int AS tasks,
                  sum(s.target_value)::float8 AS planned, coalesce(sum(s.actual_value), 0)::float8 AS achieved
           FROM scoped s WHERE s.target_value IS NOT NULL AND s.status <> 'cancelled'
           GROUP BY 1) u) AS targets,
    ${listJson(sql`s.status = 'overdue'`, sql`s.due_date NULLS LAST, s.id`, options.listLimit, today)} AS overdue,
    ${
      options.dueSoon
        ? listJson(
            dueSoonSql("s", today) as RawBuilder<SqlBool>,
            sql`s.due_date, s.id`,
            options.listLimit,
            today,
          )
        : sql`'[]'::json`
    } AS due_soon,
    ${options.dueSoon ? sql`(SELECT count(*)::int FROM scoped s WHERE ${dueSoonSql("s", today)})` : sql`0`} AS due_soon_total,
    ${trendJson(options.trend)} AS trend`.execute(executor);
  const row = rows[0] as (typeof rows)[number] & { selfGroup: GroupRow | null };
  const groups = row.groups ?? [];
  if (row.selfGroup) groups.push(row.selfGroup);
  return {
    total: row.total ?? emptyFigures(),
    groups,
    targets: row.targets ?? [],
    overdue: row.overdue,
    dueSoon: row.dueSoon,
    dueSoonTotal: row.dueSoonTotal,
    trend: row.trend,
  };
}

function emptyFigures(): FiguresRow {
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

/** The plans of a directive: documents implementing it directly or through a chain, with tasks. */
export async function plansImplementing(executor: Executor, directiveId: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    WITH RECURSIVE implementing(id, depth) AS (
        SELECT ${directiveId}::bigint, 0
      UNION
        SELECT r.from_document_id, i.depth + 1 FROM document_relations r JOIN implementing i ON r.to_document_id = i.id
        WHERE r.kind = 'implements' AND i.depth < 12
    )
    SELECT DISTINCT t.plan_document_id AS id FROM tasks t
    WHERE t.plan_document_id IN (SELECT id FROM implementing)
    ORDER BY 1`.execute(executor);
  return rows.map((row) => Number(row.id));
}

export interface OrgRow {
  id: number;
  name: string;
  path: string;
}

export async function findOrg(executor: Executor, id: number): Promise<OrgRow | undefined> {
  const { rows } = await sql<OrgRow>`
    SELECT id, name, path::text AS path FROM organisations WHERE id = ${id}`.execute(executor);
  return rows[0];
}

/** The organisations at these paths, in name order. */
export async function orgsByPaths(executor: Executor, paths: readonly string[]): Promise<OrgRow[]> {
  const ids = paths.map((path) => Number(path.split(".").at(-1)));
  const { rows } = await sql<OrgRow>`
    SELECT id, name, path::text AS path FROM organisations WHERE id IN (${sql.join(ids)})
    ORDER BY search_key, name, id`.execute(executor);
  return rows;
}

/** The organisations on the path (ancestors and the node), top first. */
export async function orgsOnPath(executor: Executor, path: string): Promise<OrgRow[]> {
  const ids = path.split(".").map(Number);
  const { rows } = await sql<OrgRow>`
    SELECT id, name, path::text AS path FROM organisations WHERE id IN (${sql.join(ids)})
    ORDER BY nlevel(path)`.execute(executor);
  return rows;
}

/** The plan's progress formula ('average' when the plan has no setting). */
export async function planFormula(
  executor: Executor,
  planId: number,
): Promise<"average" | "weighted" | "status"> {
  const row = await executor
    .selectFrom("taskPlans")
    .select("progressFormula")
    .where("documentId", "=", planId)
    .executeTakeFirst();
  return (row?.progressFormula as "average" | "weighted" | "status" | undefined) ?? "average";
}

/**
 * No parallel workers for the rest of the transaction: the roll-up's statements take milliseconds, and
 * starting workers cost more than they saved (a large commune's overdue list planned a Gather Merge over
 * tasks_due_id: 27.6 ms with two workers, 7.4 ms without, on the province database). PGlite accepts it.
 */
export async function disableParallelWorkers(executor: Executor): Promise<void> {
  await sql`SET LOCAL max_parallel_workers_per_gather = 0`.execute(executor);
}
