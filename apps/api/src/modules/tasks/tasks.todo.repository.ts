// SQL of "Việc cần làm": per group, how many tasks and the first few, among the active, unfinished tasks
// carried out directly (no sub-tasks) that the person's units lead or that name the person responsible,
// and that the person may see. Report lateness is the status rule's (reportLateSql).
import { addDays, REPORT_DUE_DAYS } from "@namro/domain";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import { reportLateSql } from "./tasks.status-sql.ts";
import { type TaskScope, taskVisibleSql } from "./tasks.visibility.ts";

export interface TodoRow {
  taskId: number;
  title: string;
  dueDate: string | null;
  orgName: string;
  periodKey: string | null;
  reason: string | null;
  total: number;
}

export interface TodoInput {
  scope: TaskScope;
  /** Organisations where the person holds a role that reports (task.report). */
  unitIds: readonly number[];
  today: string;
  /** "Newly assigned" from this moment. */
  assignedSince: Date;
  limit: number;
}

export type TodoKind = "reportLate" | "overdue" | "returned" | "reportDue" | "assigned";

function mine(input: TodoInput): RawBuilder<boolean> {
  const units = input.unitIds.length > 0 ? [...input.unitIds] : [0];
  return sql<boolean>`(t.responsible_account_id = ${input.scope.accountId}
    OR t.lead_org_id IN (${sql.join(units)})
    OR (t.lead_org_id IS NULL AND t.owner_org_id IN (${sql.join(units)})))`;
}

const open = sql`t.state = 'active' AND t.completed_on IS NULL AND NOT t.has_children`;

export async function listTodo(db: Kysely<Database>, kind: TodoKind, input: TodoInput): Promise<TodoRow[]> {
  const today = sql`${input.today}::date`;
  const visible = taskVisibleSql("t", input.scope);
  let from: RawBuilder<unknown> = sql`tasks t`;
  let where: RawBuilder<unknown>;
  let order: RawBuilder<unknown> = sql`t.due_date NULLS LAST, t.id`;
  let extra: RawBuilder<unknown> = sql`NULL::text AS "periodKey", NULL::text AS "reason"`;
  switch (kind) {
    case "reportLate":
      where = sql`${open} AND ${mine(input)} AND ${reportLateSql("t", input.today)}`;
      break;
    case "reportDue":
      // A period has ended but its report's due day has not passed: late as of the day after that
      // due day, not late today.
      where = sql`${open} AND ${mine(input)} AND t.report_frequency IS NOT NULL
        AND (t.due_date IS NULL OR t.due_date >= ${today})
        AND ${reportLateSql("t", addDays(input.today, REPORT_DUE_DAYS + 1))}
        AND NOT ${reportLateSql("t", input.today)}`;
      break;
    case "overdue":
      where = sql`${open} AND ${mine(input)} AND t.due_date < ${today}`;
      break;
    case "returned": {
      from = sql`task_reports r JOIN tasks t ON t.id = r.task_id`;
      const units = input.unitIds.length > 0 ? [...input.unitIds] : [0];
      where = sql`r.status = 'returned' AND ${open} AND (r.submitted_by = ${input.scope.accountId}
        OR t.lead_org_id IN (${sql.join(units)})
        OR (t.lead_org_id IS NULL AND t.owner_org_id IN (${sql.join(units)})))`;
      order = sql`r.reviewed_at DESC NULLS LAST, r.id`;
      extra = sql`r.period_key AS "periodKey", r.return_reason AS "reason"`;
      break;
    }
    case "assigned": {
      // Given to the unit by another organisation, or to the person by someone else, lately.
      const units = input.unitIds.length > 0 ? [...input.unitIds] : [0];
      where = sql`t.state = 'active' AND t.completed_on IS NULL AND t.created_at >= ${input.assignedSince}
        AND ((t.lead_org_id IN (${sql.join(units)}) AND t.lead_org_id <> t.owner_org_id)
          OR (t.responsible_account_id = ${input.scope.accountId}
            AND t.created_by IS DISTINCT FROM ${input.scope.accountId}))`;
      order = sql`t.created_at DESC, t.id DESC`;
      break;
    }
  }
  const result = await sql<TodoRow>`
    SELECT t.id AS "taskId", t.title, t.due_date AS "dueDate", o.name AS "orgName", ${extra},
      (count(*) OVER ())::int AS total
    FROM ${from}
    JOIN organisations o ON o.id = COALESCE(t.lead_org_id, t.owner_org_id)
    WHERE ${where} AND ${visible}
    ORDER BY ${order}
    LIMIT ${input.limit}`.execute(db);
  return result.rows;
}
