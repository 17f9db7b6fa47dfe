// THE status rule of a task (issue 5): one function of the task's dates, state and reports and of
// "today" (injected by the caller). The server's SQL for lists and roll-ups mirrors it
// (apps/api/src/modules/tasks/tasks.status-sql.ts) and a test checks the two agree case by case.
import { lastPeriodDueBy, type ReportFrequency } from "./task-periods.ts";

export const TASK_STATUSES = [
  "not_started",
  "in_progress",
  "done_on_time",
  "done_late",
  "overdue",
  "paused",
  "cancelled",
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export type TaskSchedule = "once" | "monthly" | "quarterly" | "yearly" | "continuous";
export type TaskState = "active" | "paused" | "cancelled";

export interface TaskStatusFacts {
  state: TaskState;
  schedule: TaskSchedule;
  reportFrequency: ReportFrequency | null;
  startDate: string | null;
  dueDate: string | null;
  createdOn: string;
  /** The day the work was finished (from an accepted or submitted, not returned, report). */
  completedOn: string | null;
  progressPercent: number;
  /** The end of the latest period reported (not returned), or null when nothing is reported. */
  lastReportedPeriodEnd: string | null;
}

/**
 * In order: cancelled and paused are what the assigning organisation set; a finished task is done on
 * time when finished by its due date, else late; an unfinished task past its due date is overdue, and
 * so is a recurring or continuous task whose report for an ended period is missing past its due day;
 * a task not yet begun (before its start date, or with nothing reported) has not started; the rest is
 * in progress.
 */
export function taskStatus(task: TaskStatusFacts, today: string): TaskStatus {
  if (task.state === "cancelled") return "cancelled";
  if (task.state === "paused") return "paused";
  if (task.completedOn !== null) {
    return task.dueDate === null || task.completedOn <= task.dueDate ? "done_on_time" : "done_late";
  }
  if (task.dueDate !== null && today > task.dueDate) return "overdue";
  if (task.schedule !== "once" && isReportLate(task, today)) return "overdue";
  if (task.startDate !== null && today < task.startDate) return "not_started";
  if (task.lastReportedPeriodEnd === null && task.progressPercent === 0) return "not_started";
  return "in_progress";
}

/** A periodic report is missing: the latest period due by today ends after the last one reported. */
export function isReportLate(task: TaskStatusFacts, today: string): boolean {
  if (task.state !== "active" || task.completedOn !== null) return false;
  const due = lastPeriodDueBy(task, today);
  if (due === null) return false;
  return task.lastReportedPeriodEnd === null || task.lastReportedPeriodEnd < due.end;
}

/** Statuses that count as finished. */
export function isDone(status: TaskStatus): boolean {
  return status === "done_on_time" || status === "done_late";
}

/** Days until the due date (negative: days overdue), or null without one. */
export function daysUntilDue(dueDate: string | null, today: string): number | null {
  if (dueDate === null) return null;
  const ms = Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** "Due soon": unfinished, active, due within this many days from today. */
export const DUE_SOON_DAYS = 7;
