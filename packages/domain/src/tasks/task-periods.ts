// Reporting periods of a task. A task reports each month, quarter, half-year or year, or once (on
// completion). A period's report is due a few days after the period ends; a report for a period that
// has not started yet is refused.

export type ReportFrequency = "monthly" | "quarterly" | "half_yearly" | "yearly";

export interface ReportPeriod {
  /** "2026-06", "2026-Q2", "2026-H1", "2026", or "final" for a task reported once. */
  key: string;
  /** ISO dates, inclusive. */
  start: string;
  end: string;
  /** The day the report is due: REPORT_DUE_DAYS after the end. */
  dueOn: string;
}

/** A period's report is due this many days after the period ends (a month's report by the 5th). */
export const REPORT_DUE_DAYS = 5;

const MONTHS_PER_PERIOD: Record<ReportFrequency, number> = {
  monthly: 1,
  quarterly: 3,
  half_yearly: 6,
  yearly: 12,
};

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function isoOf(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `iso` plus `days` (negative: minus). */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function periodKey(frequency: ReportFrequency, year: number, firstMonth: number): string {
  switch (frequency) {
    case "monthly":
      return `${year}-${pad(firstMonth)}`;
    case "quarterly":
      return `${year}-Q${(firstMonth - 1) / 3 + 1}`;
    case "half_yearly":
      return `${year}-H${firstMonth === 1 ? 1 : 2}`;
    case "yearly":
      return String(year);
  }
}

/** The period of `frequency` containing the date. */
export function periodContaining(frequency: ReportFrequency, iso: string): ReportPeriod {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const span = MONTHS_PER_PERIOD[frequency];
  const firstMonth = Math.floor((month - 1) / span) * span + 1;
  const lastMonth = firstMonth + span - 1;
  const end = isoOf(year, lastMonth, lastDayOfMonth(year, lastMonth));
  return {
    key: periodKey(frequency, year, firstMonth),
    start: isoOf(year, firstMonth, 1),
    end,
    dueOn: addDays(end, REPORT_DUE_DAYS),
  };
}

/** The period a key names ("2026-Q2"), or null when the key is not one of `frequency`. */
export function periodOfKey(frequency: ReportFrequency, key: string): ReportPeriod | null {
  const patterns: Record<ReportFrequency, RegExp> = {
    monthly: /^(\d{4})-(0[1-9]|1[0-2])$/,
    quarterly: /^(\d{4})-Q([1-4])$/,
    half_yearly: /^(\d{4})-H([12])$/,
    yearly: /^(\d{4})$/,
  };
  const match = patterns[frequency].exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  const index = match[2] === undefined ? 1 : Number(match[2]);
  const firstMonth = frequency === "monthly" ? index : (index - 1) * MONTHS_PER_PERIOD[frequency] + 1;
  return periodContaining(frequency, isoOf(year, firstMonth, 1));
}

/** When a task reports, and over which dates. */
export interface TaskReportingTerms {
  reportFrequency: ReportFrequency | null;
  /** The first day of work; null: the day the task was created. */
  startDate: string | null;
  dueDate: string | null;
  /** The creation day (fallback start). */
  createdOn: string;
}

/**
 * The first day of the task's reporting: its start, else its creation day — but never after its due
 * date, since a task entered late (or cascaded when already overdue) still reports up to that date.
 */
function firstDay(task: TaskReportingTerms): string {
  const start = task.startDate ?? task.createdOn;
  return task.dueDate !== null && task.dueDate < start ? task.dueDate : start;
}

/** The single period of a task reported once: from its start to its due date (or open-ended). */
export function finalPeriod(task: TaskReportingTerms): ReportPeriod {
  const start = firstDay(task);
  const end = task.dueDate ?? "9999-12-31";
  return { key: "final", start, end, dueOn: task.dueDate ?? "9999-12-31" };
}

/**
 * The task's reporting periods that have started by `today` (clipped to the task's own dates), oldest
 * first. A task reported once has the one "final" period.
 */
export function periodsStartedBy(task: TaskReportingTerms, today: string): ReportPeriod[] {
  if (task.reportFrequency === null) return firstDay(task) <= today ? [finalPeriod(task)] : [];
  const periods: ReportPeriod[] = [];
  const last = task.dueDate !== null && task.dueDate < today ? task.dueDate : today;
  let period = periodContaining(task.reportFrequency, firstDay(task));
  while (period.start <= last) {
    periods.push(period);
    period = periodContaining(task.reportFrequency, addDays(period.end, 1));
  }
  return periods;
}

/** The period `key` of the task, or null when the task has no such period. */
export function taskPeriodOfKey(task: TaskReportingTerms, key: string): ReportPeriod | null {
  if (task.reportFrequency === null) return key === "final" ? finalPeriod(task) : null;
  const period = periodOfKey(task.reportFrequency, key);
  if (period === null) return null;
  if (period.end < firstDay(task)) return null;
  if (task.dueDate !== null && period.start > task.dueDate) return null;
  return period;
}

/**
 * The latest period whose report is already due (due day passed) by `today`, or null. The basis of
 * "report late": a task whose last reported period ends before this one's end is late.
 */
export function lastPeriodDueBy(task: TaskReportingTerms, today: string): ReportPeriod | null {
  if (task.reportFrequency === null) return null;
  const due = periodsStartedBy(task, today).filter((period) => period.dueOn < today);
  return due.at(-1) ?? null;
}
