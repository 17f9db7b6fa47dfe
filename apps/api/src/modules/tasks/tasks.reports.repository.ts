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
 * `underPath` (when given), oldest first: the ones waiting longest come first.
 */
export async function awaitingReviewPage(
  executor: Executor,
  managePaths: readonly string[],
  underPath: string | null,
  page: { offset: number; limit: number },
): Promise<{ rows: AwaitingReportRow[]; total: number }> {
  let base = executor
    .selectFrom("taskReports as r")
    .innerJoin("tasks as t", "t.id", "r.taskId")
    .where("r.status", "=", "submitted")
    .where(pathWithinAny(sql.ref<string>("t.owner_path"), managePaths));
  if (underPath !== null) base = base.where(pathWithinAny(sql.ref<string>("t.owner_path"), [underPath]));
  const [rows, count] = await Promise.all([
    base
      .innerJoin("organisations as oo", "oo.id", "t.ownerOrgId")
      .leftJoin("organisations as lo", "lo.id", "t.leadOrgId")
      .leftJoin("accounts as sa", "sa.id", "r.submittedBy")
      .select((eb) => [
        "r.id",
        "r.periodKey",
        "r.periodEnd",
        "r.percent",
        "r.actualValue",
        "r.completedOn",
        "r.submittedAt",
        "sa.displayName as submittedByName",
        "r.version",
        eb
          .selectFrom("taskReportFiles as f")
          .select((inner) => inner.fn.countAll<number>().as("n"))
          .whereRef("f.reportId", "=", "r.id")
          .as("fileCount"),
        "t.id as taskId",
        "t.title as taskTitle",
        "t.ownerOrgId",
        "oo.name as ownerOrgName",
        "t.leadOrgId",
        "lo.name as leadOrgName",
        "t.dueDate",
        "t.targetValue",
        "t.targetUnit",
      ])
      .orderBy("r.submittedAt")
      .orderBy("r.id")
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.map((row) => ({ ...row, fileCount: Number(row.fileCount ?? 0) })),
    total: Number(count.n),
  };
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
