// The dashboard's plans missing clears and reports awaiting review, precomputed (migration 0024, ADR
// 0008): per organisation (task_rollup_plans, task_rollup_reviews) and summed once more per top
// organisation and per organisation directly under one (task_rollup_plan_nodes, task_rollup_review_nodes).
// refreshSummary (tasks.rollups.summary.repository.ts) keeps them with the roll-up rows; a node at
// the top two levels reads its own node rows, a deeper node its organisations' rows.
import { type RawBuilder, type SqlBool, sql } from "kysely";
import { pathWithinAny } from "../../platform/auth/scope-sql.ts";
import type { Executor } from "./tasks.rollups.repository.ts";

/** How many of the oldest reports awaiting review each row keeps: the most the dashboard lists. */
export const REVIEW_OLDEST = 5;

const only = (column: string, nodePaths: readonly string[] | null) =>
  nodePaths === null
    ? sql<SqlBool>`true`
    : sql<SqlBool>`${sql.ref(column)} <@ ANY(${sql.val(nodePaths)}::ltree[])
        AND subpath(${sql.ref(column)}, 0, v.k)::text IN (${sql.join(nodePaths)})`;

/** Inserts the per-plan node rows of the nodes at `nodePaths` (levels 1 and 2; null: every node). */
export async function insertPlanNodeRows(
  executor: Executor,
  nodePaths: readonly string[] | null,
): Promise<void> {
  if (nodePaths !== null && nodePaths.length === 0) return;
  await sql`INSERT INTO task_rollup_plan_nodes (node_id, node_path, plan_document_id, tasks, tasks_missing)
    SELECT ltree2text(subpath(x.node_path, -1))::bigint, x.node_path, x.plan_document_id,
      sum(x.tasks)::int, sum(x.tasks_missing)::int
    FROM (SELECT subpath(p.org_path, 0, v.k) AS node_path, p.plan_document_id, p.tasks, p.tasks_missing
          FROM task_rollup_plans p CROSS JOIN (VALUES (1), (2)) AS v(k)
          WHERE nlevel(p.org_path) >= v.k AND ${only("p.org_path", nodePaths)}) x
    GROUP BY x.node_path, x.plan_document_id`.execute(executor);
}

/** Inserts the review rows of the owning organisations `orgIds` (null: every one). */
export async function insertReviewRows(executor: Executor, orgIds: readonly number[] | null): Promise<void> {
  if (orgIds !== null && orgIds.length === 0) return;
  const owners = orgIds === null ? sql`true` : sql`t.owner_org_id IN (${sql.join(orgIds)})`;
  await sql`INSERT INTO task_rollup_reviews (org_id, org_path, awaiting, oldest)
    SELECT t.owner_org_id, o.path, count(*)::int,
      (array_agg(r.id ORDER BY r.submitted_at, r.id))[1:${sql.lit(REVIEW_OLDEST)}]
    FROM task_reports r
    JOIN tasks t ON t.id = r.task_id
    JOIN organisations o ON o.id = t.owner_org_id
    WHERE r.status = 'submitted' AND ${owners}
    GROUP BY t.owner_org_id, o.path`.execute(executor);
}

/** Inserts the review node rows of the nodes at `nodePaths` (levels 1 and 2; null: every node). */
export async function insertReviewNodeRows(
  executor: Executor,
  nodePaths: readonly string[] | null,
): Promise<void> {
  if (nodePaths !== null && nodePaths.length === 0) return;
  await sql`INSERT INTO task_rollup_review_nodes (node_id, node_path, awaiting, oldest)
    WITH x AS (
      SELECT subpath(s.org_path, 0, v.k) AS node_path, s.awaiting, s.oldest
      FROM task_rollup_reviews s CROSS JOIN (VALUES (1), (2)) AS v(k)
      WHERE nlevel(s.org_path) >= v.k AND ${only("s.org_path", nodePaths)}
    )
    SELECT ltree2text(subpath(s.node_path, -1))::bigint, s.node_path, s.awaiting, coalesce(f.oldest, '{}')
    FROM (SELECT x.node_path, sum(x.awaiting)::int AS awaiting FROM x GROUP BY x.node_path) s
    LEFT JOIN (
      SELECT ranked.node_path, array_agg(ranked.id ORDER BY ranked.n) AS oldest
      FROM (SELECT x.node_path, r.id,
                   row_number() OVER (PARTITION BY x.node_path ORDER BY r.submitted_at, r.id) AS n
            FROM x CROSS JOIN unnest(x.oldest) AS u(id) JOIN task_reports r ON r.id = u.id) ranked
      WHERE ranked.n <= ${REVIEW_OLDEST}
      GROUP BY ranked.node_path
    ) f ON f.node_path = s.node_path`.execute(executor);
}

/** Deletes the node rows (plans, reviews) of the nodes at `nodePaths`. */
export async function deleteDashboardNodeRows(
  executor: Executor,
  nodePaths: readonly string[],
): Promise<void> {
  if (nodePaths.length === 0) return;
  const ids = nodePaths.map((path) => Number(path.split(".").at(-1)));
  await sql`DELETE FROM task_rollup_plan_nodes WHERE node_id IN (${sql.join(ids)})`.execute(executor);
  await sql`DELETE FROM task_rollup_review_nodes WHERE node_id IN (${sql.join(ids)})`.execute(executor);
}

/**
 * The rows of `table` (node rows) and `orgTable` (organisation rows) summing to the subtrees at
 * `nodePaths` (disjoint, as scope roots are): a node at the top two levels is one node row, a deeper
 * one its organisations' rows.
 */
function partsSql(
  nodePaths: readonly string[],
  columns: RawBuilder<unknown>,
  table: string,
  orgTable: string,
): RawBuilder<unknown> {
  const shallow = nodePaths.filter((path) => path.split(".").length <= 2);
  const deep = nodePaths.filter((path) => path.split(".").length > 2);
  const parts: RawBuilder<unknown>[] = [];
  if (shallow.length > 0) {
    const ids = shallow.map((path) => Number(path.split(".").at(-1)));
    parts.push(sql`SELECT ${columns} FROM ${sql.table(table)} x WHERE x.node_id IN (${sql.join(ids)})`);
  }
  if (deep.length > 0) {
    parts.push(
      sql`SELECT ${columns} FROM ${sql.table(orgTable)} x WHERE ${pathWithinAny(sql.ref("x.org_path"), deep)}`,
    );
  }
  if (parts.length === 0) parts.push(sql`SELECT ${columns} FROM ${sql.table(table)} x WHERE false`);
  return sql.join(parts, sql` UNION ALL `);
}

export interface MissingClearsRow {
  planId: number | null;
  planSymbol: string | null;
  planSubject: string | null;
  tasksMissing: number;
  tasks: number;
}

/** Plans (null: tasks on their own) with tasks under the node lacking a clear, most first. */
export async function plansMissingClearsAtNode(
  executor: Executor,
  nodePaths: readonly string[],
  limit: number,
): Promise<MissingClearsRow[]> {
  const parts = partsSql(
    nodePaths,
    sql`x.plan_document_id, x.tasks, x.tasks_missing`,
    "task_rollup_plan_nodes",
    "task_rollup_plans",
  );
  const { rows } = await sql<MissingClearsRow>`
    SELECT nullif(m.plan_id, 0) AS "planId", coalesce(d.symbol, d.citation) AS "planSymbol",
           -- As on a task (tasks.presenter.ts): a confidential plan's subject stays with the register.
           CASE WHEN d.confidentiality = 'normal' THEN d.subject END AS "planSubject",
           m.tasks_missing AS "tasksMissing", m.tasks
    FROM (SELECT p.plan_document_id AS plan_id, sum(p.tasks)::int AS tasks, sum(p.tasks_missing)::int AS tasks_missing
          FROM (${parts}) p
          GROUP BY p.plan_document_id) m
    LEFT JOIN documents d ON d.id = m.plan_id
    WHERE m.tasks_missing > 0
    ORDER BY m.tasks_missing DESC, m.plan_id = 0, m.plan_id
    LIMIT ${limit}`.execute(executor);
  return rows;
}

export interface AwaitingRow {
  id: number;
  taskId: number;
  taskTitle: string;
  orgName: string;
  periodKey: string;
  percent: number;
  submittedAt: string;
}

/**
 * Reports awaiting review on tasks owned under the node (every one visible: the node lies in the
 * reader's scope and a task is visible to its owner's ancestors): how many, and the oldest `limit`.
 */
export async function awaitingReviewAtNode(
  executor: Executor,
  nodePaths: readonly string[],
  limit: number,
): Promise<{ items: AwaitingRow[]; total: number }> {
  if (limit > REVIEW_OLDEST) throw new Error(`at most ${REVIEW_OLDEST} reports awaiting review are kept`);
  const parts = partsSql(
    nodePaths,
    sql`x.awaiting, x.oldest`,
    "task_rollup_review_nodes",
    "task_rollup_reviews",
  );
  const { rows } = await sql<{ items: AwaitingRow[]; total: number }>`
    WITH parts AS MATERIALIZED (${parts}),
    -- The parts' oldest reports by primary key (a join let the planner walk every report in order).
    candidates AS MATERIALIZED (
      SELECT r.id, r.task_id, r.period_key, r.percent, r.submitted_at
      FROM task_reports r WHERE r.id = ANY(ARRAY(SELECT unnest(p.oldest) FROM parts p))
    )
    SELECT (SELECT coalesce(sum(p.awaiting), 0)::int FROM parts p) AS total,
      (SELECT coalesce(json_agg(json_build_object('id', w.id, 'taskId', w.task_id, 'taskTitle', w.title,
          'orgName', o.name, 'periodKey', w.period_key, 'percent', w.percent::float8,
          'submittedAt', w.submitted_at) ORDER BY w.submitted_at, w.id), '[]'::json)
       FROM (SELECT r.id, r.task_id, t.title, coalesce(t.lead_org_id, t.owner_org_id) AS org_id,
                    r.period_key, r.percent, r.submitted_at
             FROM candidates r JOIN tasks t ON t.id = r.task_id
             ORDER BY r.submitted_at, r.id
             LIMIT ${limit}) w
       JOIN organisations o ON o.id = w.org_id) AS items`.execute(executor);
  const row = rows[0];
  return { items: row?.items ?? [], total: row?.total ?? 0 };
}
