// A task's progress figures, kept on the task row so roll-ups read one row per task: a task without
// children takes them from its reports (a returned report does not count), a task split into child
// tasks from its children. The server recomputes them in the transaction that changes a report or a
// child (apps/api/src/modules/tasks/tasks.reports.progress.ts).
import { taskProgressForRollup } from "./task-rollup.ts";
import type { TaskState } from "./task-status.ts";

export interface TaskProgress {
  progressPercent: number;
  actualValue: number | null;
  completedOn: string | null;
  /** ISO timestamp of the latest counting report (of the task or, for a parent, of any child). */
  lastReportAt: string | null;
  lastReportedPeriodEnd: string | null;
}

export interface ReportFacts {
  status: "submitted" | "returned" | "accepted";
  percent: number;
  actualValue: number | null;
  completedOn: string | null;
  periodEnd: string;
  /** ISO timestamp. */
  submittedAt: string;
}

export const NO_PROGRESS: TaskProgress = {
  progressPercent: 0,
  actualValue: null,
  completedOn: null,
  lastReportAt: null,
  lastReportedPeriodEnd: null,
};

const maxOf = (values: readonly (string | null)[]): string | null =>
  values.reduce<string | null>(
    (max, value) => (value !== null && (max === null || value > max) ? value : max),
    null,
  );

/** Hundredths, as the columns hold them. */
export const roundPercent = (value: number): number => Math.round(value * 100) / 100;

/**
 * From the task's reports: the latest period's report (the most recently submitted on a tie) gives the
 * percentage, and its completion day when it says 100%; the value measured is the latest one reported
 * (an interim report may leave it out). Returned reports do not count.
 */
export function progressFromReports(reports: readonly ReportFacts[]): TaskProgress {
  const counting = reports
    .filter((report) => report.status !== "returned")
    .sort((a, b) =>
      a.periodEnd === b.periodEnd
        ? b.submittedAt.localeCompare(a.submittedAt)
        : b.periodEnd.localeCompare(a.periodEnd),
    );
  const latest = counting[0];
  if (latest === undefined) return NO_PROGRESS;
  return {
    progressPercent: latest.percent,
    actualValue: counting.find((report) => report.actualValue !== null)?.actualValue ?? null,
    completedOn: latest.percent === 100 ? latest.completedOn : null,
    lastReportAt: maxOf(counting.map((report) => report.submittedAt)),
    lastReportedPeriodEnd: latest.periodEnd,
  };
}

export interface ChildFacts extends TaskProgress {
  weight: number;
  state: TaskState;
}

/**
 * From the children (cancelled ones left out): the mean percentage weighted by weight (a finished child
 * counts 100), the sum of the values measured (null when no child measured one), and the latest child
 * completion once every counting child is finished. The latest report of any child dates the parent's.
 */
export function progressFromChildren(children: readonly ChildFacts[]): TaskProgress {
  const counting = children.filter((child) => child.state !== "cancelled");
  if (counting.length === 0) return NO_PROGRESS;
  let sumWeight = 0;
  let sumWeighted = 0;
  let actual: number | null = null;
  for (const child of counting) {
    sumWeight += child.weight;
    sumWeighted += child.weight * taskProgressForRollup(child.progressPercent, child.completedOn);
    if (child.actualValue !== null) actual = roundPercent((actual ?? 0) + child.actualValue);
  }
  const allDone = counting.every((child) => child.completedOn !== null);
  return {
    progressPercent: roundPercent(sumWeighted / sumWeight),
    actualValue: actual,
    completedOn: allDone ? maxOf(counting.map((child) => child.completedOn)) : null,
    lastReportAt: maxOf(counting.map((child) => child.lastReportAt)),
    lastReportedPeriodEnd: maxOf(counting.map((child) => child.lastReportedPeriodEnd)),
  };
}
