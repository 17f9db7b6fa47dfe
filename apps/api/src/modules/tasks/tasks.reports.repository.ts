// SQL of task progress reports: the reports of a task with their evidence (without its bytes), one
// report locked for a change, the reports awaiting review under an organisation, and the rows the
// progress recomputation reads and writes (a task's path locked in id order, its reports, the
// children of its ancestors).
import { type Insertable, type Kysely, type Selectable, sql, type Transaction } from "kysely";
import type { Database, TaskReportFilesTable, TaskReportsTable, TaskRow } from "../../db/schema.ts";
import { pathWithinAny } from "../../platform/auth/scope-sql.ts";

export type Executor = Kysely<Database> | Transaction<Database>;

export type TaskReportRecord = Selectable<TaskReportsTable>;

export interface TaskReportRow extends TaskReportRecord {
  submittedByName: string | null;
  reviewedByName: string | null;
}

export interface TaskReportFileRow {
  id: number;
  reportId: number;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  createdAt: Date;
  createdByName: string | null;
}

function reportsQuery(executor: Executor) {
  return executor
    .selectFrom("taskReports as r")
    .leftJoin("accounts as sa", "sa.id", "r.submittedBy")
    .leftJoin("accounts as ra", "ra.id", "r.reviewedBy")
    .selectAll("r")
    .select(["sa.displayName as submittedByName", "ra.displayName as reviewedByName"]);
}

export async function listReports(executor: Executor, taskId: number): Promise<TaskReportRow[]> {
  return reportsQuery(executor).where("r.taskId", "=", taskId).orderBy("r.periodEnd", "desc").execute();
}

export async function findReport(
  executor: Executor,
  taskId: number,
  reportId: number,
): Promise<TaskReportRow | undefined> {
  return reportsQuery(executor)
    .where("r.taskId", "=", taskId)
    .where("r.id", "=", reportId)
    .executeTakeFirst();
}

/** The report of a period, locked until the transaction ends. */
export async function lockReportOfPeriod(
  executor: Executor,
  taskId: number,
  periodKey: string,
): Promise<TaskReportRecord | undefined> {
  return executor
    .selectFrom("taskReports")
    .selectAll()
    .where("taskId", "=", taskId)
    .where("periodKey", "=", periodKey)
    .forUpdate()
    .executeTakeFirst();
}

export async function lockReport(
  executor: Executor,
  taskId: number,
  reportId: number,
): Promise<TaskReportRecord | undefined> {
  return executor
    .selectFrom("taskReports")
    .selectAll()
    .where("taskId", "=", taskId)
    .where("id", "=", reportId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertReport(
  executor: Executor,
  report: Insertable<TaskReportsTable>,
): Promise<number> {
  const row = await executor
    .insertInto("taskReports")
    .values(report)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export type ReportChanges = Partial<
  Pick<
    TaskReportRecord,
    | "percent"
    | "actualValue"
    | "narrative"
    | "completedOn"
    | "status"
    | "returnReason"
    | "submittedBy"
    | "submittedAt"
    | "reviewedBy"
    | "reviewedAt"
  >
>;

/** Changes the report if it is still at `version` (and bumps it); false when someone changed it first. */
export async function updateReportAtVersion(
  executor: Executor,
  reportId: number,
  version: number,
  changes: ReportChanges,
): Promise<boolean> {
  const result = await executor
    .updateTable("taskReports")
    .set((eb) => ({ ...changes, version: eb("version", "+", 1) }))
    .where("id", "=", reportId)
    .where("version", "=", version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function listFilesOfReports(
  executor: Executor,
  reportIds: readonly number[],
): Promise<TaskReportFileRow[]> {
  if (reportIds.length === 0) return [];
  return executor
    .selectFrom("taskReportFiles as f")
    .leftJoin("accounts as a", "a.id", "f.createdBy")
    .select([
      "f.id",
      "f.reportId",
      "f.fileName",
      "f.mediaType",
      "f.sizeBytes",
      "f.createdAt",
      "a.displayName as createdByName",
    ])
    .where("f.reportId", "in", reportIds)
    .orderBy("f.id")
    .execute();
}

export async function countFiles(executor: Executor, reportId: number): Promise<number> {
  const row = await executor
    .selectFrom("taskReportFiles")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("reportId", "=", reportId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertFile(
  executor: Executor,
  file: Insertable<TaskReportFilesTable>,
): Promise<number> {
  const row = await executor
    .insertInto("taskReportFiles")
    .values(file)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findFile(
  executor: Executor,
  reportId: number,
  fileId: number,
): Promise<TaskReportFileRow | undefined> {
  return (await listFilesOfReports(executor, [reportId])).find((file) => file.id === fileId);
}

export async function findFileContent(
  executor: Executor,
  reportId: number,
  fileId: number,
): Promise<{ fileName: string; mediaType: string; content: Buffer } | undefined> {
  return executor
    .selectFrom("taskReportFiles")
    .select(["fileName", "mediaType", "content"])
    .where("reportId", "=", reportId)
    .where("id", "=", fileId)
    .executeTakeFirst();
}

export async function deleteFile(executor: Executor, reportId: number, fileId: number): Promise<boolean> {
  const result = await executor
    .deleteFrom("taskReportFiles")
    .where("reportId", "=", reportId)
    .where("id", "=", fileId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

// ── Reports awaiting review ──

export async function findOrgPath(executor: Executor, orgId: number): Promise<string | undefined> {
  const row = await executor
    .selectFrom("organisations")
    .select("path")
    .where("id", "=", orgId)
    .executeTakeFirst();
  return row?.path;
}

export interface AwaitingReportRow {
  id: number;
  periodKey: string;
  periodEnd: string;
  percent: number;
  actualValue: number | null;
  completedOn: string | null;
  submittedAt: Date;
  submittedByName: string | null;
  version: number;
  fileCount: number;
  taskId: number;
  taskTitle: string;
  ownerOrgId: number;
  ownerOrgName: string;
  leadOrgId: number | null;
  leadOrgName: string | null;
  dueDate: string | null;
  targetValue: number | null;
  targetUnit: string | null;
}

/**
 * Submitted reports on tasks whose assigning organisation lies in one of `managePaths` and under
 * `underPath` (when given), oldest first: the ones waiting longest come first. One statement: the
 * matching reports are collected once (a commune's few by its tasks' path index, a province's many by
 * the reports awaiting review), counted and cut to the page, and only the page is joined to its names —
 * walking every submitted report in date order for a commune's 20 took ~300 ms at 200,000 tasks.
 */
export async function awaitingReviewPage(
  executor: Executor,
  managePaths: readonly string[],
  underPath: string | null,
  page: { offset: number; limit: number },
): Promise<{ rows: AwaitingReportRow[]; total: number }> {
  if (managePaths.length === 0) return { rows: [], total: 0 };
  const ownerPath = sql.ref<string>("t.owner_path");
  const under = underPath === null ? sql`true` : pathWithinAny(ownerPath, [underPath]);
  const { rows } = await sql<AwaitingReportRow & { total: number }>`
    WITH waiting AS MATERIALIZED (
      SELECT r.id, r.submitted_at FROM task_reports r JOIN tasks t ON t.id = r.task_id
      WHERE r.status = 'submitted' AND ${pathWithinAny(ownerPath, managePaths)} AND ${under}
    ), page AS (
      SELECT w.id, count(*) OVER () AS total FROM waiting w
      ORDER BY w.submitted_at, w.id OFFSET ${page.offset} LIMIT ${page.limit}
    )
    SELECT r.id, r.period_key AS "periodKey", r.period_end AS "periodEnd", r.percent,
      r.actual_value AS "actualValue", r.completed_on AS "completedOn", r.submitted_at AS "submittedAt",
      sa.display_name AS "submittedByName", r.version,
      (SELECT count(*) FROM task_report_files f WHERE f.report_id = r.id)::int AS "fileCount",
      t.id AS "taskId", t.title AS "taskTitle", t.owner_org_id AS "ownerOrgId", oo.name AS "ownerOrgName",
      t.lead_org_id AS "leadOrgId", lo.name AS "leadOrgName", t.due_date AS "dueDate",
      t.target_value AS "targetValue", t.target_unit AS "targetUnit", p.total::int AS total
    FROM page p
    JOIN task_reports r ON r.id = p.id
    JOIN tasks t ON t.id = r.task_id
    JOIN organisations oo ON oo.id = t.owner_org_id
    LEFT JOIN organisations lo ON lo.id = t.lead_org_id
    LEFT JOIN accounts sa ON sa.id = r.submitted_by
    ORDER BY r.submitted_at, r.id`.execute(executor);
  const first = rows[0];
  if (first === undefined && page.offset > 0) {
    // A page past the end: the total still counts.
    const { total } = await awaitingReviewPage(executor, managePaths, underPath, { offset: 0, limit: 1 });
    return { rows: [], total };
  }
  return { rows: rows.map(({ total: _total, ...row }) => row), total: first?.total ?? 0 };
}

// ── Progress recomputation ──

export async function treePathOf(executor: Executor, taskId: number): Promise<string | undefined> {
  const row = await executor
    .selectFrom("tasks")
    .select("treePath")
    .where("id", "=", taskId)
    .executeTakeFirst();
  return row?.treePath;
}

/** The states of the tasks above the one at `treePath` (its ancestors), in no order. */
export async function ancestorStatesOf(executor: Executor, treePath: string): Promise<string[]> {
  const ids = treePath.split(".").slice(0, -1).map(Number);
  if (ids.length === 0) return [];
  const rows = await executor.selectFrom("tasks").select("state").where("id", "in", ids).execute();
  return rows.map((row) => row.state);
}

/**
 * Locks the tasks in the order of their ids — the one order every writer of a task's path uses, so
 * two reports on sibling tasks wait for each other instead of deadlocking or losing an update.
 */
export async function lockTasksInIdOrder(executor: Executor, ids: readonly number[]): Promise<TaskRow[]> {
  if (ids.length === 0) return [];
  return executor.selectFrom("tasks").selectAll().where("id", "in", ids).orderBy("id").forUpdate().execute();
}

export async function reportFactsOf(executor: Executor, taskId: number) {
  return executor
    .selectFrom("taskReports")
    .select(["status", "percent", "actualValue", "completedOn", "periodEnd", "submittedAt"])
    .where("taskId", "=", taskId)
    .execute();
}

export async function childFactsOf(executor: Executor, parentIds: readonly number[]) {
  if (parentIds.length === 0) return [];
  return executor
    .selectFrom("tasks")
    .select([
      "id",
      "parentId",
      "weight",
      "state",
      "progressPercent",
      "actualValue",
      "completedOn",
      "lastReportAt",
      "lastReportedPeriodEnd",
    ])
    .where("parentId", "in", parentIds)
    .execute();
}

export interface ProgressColumns {
  progressPercent: number;
  actualValue: number | null;
  completedOn: string | null;
  lastReportAt: Date | null;
  lastReportedPeriodEnd: string | null;
}

export async function setProgress(
  executor: Executor,
  taskId: number,
  progress: ProgressColumns,
): Promise<void> {
  await executor.updateTable("tasks").set(progress).where("id", "=", taskId).execute();
}
