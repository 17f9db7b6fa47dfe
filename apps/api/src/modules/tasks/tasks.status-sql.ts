// The status rule of @namro/domain (taskStatus) as one SQL expression over a `tasks` row, for lists,
// filters and roll-ups that must not load every task. tasks.status-sql.int.test.ts runs both on the same
// table of cases: change one, change the other.
import { DUE_SOON_DAYS, REPORT_DUE_DAYS, type TaskStatus } from "@namro/domain";
import { type Expression, type RawBuilder, type SqlBool, sql } from "kysely";

/** The first day of the period of the task's report frequency that contains `date`. */
function periodStartSql(alias: string, date: RawBuilder<unknown>): RawBuilder<string> {
  const frequency = sql.ref(`${alias}.report_frequency`);
  return sql<string>`(CASE ${frequency}
      WHEN 'monthly' THEN date_trunc('month', ${date})
      WHEN 'quarterly' THEN date_trunc('quarter', ${date})
      WHEN 'half_yearly' THEN make_date(extract(year FROM ${date})::int,
        CASE WHEN extract(month FROM ${date}) <= 6 THEN 1 ELSE 7 END, 1)
      WHEN 'yearly' THEN date_trunc('year', ${date})
    END)::date`;
}

/**
 * The end of the latest reporting period whose report is due by today (its due day, REPORT_DUE_DAYS
 * after the end, is before today), among the task's own periods: null when none is due yet.
 */
function lastDuePeriodEndSql(alias: string, today: string): RawBuilder<string | null> {
  const ref = (column: string) => sql.ref(`${alias}.${column}`);
  // Due by today ⇔ end ≤ today − (REPORT_DUE_DAYS + 1); the latest such end is the day before the
  // period containing today − REPORT_DUE_DAYS starts.
  const latestEnd = sql`(${periodStartSql(alias, sql`(${today}::date - ${REPORT_DUE_DAYS}::int)`)} - 1)`;
  // No period after the one containing the due date.
  const lastOwnEnd = sql`(${periodStartSql(alias, ref("due_date"))} + CASE ${ref("report_frequency")}
      WHEN 'monthly' THEN interval '1 month' WHEN 'quarterly' THEN interval '3 months'
      WHEN 'half_yearly' THEN interval '6 months' ELSE interval '1 year' END - interval '1 day')::date`;
  const end = sql`(CASE WHEN ${ref("due_date")} IS NULL THEN ${latestEnd} ELSE LEAST(${latestEnd}, ${lastOwnEnd}) END)`;
  // task-periods' firstDay: the start, else the creation day, but never after the due date (LEAST
  // skips a null due date).
  const firstDay = sql`LEAST(COALESCE(${ref("start_date")}, (${ref("created_at")} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date), ${ref("due_date")})`;
  return sql<string | null>`(CASE WHEN ${ref("report_frequency")} IS NULL THEN NULL
    WHEN ${end} < ${firstDay} THEN NULL
    ELSE ${end} END)`;
}

/** A periodic report is missing past its due day (domain: isReportLate). */
export function reportLateSql(alias: string, today: string): RawBuilder<boolean> {
  const ref = (column: string) => sql.ref(`${alias}.${column}`);
  const due = lastDuePeriodEndSql(alias, today);
  return sql<boolean>`(${ref("state")} = 'active' AND ${ref("completed_on")} IS NULL
    AND ${due} IS NOT NULL
    AND (${ref("last_reported_period_end")} IS NULL OR ${ref("last_reported_period_end")} < ${due}))`;
}

/** The task's status on `today` (ISO date), exactly as taskStatus computes it. */
export function taskStatusSql(alias: string, today: string): RawBuilder<TaskStatus> {
  const ref = (column: string) => sql.ref(`${alias}.${column}`);
  const day = sql`${today}::date`;
  return sql<TaskStatus>`(CASE
    WHEN ${ref("state")} = 'cancelled' THEN 'cancelled'
    WHEN ${ref("state")} = 'paused' THEN 'paused'
    WHEN ${ref("completed_on")} IS NOT NULL THEN
      CASE WHEN ${ref("due_date")} IS NULL OR ${ref("completed_on")} <= ${ref("due_date")}
        THEN 'done_on_time' ELSE 'done_late' END
    WHEN ${ref("due_date")} IS NOT NULL AND ${day} > ${ref("due_date")} THEN 'overdue'
    WHEN ${ref("schedule")} <> 'once' AND ${reportLateSql(alias, today)} THEN 'overdue'
    WHEN ${ref("start_date")} IS NOT NULL AND ${day} < ${ref("start_date")} THEN 'not_started'
    WHEN ${ref("last_reported_period_end")} IS NULL AND ${ref("progress_percent")} = 0 THEN 'not_started'
    ELSE 'in_progress' END)`;
}

/**
 * The task's status is `status` on `today`: taskStatusSql behind a cheap condition on plain columns that
 * the status implies, so a filter over many tasks computes the full rule only for the likely ones.
 */
export function taskStatusIsSql(alias: string, today: string, status: TaskStatus): RawBuilder<SqlBool> {
  const ref = (column: string) => sql.ref(`${alias}.${column}`);
  const day = sql`${today}::date`;
  const unfinished = sql`${ref("state")} = 'active' AND ${ref("completed_on")} IS NULL`;
  const implied: Record<TaskStatus, RawBuilder<unknown>> = {
    cancelled: sql`${ref("state")} = 'cancelled'`,
    paused: sql`${ref("state")} = 'paused'`,
    done_on_time: sql`${ref("state")} = 'active' AND ${ref("completed_on")} IS NOT NULL`,
    done_late: sql`${ref("state")} = 'active' AND ${ref("completed_on")} > ${ref("due_date")}`,
    overdue: sql`${unfinished} AND (${ref("due_date")} < ${day} OR ${ref("schedule")} <> 'once')`,
    not_started: sql`${unfinished} AND (${ref("due_date")} IS NULL OR ${ref("due_date")} >= ${day})
      AND (${ref("start_date")} > ${day} OR (${ref("last_reported_period_end")} IS NULL AND ${ref("progress_percent")} = 0))`,
    in_progress: sql`${unfinished} AND (${ref("due_date")} IS NULL OR ${ref("due_date")} >= ${day})
      AND (${ref("start_date")} IS NULL OR ${ref("start_date")} <= ${day})
      AND (${ref("last_reported_period_end")} IS NOT NULL OR ${ref("progress_percent")} <> 0)`,
  };
  return sql<SqlBool>`(${implied[status]} AND ${taskStatusSql(alias, today)} = ${status})`;
}

/** Unfinished, active, due within DUE_SOON_DAYS from today (not yet overdue). */
export function dueSoonSql(alias: string, today: string): Expression<boolean> {
  const ref = (column: string) => sql.ref(`${alias}.${column}`);
  return sql<boolean>`(${ref("state")} = 'active' AND ${ref("completed_on")} IS NULL
    AND ${ref("due_date")} BETWEEN ${today}::date AND ${today}::date + ${DUE_SOON_DAYS}::int)`;
}
