// Set-based loading of planned tasks (task-seed-plan.ts) for the demo and the bulk seeders: ids are
// assigned here (tables locked), so tree paths, supports, milestones, reports and their evidence refer
// to each other without a round trip per row; rows go in as arrays through unnest() in batches.
import { createHash } from "node:crypto";
import { sql, type Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { taskSearchKey } from "../modules/tasks/tasks.fields.ts";
import { type DerivedTask, deriveTasks, type PlannedTask } from "./task-seed-plan.ts";

/** Rows per INSERT statement. */
export const TASK_BATCH_SIZE = 10_000;

export interface LoadedTasks {
  tasks: number;
  reports: number;
  files: number;
  milestones: number;
  supports: number;
  /** Database id of each planned task, by index. */
  firstId: number;
}

function batches(count: number): [number, number][] {
  const result: [number, number][] = [];
  for (let start = 0; start < count; start += TASK_BATCH_SIZE)
    result.push([start, Math.min(count, start + TASK_BATCH_SIZE)]);
  return result;
}

async function reserveIds(
  trx: Transaction<Database>,
  table: "tasks" | "task_reports",
  count: number,
): Promise<number> {
  // Nobody else may take ids while ours are being assigned.
  await sql`LOCK TABLE ${sql.table(table)} IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
  const { rows } = await sql<{
    maxId: number | null;
  }>`SELECT max(id) AS max_id FROM ${sql.table(table)}`.execute(trx);
  const base = Number(rows[0]?.maxId ?? 0);
  if (count > 0)
    await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), ${base + count}::bigint)`.execute(trx);
  return base;
}

const textArray = (items: readonly string[]) => `{${items.map((item) => `"${item}"`).join(",")}}`;

async function insertTasks(
  trx: Transaction<Database>,
  tasks: readonly PlannedTask[],
  derived: readonly DerivedTask[],
  ids: readonly number[],
  paths: readonly string[],
): Promise<void> {
  for (const [s, e] of batches(tasks.length)) {
    const t = tasks.slice(s, e);
    const d = derived.slice(s, e);
    await sql`
      INSERT INTO tasks (id, plan_document_id, parent_id, tree_path, owner_org_id, owner_path, lead_org_id, org_path,
        responsible_account_id, responsible_name, title, description, search_key, start_date, due_date, schedule,
        report_frequency, deliverable, target_value, target_unit, weight, state, state_reason, state_changed_at,
        progress_percent, actual_value, completed_on, last_report_at, last_reported_period_end, has_children,
        missing_clears, created_by, created_at, updated_at)
      SELECT u.id, u.plan_document_id, u.parent_id, u.tree_path::ltree, u.owner_org_id, u.owner_path::ltree,
        u.lead_org_id, u.org_path::ltree, u.responsible_account_id, u.responsible_name, u.title, u.description,
        u.search_key, u.start_date::date, u.due_date::date, u.schedule, u.report_frequency, u.deliverable,
        u.target_value, u.target_unit, u.weight, u.state, u.state_reason, u.state_changed_at::timestamptz,
        u.progress_percent, u.actual_value, u.completed_on::date, u.last_report_at::timestamptz,
        u.last_reported_period_end::date, u.has_children, u.missing_clears::text[], u.created_by,
        u.created_at::timestamptz, coalesce(u.last_report_at, u.created_at)::timestamptz
      FROM unnest(
        ${ids.slice(s, e)}::bigint[],
        ${t.map((x) => x.planDocumentId)}::bigint[],
        ${t.map((x) => (x.parent === null ? null : (ids[x.parent] as number)))}::bigint[],
        ${paths.slice(s, e)}::text[],
        ${t.map((x) => x.owner.id)}::bigint[],
        ${t.map((x) => x.owner.path)}::text[],
        ${t.map((x) => x.lead?.id ?? null)}::bigint[],
        ${t.map((x) => (x.lead ?? x.owner).path)}::text[],
        ${t.map((x) => x.responsibleAccountId)}::bigint[],
        ${t.map((x) => x.responsibleName)}::text[],
        ${t.map((x) => x.title.normalize("NFC"))}::text[],
        ${t.map((x) => x.description.normalize("NFC"))}::text[],
        ${t.map((x) => taskSearchKey(x.title, x.description))}::text[],
        ${t.map((x) => x.startDate)}::text[],
        ${t.map((x) => x.dueDate)}::text[],
        ${t.map((x) => x.schedule)}::text[],
        ${t.map((x) => x.reportFrequency)}::text[],
        ${t.map((x) => x.deliverable)}::text[],
        ${t.map((x) => x.targetValue)}::numeric[],
        ${t.map((x) => x.targetUnit)}::text[],
        ${t.map((x) => x.weight)}::numeric[],
        ${t.map((x) => x.state)}::text[],
        ${t.map((x) => x.stateReason)}::text[],
        ${t.map((x) => x.stateChangedAt)}::text[],
        ${d.map((x) => x.progressPercent)}::numeric[],
        ${d.map((x) => x.actualValue)}::numeric[],
        ${d.map((x) => x.completedOn)}::text[],
        ${d.map((x) => x.lastReportAt)}::text[],
        ${d.map((x) => x.lastReportedPeriodEnd)}::text[],
        ${d.map((x) => x.hasChildren)}::boolean[],
        ${d.map((x) => textArray(x.missingClears))}::text[],
        ${t.map((x) => x.createdBy)}::bigint[],
        ${t.map((x) => x.createdAt)}::text[]
      ) AS u (id, plan_document_id, parent_id, tree_path, owner_org_id, owner_path, lead_org_id, org_path,
        responsible_account_id, responsible_name, title, description, search_key, start_date, due_date, schedule,
        report_frequency, deliverable, target_value, target_unit, weight, state, state_reason, state_changed_at,
        progress_percent, actual_value, completed_on, last_report_at, last_reported_period_end, has_children,
        missing_clears, created_by, created_at)
    `.execute(trx);
  }
}

async function insertSupportsAndMilestones(
  trx: Transaction<Database>,
  tasks: readonly PlannedTask[],
  ids: readonly number[],
): Promise<{ supports: number; milestones: number }> {
  const supports = tasks.flatMap((task, i) =>
    task.supports.map((org) => ({ taskId: ids[i] as number, orgId: org.id, path: org.path })),
  );
  for (const [s, e] of batches(supports.length)) {
    const slice = supports.slice(s, e);
    await sql`
      INSERT INTO task_supports (task_id, org_id, path)
      SELECT u.task_id, u.org_id, u.path::ltree FROM unnest(
        ${slice.map((x) => x.taskId)}::bigint[], ${slice.map((x) => x.orgId)}::bigint[],
        ${slice.map((x) => x.path)}::text[]) AS u (task_id, org_id, path)`.execute(trx);
  }
  const milestones = tasks.flatMap((task, i) =>
    task.milestones.map((m, order) => ({ taskId: ids[i] as number, order, ...m })),
  );
  for (const [s, e] of batches(milestones.length)) {
    const slice = milestones.slice(s, e);
    await sql`
      INSERT INTO task_milestones (task_id, title, due_date, done_on, sort_order)
      SELECT u.task_id, u.title, u.due_date::date, u.done_on::date, u.sort_order FROM unnest(
        ${slice.map((x) => x.taskId)}::bigint[], ${slice.map((x) => x.title)}::text[],
        ${slice.map((x) => x.dueDate)}::text[], ${slice.map((x) => x.doneOn)}::text[],
        ${slice.map((x) => x.order)}::int[]) AS u (task_id, title, due_date, done_on, sort_order)`.execute(
      trx,
    );
  }
  return { supports: supports.length, milestones: milestones.length };
}

async function insertReports(
  trx: Transaction<Database>,
  tasks: readonly PlannedTask[],
  ids: readonly number[],
): Promise<{ reports: number; files: number }> {
  const reports = tasks.flatMap((task, i) =>
    task.reports.map((report) => ({ taskId: ids[i] as number, report })),
  );
  const base = await reserveIds(trx, "task_reports", reports.length);
  for (const [s, e] of batches(reports.length)) {
    const slice = reports.slice(s, e);
    const r = slice.map((x) => x.report);
    await sql`
      INSERT INTO task_reports (id, task_id, period_key, period_start, period_end, percent, actual_value, narrative,
        completed_on, status, return_reason, submitted_by, submitted_at, reviewed_by, reviewed_at)
      OVERRIDING SYSTEM VALUE
      SELECT u.id, u.task_id, u.period_key, u.period_start::date, u.period_end::date, u.percent, u.actual_value,
        u.narrative, u.completed_on::date, u.status, u.return_reason, u.submitted_by, u.submitted_at::timestamptz,
        u.reviewed_by, u.reviewed_at::timestamptz
      FROM unnest(
        ${Array.from({ length: e - s }, (_, i) => base + 1 + s + i)}::bigint[],
        ${slice.map((x) => x.taskId)}::bigint[], ${r.map((x) => x.periodKey)}::text[],
        ${r.map((x) => x.periodStart)}::text[], ${r.map((x) => x.periodEnd)}::text[],
        ${r.map((x) => x.percent)}::numeric[], ${r.map((x) => x.actualValue)}::numeric[],
        ${r.map((x) => x.narrative)}::text[], ${r.map((x) => x.completedOn)}::text[],
        ${r.map((x) => x.status)}::text[], ${r.map((x) => x.returnReason)}::text[],
        ${r.map((x) => x.submittedBy)}::bigint[], ${r.map((x) => x.submittedAt)}::text[],
        ${r.map((x) => x.reviewedBy)}::bigint[], ${r.map((x) => x.reviewedAt)}::text[]
      ) AS u (id, task_id, period_key, period_start, period_end, percent, actual_value, narrative, completed_on,
        status, return_reason, submitted_by, submitted_at, reviewed_by, reviewed_at)`.execute(trx);
  }
  const files = reports.flatMap((x, i) =>
    x.report.files.map((file) => {
      const content = Buffer.from(file.content.normalize("NFC"), "utf8");
      return {
        reportId: base + 1 + i,
        fileName: file.fileName,
        content,
        sha256: createHash("sha256").update(content).digest("hex"),
        createdBy: x.report.submittedBy,
        createdAt: x.report.submittedAt,
      };
    }),
  );
  for (const [s, e] of batches(files.length)) {
    const slice = files.slice(s, e);
    await sql`
      INSERT INTO task_report_files (report_id, file_name, media_type, size_bytes, sha256, content, created_by, created_at)
      SELECT u.report_id, u.file_name, 'text/plain', octet_length(decode(u.content, 'hex')), u.sha256,
        decode(u.content, 'hex'),
        u.created_by, u.created_at::timestamptz
      FROM unnest(
        ${slice.map((x) => x.reportId)}::bigint[], ${slice.map((x) => x.fileName)}::text[],
        ${slice.map((x) => x.sha256)}::text[], ${slice.map((x) => x.content.toString("hex"))}::text[],
        ${slice.map((x) => x.createdBy)}::bigint[], ${slice.map((x) => x.createdAt)}::text[]
      ) AS u (report_id, file_name, sha256, content, created_by, created_at)`.execute(trx);
  }
  return { reports: reports.length, files: files.length };
}

/** Loads planned tasks (parents first) with what they keep from their reports and children. */
export async function loadPlannedTasks(
  trx: Transaction<Database>,
  tasks: readonly PlannedTask[],
): Promise<LoadedTasks> {
  const derived = deriveTasks(tasks);
  const base = await reserveIds(trx, "tasks", tasks.length);
  const ids = tasks.map((_, i) => base + 1 + i);
  const paths: string[] = [];
  tasks.forEach((task, i) => {
    paths.push(task.parent === null ? String(ids[i]) : `${paths[task.parent]}.${ids[i]}`);
  });
  await insertTasks(trx, tasks, derived, ids, paths);
  const { supports, milestones } = await insertSupportsAndMilestones(trx, tasks, ids);
  const { reports, files } = await insertReports(trx, tasks, ids);
  return { tasks: tasks.length, reports, files, milestones, supports, firstId: base + 1 };
}
