// SQL of tasks: the summary every list and detail reads (status computed for today), the rows a write
// needs, inserts and updates of tasks, their supporting units and milestones. Every read of tasks by
// an actor goes through taskVisibleSql.
import type { TaskStatus } from "@namro/domain";
import { type Kysely, type SelectQueryBuilder, sql, type Transaction } from "kysely";
import type { Database, NewTask, TaskRow } from "../../db/schema.ts";
import { reportLateSql, taskStatusSql } from "./tasks.status-sql.ts";
import { type TaskScope, taskVisibleSql } from "./tasks.visibility.ts";

export type Executor = Kysely<Database> | Transaction<Database>;

export interface TaskSummaryRow {
  id: number;
  kind: TaskRow["kind"];
  title: string;
  planDocumentId: number | null;
  planSymbol: string | null;
  planSubject: string | null;
  planConfidentiality: string | null;
  parentId: number | null;
  ownerOrgId: number;
  ownerOrgName: string;
  leadOrgId: number | null;
  leadOrgName: string | null;
  responsibleAccountId: number | null;
  responsibleAccountName: string | null;
  responsibleName: string | null;
  startDate: string | null;
  dueDate: string | null;
  schedule: TaskRow["schedule"];
  status: TaskStatus;
  progressPercent: number;
  targetValue: number | null;
  targetUnit: string | null;
  actualValue: number | null;
  completedOn: string | null;
  reportLate: boolean;
  missingClears: string[];
  hasChildren: boolean;
}

type Summarised = SelectQueryBuilder<Database & { t: Database["tasks"] }, "t", TaskSummaryRow>;

/** The summary columns of tasks aliased `t`, for `today`. */
export function summaryQuery(executor: Executor, today: string) {
  return executor
    .selectFrom("tasks as t")
    .innerJoin("organisations as oo", "oo.id", "t.ownerOrgId")
    .leftJoin("organisations as lo", "lo.id", "t.leadOrgId")
    .leftJoin("accounts as ra", "ra.id", "t.responsibleAccountId")
    .leftJoin("documents as pd", "pd.id", "t.planDocumentId")
    .select([
      "t.id",
      "t.kind",
      "t.title",
      "t.planDocumentId",
      "pd.symbol as planSymbol",
      "pd.subject as planSubject",
      "pd.confidentiality as planConfidentiality",
      "t.parentId",
      "t.ownerOrgId",
      "oo.name as ownerOrgName",
      "t.leadOrgId",
      "lo.name as leadOrgName",
      "t.responsibleAccountId",
      "ra.displayName as responsibleAccountName",
      "t.responsibleName",
      "t.startDate",
      "t.dueDate",
      "t.schedule",
      taskStatusSql("t", today).as("status"),
      "t.progressPercent",
      "t.targetValue",
      "t.targetUnit",
      "t.actualValue",
      "t.completedOn",
      reportLateSql("t", today).as("reportLate"),
      "t.missingClears",
      "t.hasChildren",
    ]);
}
export type { Summarised };

export interface TaskDetailRow extends TaskSummaryRow {
  description: string;
  reportFrequency: TaskRow["reportFrequency"];
  deliverable: string | null;
  weight: number;
  state: TaskRow["state"];
  stateReason: string | null;
  treePath: string;
  ownerPath: string;
  orgPath: string;
  leadPath: string | null;
  version: number;
  createdAt: Date;
  createdByName: string | null;
}

/** A task the scope sees, with everything its detail shows; undefined when missing or not visible. */
export async function findVisibleDetail(
  executor: Executor,
  id: number,
  scope: TaskScope,
  today: string,
): Promise<TaskDetailRow | undefined> {
  return summaryQuery(executor, today)
    .leftJoin("accounts as ca", "ca.id", "t.createdBy")
    .select([
      "t.description",
      "t.reportFrequency",
      "t.deliverable",
      "t.weight",
      "t.state",
      "t.stateReason",
      "t.treePath",
      "t.ownerPath",
      "t.orgPath",
      "lo.path as leadPath",
      "t.version",
      "t.createdAt",
      "ca.displayName as createdByName",
    ])
    .where("t.id", "=", id)
    .where(taskVisibleSql("t", scope))
    .executeTakeFirst();
}

/** The stored task when the scope sees it (locked for update inside a write). */
export async function findVisibleRow(
  executor: Executor,
  id: number,
  scope: TaskScope,
  lock: boolean,
): Promise<TaskRow | undefined> {
  let query = executor
    .selectFrom("tasks as t")
    .selectAll("t")
    .where("t.id", "=", id)
    .where(taskVisibleSql("t", scope));
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function lockTask(executor: Executor, id: number): Promise<TaskRow | undefined> {
  return executor.selectFrom("tasks").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function listSupports(executor: Executor, taskId: number) {
  return executor
    .selectFrom("taskSupports as s")
    .innerJoin("organisations as o", "o.id", "s.orgId")
    .select(["o.id", "o.name"])
    .where("s.taskId", "=", taskId)
    .orderBy("o.name")
    .execute();
}

export async function listSupportIds(executor: Executor, taskId: number): Promise<number[]> {
  const rows = await executor
    .selectFrom("taskSupports")
    .select("orgId")
    .where("taskId", "=", taskId)
    .execute();
  return rows.map((row) => row.orgId);
}

export async function listMilestones(executor: Executor, taskId: number) {
  return executor
    .selectFrom("taskMilestones")
    .select(["id", "title", "dueDate", "doneOn"])
    .where("taskId", "=", taskId)
    .orderBy("sortOrder")
    .orderBy("id")
    .execute();
}

/** The parent's title and owner, when the scope sees it. */
export async function findVisibleParent(executor: Executor, parentId: number, scope: TaskScope) {
  return executor
    .selectFrom("tasks as t")
    .innerJoin("organisations as o", "o.id", "t.ownerOrgId")
    .select(["t.id", "t.title", "o.name as ownerOrgName"])
    .where("t.id", "=", parentId)
    .where(taskVisibleSql("t", scope))
    .executeTakeFirst();
}

/** How many children of the task the scope sees, and their targets' total. */
export async function childFigures(executor: Executor, taskId: number, scope: TaskScope) {
  const row = await executor
    .selectFrom("tasks as t")
    .select([
      sql<number>`count(*)::int`.as("childCount"),
      sql<number | null>`sum(t.target_value)`.as("childTargetsTotal"),
    ])
    .where("t.parentId", "=", taskId)
    .where(taskVisibleSql("t", scope))
    .executeTakeFirstOrThrow();
  return { childCount: row.childCount, childTargetsTotal: row.childTargetsTotal };
}

// ---- organisations, accounts, plans ---------------------------------------------------------------

export interface TaskOrgRow {
  id: number;
  name: string;
  path: string;
  active: boolean;
  isDepartment: boolean;
}

export async function findOrgs(executor: Executor, ids: readonly number[]): Promise<TaskOrgRow[]> {
  if (ids.length === 0) return [];
  return executor
    .selectFrom("organisations as o")
    .innerJoin("orgTypes as ot", "ot.code", "o.typeCode")
    .select(["o.id", "o.name", "o.path", sql<boolean>`o.status = 'active'`.as("active"), "ot.isDepartment"])
    .where("o.id", "in", [...ids])
    .execute();
}

/** The path of the committee an organisation belongs to: itself, or up through departments. */
export async function committeePathOf(executor: Executor, path: string): Promise<string> {
  const row = await executor
    .selectFrom("organisations as o")
    .innerJoin("orgTypes as ot", "ot.code", "o.typeCode")
    .select("o.path")
    .where(sql<boolean>`o.path @> ${path}::ltree`)
    .where("ot.isDepartment", "=", false)
    .orderBy(sql`nlevel(o.path)`, "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.path ?? path;
}

/**
 * Whether an account may be named responsible for a task of the committee at `committeePath`: it is
 * not disabled and holds a role on an organisation within that committee (the scope its lead and
 * supporting units come from). Naming someone responsible shows them the task, so nobody else may be.
 */
export async function responsibleAccountFits(
  executor: Executor,
  id: number,
  committeePath: string,
): Promise<boolean> {
  const row = await executor
    .selectFrom("accounts as a")
    .select("a.id")
    .where("a.id", "=", id)
    .where("a.disabledAt", "is", null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("roleAssignments as ra")
          .innerJoin("organisations as o", "o.id", "ra.orgId")
          .select("ra.id")
          .whereRef("ra.accountId", "=", "a.id")
          .where(sql<boolean>`o.path <@ ${committeePath}::ltree`),
      ),
    )
    .executeTakeFirst();
  return row !== undefined;
}

export async function isPlanType(executor: Executor, typeId: number): Promise<boolean> {
  const row = await executor
    .selectFrom("documentTypes")
    .select("isPlan")
    .where("id", "=", typeId)
    .executeTakeFirst();
  return row?.isPlan === true;
}

// ---- writes ---------------------------------------------------------------------------------------

/** Ids for `count` new tasks, reserved in one round trip (tree_path holds a task's own id). */
export async function reserveIds(executor: Executor, count: number): Promise<number[]> {
  if (count === 0) return [];
  const result = await sql<{ id: number }>`SELECT nextval(pg_get_serial_sequence('tasks', 'id'))::int AS id
    FROM generate_series(1, ${count})`.execute(executor);
  return result.rows.map((row) => row.id);
}

/** Rows per INSERT: tasks have ~30 columns, well under PostgreSQL's 65,535 bind parameters. */
const INSERT_BATCH = 1000;

export async function insertTasks(executor: Executor, rows: readonly NewTask[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    await executor
      .insertInto("tasks")
      .values(rows.slice(i, i + INSERT_BATCH))
      .execute();
  }
}

export async function insertSupports(
  executor: Executor,
  rows: readonly { taskId: number; orgId: number; path: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 5 * INSERT_BATCH) {
    await executor
      .insertInto("taskSupports")
      .values(rows.slice(i, i + 5 * INSERT_BATCH))
      .execute();
  }
}

export async function replaceSupports(
  executor: Executor,
  taskId: number,
  orgs: readonly { id: number; path: string }[],
): Promise<void> {
  await executor.deleteFrom("taskSupports").where("taskId", "=", taskId).execute();
  await insertSupports(
    executor,
    orgs.map((org) => ({ taskId, orgId: org.id, path: org.path })),
  );
}

export interface MilestoneValues {
  title: string;
  dueDate: string;
  doneOn: string | null;
}

export async function insertMilestones(
  executor: Executor,
  rows: readonly (MilestoneValues & { taskId: number; sortOrder: number })[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 5 * INSERT_BATCH) {
    await executor
      .insertInto("taskMilestones")
      .values(rows.slice(i, i + 5 * INSERT_BATCH))
      .execute();
  }
}

export async function replaceMilestones(
  executor: Executor,
  taskId: number,
  milestones: readonly MilestoneValues[],
): Promise<void> {
  await executor.deleteFrom("taskMilestones").where("taskId", "=", taskId).execute();
  await insertMilestones(
    executor,
    milestones.map((milestone, sortOrder) => ({ ...milestone, taskId, sortOrder })),
  );
}

export type TaskChanges = Partial<Omit<NewTask, "id" | "createdAt" | "createdBy" | "version" | "updatedAt">>;

/** Writes the changes and bumps the version. */
export async function updateTask(
  executor: Executor,
  id: number,
  changes: TaskChanges,
  now: Date,
): Promise<void> {
  await executor
    .updateTable("tasks")
    .set({ ...changes, version: sql`version + 1`, updatedAt: now })
    .where("id", "=", id)
    .execute();
}

export async function hasChildTasks(executor: Executor, id: number): Promise<boolean> {
  const row = await executor
    .selectFrom("tasks")
    .select("id")
    .where("parentId", "=", id)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Moves a task's subtree: every tree_path under `oldPath` is re-rooted at `newPath`. */
export async function moveSubtree(executor: Executor, oldPath: string, newPath: string): Promise<void> {
  // subpath(p, nlevel(p)) is an error, not an empty path: the task itself takes the new path as is.
  await sql`UPDATE tasks SET tree_path = CASE WHEN tree_path = ${oldPath}::ltree THEN ${newPath}::ltree
      ELSE ${newPath}::ltree || subpath(tree_path, nlevel(${oldPath}::ltree)) END
    WHERE tree_path <@ ${oldPath}::ltree`.execute(executor);
}
