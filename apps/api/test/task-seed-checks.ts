// What a seed must leave in the task tables, checked against the domain's functions: every task's
// progress is what its reports say (a leaf) or what its children say (a parent), as the report service
// keeps it. Returns the tasks that disagree (empty when the seed is consistent).
import { type ChildFacts, progressFromChildren, progressFromReports, type ReportFacts } from "@namro/domain";
import { type Kysely, sql } from "kysely";
import type { Database } from "../src/db/schema.ts";

interface TaskFacts {
  id: number;
  parentId: number | null;
  weight: number;
  state: "active" | "paused" | "cancelled";
  hasChildren: boolean;
  progressPercent: number;
  actualValue: number | null;
  completedOn: string | null;
  lastReportAt: string | null;
  lastReportedPeriodEnd: string | null;
}

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

export interface ProgressMismatch {
  id: number;
  stored: unknown;
  expected: unknown;
}

/** Tasks whose stored progress differs from the recomputation, and how many parents were checked. */
export async function progressMismatches(
  db: Kysely<Database>,
): Promise<{ mismatches: ProgressMismatch[]; tasks: number; parents: number }> {
  const { rows: tasks } = await sql<TaskFacts>`
    SELECT id::int, parent_id::int, weight::float8 AS weight, state, has_children,
      progress_percent::float8 AS progress_percent, actual_value::float8 AS actual_value,
      completed_on::text AS completed_on,
      to_char(last_report_at AT TIME ZONE 'UTC', ${sql.raw(ISO)}) AS last_report_at,
      last_reported_period_end::text AS last_reported_period_end
    FROM tasks ORDER BY id`.execute(db);
  const { rows: reports } = await sql<ReportFacts & { taskId: number }>`
    SELECT task_id::int, status, percent::float8 AS percent, actual_value::float8 AS actual_value,
      completed_on::text AS completed_on, period_end::text AS period_end,
      to_char(submitted_at AT TIME ZONE 'UTC', ${sql.raw(ISO)}) AS submitted_at
    FROM task_reports`.execute(db);
  const byTask = Map.groupBy(reports, (report) => report.taskId);
  const children = Map.groupBy(
    tasks.filter((t) => t.parentId !== null),
    (t) => t.parentId as number,
  );
  const stored = (t: TaskFacts) => ({
    progressPercent: t.progressPercent,
    actualValue: t.actualValue,
    completedOn: t.completedOn,
    lastReportAt: t.lastReportAt,
    lastReportedPeriodEnd: t.lastReportedPeriodEnd,
  });
  const mismatches: ProgressMismatch[] = [];
  let parents = 0;
  for (const task of tasks) {
    const own = children.get(task.id);
    if (own) parents++;
    const expected = own
      ? progressFromChildren(own.map((c): ChildFacts => ({ ...stored(c), weight: c.weight, state: c.state })))
      : progressFromReports(byTask.get(task.id) ?? []);
    const flagged = task.hasChildren !== (own !== undefined) || (own !== undefined && byTask.has(task.id));
    if (flagged || JSON.stringify(stored(task)) !== JSON.stringify(expected))
      mismatches.push({ id: task.id, stored: { ...stored(task), hasChildren: task.hasChildren }, expected });
  }
  return { mismatches, tasks: tasks.length, parents };
}
