// SQL of the reminder job: for each kind, one batch of tasks that need the reminder and have not had it
// (the dedupe key of the organisation's notice is looked up in the notifications' unique index), in id
// order after a cursor. Every scan starts from a partial index: unfinished active tasks by due date
// (tasks_due), periodic tasks by their last reported period (tasks_reporting), recently changed tasks
// (tasks_recently_changed), returned reports (task_reports_returned), all from migration 0016.
import { DUE_SOON_DAYS, REPORT_DUE_DAYS } from "@namro/domain";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import { reportLateSql } from "./tasks.status-sql.ts";

export type ReminderKind =
  | "assigned"
  | "due_soon"
  | "overdue"
  | "report_due"
  | "report_late"
  | "report_returned";

/** A reminder's organisation notice is keyed `task:<id>:<kind part>`; see reminderKey. */
export interface ReminderCandidateRow {
  taskId: number;
  title: string;
  dueDate: string | null;
  /** The organisation addressed: the lead, else the assigning organisation. */
  orgId: number;
  orgName: string;
  /** The person addressed personally, if any. */
  accountId: number | null;
  /** The key of the organisation's notice (null for an assignment only the person receives). */
  orgKey: string | null;
  /**
   * The key of the person's notice; null also when the person holds a role directly on the addressed
   * organisation, so already sees its notice in their inbox (one notice per event and person).
   */
  accountKey: string | null;
  /** The person's notice was left out for that reason: they are e-mailed with the organisation's. */
  personSeesOrgNotice: boolean;
  /** Report reminders: the period ("2026-06") and its last day. */
  periodKey: string | null;
  periodEnd: string | null;
  /** Report returned: why. */
  reason: string | null;
}

/** Reminders of a change (assignment) are sent for tasks changed this recently. */
export const ASSIGNED_WINDOW_DAYS = 7;
/** An overdue reminder is sent while the due date is at most this old (a job down longer skips it). */
export const OVERDUE_WINDOW_DAYS = 30;
/** A returned report is reminded while the return is at most this old. */
export const RETURNED_WINDOW_DAYS = 30;
/** "Report due" from this many days before a period ends until its due day. */
export const REPORT_DUE_AHEAD_DAYS = 3;

/** The first day of the period of frequency `frequency` containing `date`. */
function periodStart(frequency: RawBuilder<unknown>, date: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`(CASE ${frequency}
      WHEN 'monthly' THEN date_trunc('month', ${date})
      WHEN 'quarterly' THEN date_trunc('quarter', ${date})
      WHEN 'half_yearly' THEN make_date(extract(year FROM ${date})::int,
        CASE WHEN extract(month FROM ${date}) <= 6 THEN 1 ELSE 7 END, 1)
      WHEN 'yearly' THEN date_trunc('year', ${date})
    END)::date`;
}

function periodEnd(frequency: RawBuilder<unknown>, date: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`(${periodStart(frequency, date)} + CASE ${frequency}
      WHEN 'monthly' THEN interval '1 month' WHEN 'quarterly' THEN interval '3 months'
      WHEN 'half_yearly' THEN interval '6 months' ELSE interval '1 year' END - interval '1 day')::date`;
}

/** The key of the period containing `date` ("2026-06", "2026-Q2", "2026-H1", "2026"), as the domain's. */
function periodKey(frequency: RawBuilder<unknown>, date: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`(CASE ${frequency}
      WHEN 'monthly' THEN to_char(${date}, 'YYYY-MM')
      WHEN 'quarterly' THEN to_char(${date}, 'YYYY-"Q"Q')
      WHEN 'half_yearly' THEN to_char(${date}, 'YYYY') || '-H' ||
        CASE WHEN extract(month FROM ${date}) <= 6 THEN '1' ELSE '2' END
      WHEN 'yearly' THEN to_char(${date}, 'YYYY')
    END)`;
}

interface ScanInput {
  today: string;
  now: Date;
  afterId: number;
  limit: number;
}

const taskKey = (suffix: RawBuilder<string>) => sql<string>`('task:' || t.id || ':' || ${suffix})`;
const unfinished = sql`t.state = 'active' AND t.completed_on IS NULL`;
const addressee = sql`COALESCE(t.lead_org_id, t.owner_org_id)`;

async function scan(
  db: Kysely<Database>,
  input: ScanInput,
  select: {
    orgKey: RawBuilder<string | null>;
    accountKey: RawBuilder<string | null>;
    accountId?: RawBuilder<number | null>;
    periodKey?: RawBuilder<string | null>;
    periodEnd?: RawBuilder<string | null>;
    reason?: RawBuilder<string | null>;
    from?: RawBuilder<unknown>;
    where: RawBuilder<boolean>;
    pending: RawBuilder<boolean>;
  },
): Promise<ReminderCandidateRow[]> {
  // MATERIALIZED: the candidates come from the kind's partial index first; otherwise the planner may
  // walk the primary key for ORDER BY … LIMIT and filter every task when nothing is pending.
  const accountId = select.accountId ?? sql`t.responsible_account_id`;
  const seesOrgNotice = sql<boolean>`(${select.orgKey} IS NOT NULL AND ${select.accountKey} IS NOT NULL
    AND EXISTS (SELECT 1 FROM role_assignments g WHERE g.org_id = o.id AND g.account_id = ${accountId}))`;
  const result = await sql<ReminderCandidateRow>`
    WITH c AS MATERIALIZED (
      SELECT t.id AS "taskId", t.title, t.due_date AS "dueDate", o.id AS "orgId", o.name AS "orgName",
        ${accountId} AS "accountId",
        ${select.orgKey} AS "orgKey",
        CASE WHEN ${seesOrgNotice} THEN NULL ELSE ${select.accountKey} END AS "accountKey",
        ${seesOrgNotice} AS "personSeesOrgNotice",
        ${select.periodKey ?? sql`NULL::text`} AS "periodKey",
        ${select.periodEnd ?? sql`NULL::date`} AS "periodEnd",
        ${select.reason ?? sql`NULL::text`} AS "reason"
      FROM ${select.from ?? sql`tasks t`}
      JOIN organisations o ON o.id = ${addressee}
      WHERE ${select.where} AND t.id > ${input.afterId}
    )
    SELECT * FROM c
    WHERE ${select.pending}
    ORDER BY c."taskId"
    LIMIT ${input.limit}`.execute(db);
  return result.rows;
}

/** Keys of the notices, from the candidate's columns in the outer query. */
const pendingOrg = sql<boolean>`(c."orgKey" IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM notifications sent WHERE sent.dedupe_key = c."orgKey"))`;
const pendingAccount = sql<boolean>`(c."accountKey" IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM notifications sent WHERE sent.dedupe_key = c."accountKey"))`;

/** The account key of a kind whose notices go to the organisation and the responsible person. */
function personalKey(orgKey: RawBuilder<string>): RawBuilder<string | null> {
  return sql<string | null>`CASE WHEN t.responsible_account_id IS NULL THEN NULL
    ELSE ${orgKey} || ':account:' || t.responsible_account_id END`;
}

function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

/** A periodic-report reminder of an unfinished periodic task, keyed by its period. */
function scanPeriod(
  db: Kysely<Database>,
  input: ScanInput,
  suffix: "due" | "late",
  key: RawBuilder<string>,
  end: RawBuilder<string>,
  where: RawBuilder<unknown>,
): Promise<ReminderCandidateRow[]> {
  const orgKey = taskKey(sql`'report:' || ${key} || ':' || ${suffix}`);
  return scan(db, input, {
    orgKey,
    accountKey: personalKey(orgKey),
    periodKey: key,
    periodEnd: end,
    where: sql`${unfinished} AND t.report_frequency IS NOT NULL AND ${where}`,
    pending: pendingOrg,
  });
}

export function scanReminders(
  db: Kysely<Database>,
  kind: ReminderKind,
  input: ScanInput,
): Promise<ReminderCandidateRow[]> {
  const today = sql`${input.today}::date`;
  switch (kind) {
    case "assigned": {
      // The lead organisation, when another organisation assigned the task; the person, when someone
      // else named them. A new lead or person is told too (the key names them).
      const orgKey = sql<
        string | null
      >`CASE WHEN t.lead_org_id IS NOT NULL AND t.lead_org_id <> t.owner_org_id
        THEN ${taskKey(sql`'assigned:org:' || t.lead_org_id`)} END`;
      const accountKey = sql<string | null>`CASE WHEN t.responsible_account_id IS NOT NULL
        AND t.responsible_account_id IS DISTINCT FROM t.created_by
        THEN ${taskKey(sql`'assigned:account:' || t.responsible_account_id`)} END`;
      return scan(db, input, {
        orgKey,
        accountKey,
        where: sql`${unfinished} AND t.updated_at >= ${daysBefore(input.now, ASSIGNED_WINDOW_DAYS)}
          AND (t.due_date IS NULL OR t.due_date >= ${today})`,
        pending: sql`(${pendingOrg} OR ${pendingAccount})`,
      });
    }
    case "due_soon": {
      // The due date is in the key: a deadline moved later is reminded again.
      const orgKey = taskKey(sql`'due-soon:' || t.due_date`);
      return scan(db, input, {
        orgKey,
        accountKey: personalKey(orgKey),
        where: sql`${unfinished} AND t.due_date BETWEEN ${today} AND ${today} + ${DUE_SOON_DAYS}::int`,
        pending: pendingOrg,
      });
    }
    case "overdue": {
      const orgKey = taskKey(sql`'overdue:' || t.due_date`);
      return scan(db, input, {
        orgKey,
        accountKey: personalKey(orgKey),
        where: sql`${unfinished} AND t.due_date < ${today}
          AND t.due_date >= ${today} - ${OVERDUE_WINDOW_DAYS}::int`,
        pending: pendingOrg,
      });
    }
    case "report_due": {
      // The period containing today − REPORT_DUE_DAYS, from REPORT_DUE_AHEAD_DAYS before its end until
      // its due day (REPORT_DUE_DAYS after the end); at most one period per task at a time.
      const frequency = sql`t.report_frequency`;
      const day = sql`(${today} - ${REPORT_DUE_DAYS}::int)`;
      const end = periodEnd(frequency, day);
      return scanPeriod(
        db,
        input,
        "due",
        periodKey(frequency, day),
        end,
        sql`
        (t.last_reported_period_end IS NULL OR t.last_reported_period_end < ${today} + ${REPORT_DUE_AHEAD_DAYS}::int)
        AND ${end} <= ${today} + ${REPORT_DUE_AHEAD_DAYS}::int
        AND (t.last_reported_period_end IS NULL OR t.last_reported_period_end < ${end})
        AND ${end} >= COALESCE(t.start_date, (t.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)
        AND (t.due_date IS NULL OR ${periodStart(frequency, day)} <= t.due_date)`,
      );
    }
    case "report_late": {
      // The latest period whose due day has passed (clipped to the task's last period), as the status
      // rule's reportLateSql; one reminder per task and late period.
      const frequency = sql`t.report_frequency`;
      const latest = sql`(${periodStart(frequency, sql`(${today} - ${REPORT_DUE_DAYS}::int)`)} - 1)`;
      const end = sql<string>`(CASE WHEN t.due_date IS NULL THEN ${latest}
        ELSE LEAST(${latest}, ${periodEnd(frequency, sql`t.due_date`)}) END)`;
      return scanPeriod(
        db,
        input,
        "late",
        periodKey(frequency, end),
        end,
        sql`
        (t.last_reported_period_end IS NULL OR t.last_reported_period_end < ${today} - ${REPORT_DUE_DAYS}::int)
        AND ${reportLateSql("t", input.today)}`,
      );
    }
    case "report_returned": {
      // The version is in the key: a report corrected and returned again is reminded again.
      const orgKey = taskKey(sql`'report:' || r.period_key || ':returned:' || r.version`);
      return scan(db, input, {
        from: sql`task_reports r JOIN tasks t ON t.id = r.task_id`,
        orgKey,
        accountKey: sql`CASE WHEN r.submitted_by IS NULL THEN NULL
          ELSE ${orgKey} || ':account:' || r.submitted_by END`,
        accountId: sql`r.submitted_by`,
        periodKey: sql`r.period_key`,
        periodEnd: sql`r.period_end`,
        reason: sql`r.return_reason`,
        where: sql`r.status = 'returned' AND r.reviewed_at >= ${daysBefore(input.now, RETURNED_WINDOW_DAYS)}
          AND ${unfinished}`,
        pending: pendingOrg,
      });
    }
  }
}

export interface MailRecipientRow {
  accountId: number;
  email: string;
  locale: "vi" | "en";
  /** The organisation through which the account receives it, or null (personally). */
  orgId: number | null;
}

/**
 * Who receives the e-mails of these notices: the personal addressees that have an address, and the
 * accounts holding one of `roles` directly on an addressed organisation. Disabled accounts never.
 */
export async function listMailRecipients(
  db: Kysely<Database>,
  accountIds: readonly number[],
  orgIds: readonly number[],
  roles: readonly string[],
): Promise<MailRecipientRow[]> {
  if (accountIds.length === 0 && orgIds.length === 0) return [];
  const accounts = accountIds.length > 0 ? [...accountIds] : [0];
  const orgs = orgIds.length > 0 ? [...orgIds] : [0];
  const result = await sql<MailRecipientRow>`
    SELECT a.id AS "accountId", a.email, a.locale, NULL::bigint AS "orgId"
    FROM accounts a
    WHERE a.id IN (${sql.join(accounts)}) AND a.email IS NOT NULL AND a.disabled_at IS NULL
    UNION
    SELECT DISTINCT a.id, a.email, a.locale, g.org_id
    FROM role_assignments g JOIN accounts a ON a.id = g.account_id
    WHERE g.org_id IN (${sql.join(orgs)}) AND g.role IN (${sql.join([...roles])})
      AND a.email IS NOT NULL AND a.disabled_at IS NULL`.execute(db);
  return result.rows;
}
