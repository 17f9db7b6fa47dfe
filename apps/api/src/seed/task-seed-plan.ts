// Planned five-clears tasks for the demo and the bulk seeders, before any id exists: a flat list with
// parents before children, each leaf with its progress reports. What the tasks table keeps from the
// reports (progress, measured value, completion, last period reported) and what a parent takes from
// its children come from the domain's functions the report service uses (task-progress.ts), so the
// seeded rows are exactly what people reporting through the app would have left. The clears a task lacks come from the domain's one rule.
import {
  addDays,
  checkTaskClears,
  DEFAULT_CLEARS,
  missingClearKeys,
  progressFromChildren,
  progressFromReports,
  type ReportFrequency,
  type TaskProgress,
  type TaskSchedule,
  type TaskState,
} from "@namro/domain";

export interface PlannedOrgRef {
  id: number;
  path: string;
}

export interface PlannedReportFile {
  fileName: string;
  content: string;
}

export interface PlannedReport {
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  percent: number;
  actualValue: number | null;
  narrative: string;
  completedOn: string | null;
  status: "submitted" | "returned" | "accepted";
  returnReason: string | null;
  submittedBy: number | null;
  /** ISO timestamp. */
  submittedAt: string;
  reviewedBy: number | null;
  reviewedAt: string | null;
  files: PlannedReportFile[];
}

export interface PlannedMilestone {
  title: string;
  dueDate: string;
  doneOn: string | null;
}

export interface PlannedTask {
  /** Index of the parent in the same list (it comes first), or null. */
  parent: number | null;
  planDocumentId: number | null;
  owner: PlannedOrgRef;
  lead: PlannedOrgRef | null;
  supports: PlannedOrgRef[];
  responsibleAccountId: number | null;
  responsibleName: string | null;
  title: string;
  description: string;
  startDate: string | null;
  dueDate: string | null;
  schedule: TaskSchedule;
  reportFrequency: ReportFrequency | null;
  deliverable: string | null;
  targetValue: number | null;
  targetUnit: string | null;
  weight: number;
  state: TaskState;
  stateReason: string | null;
  stateChangedAt: string | null;
  createdBy: number | null;
  /** ISO timestamp. */
  createdAt: string;
  milestones: PlannedMilestone[];
  /** A leaf's reports; a task with children is not reported itself. */
  reports: PlannedReport[];
}

export interface DerivedTask extends TaskProgress {
  hasChildren: boolean;
  missingClears: string[];
}

const clearsCache = new Map<string, string[]>();

/**
 * The clear keys a task lacks, by the default clear-set (no committee of the seeds sets its own).
 * Bulk tasks share a few titles and shapes, so the answer is kept per shape.
 */
export function missingClearsOf(task: PlannedTask): string[] {
  const fields = {
    title: task.title,
    leadOrgId: task.lead?.id ?? null,
    supportOrgIds: task.supports.map((org) => org.id),
    responsibleAccountId: task.responsibleAccountId,
    responsibleName: task.responsibleName,
    startDate: task.startDate,
    dueDate: task.dueDate,
    schedule: task.schedule,
    reportFrequency: task.reportFrequency,
    deliverable: task.deliverable,
    targetValue: task.targetValue,
    targetUnit: task.targetUnit,
  };
  const shape = [
    task.title,
    task.lead !== null,
    task.supports.length > 0,
    task.responsibleAccountId !== null,
    task.responsibleName ?? "",
    task.startDate !== null,
    task.dueDate !== null,
    task.schedule,
    task.reportFrequency,
    task.deliverable ?? "",
    task.targetValue !== null,
    task.targetUnit ?? "",
  ].join("|");
  let keys = clearsCache.get(shape);
  if (keys === undefined) {
    keys = missingClearKeys(checkTaskClears(fields, DEFAULT_CLEARS));
    if (clearsCache.size > 10_000) clearsCache.clear();
    clearsCache.set(shape, keys);
  }
  return keys;
}

/** Every task's stored progress fields, leaves from reports and parents from children (bottom-up). */
export function deriveTasks(tasks: readonly PlannedTask[]): DerivedTask[] {
  const children = new Map<number, number[]>();
  tasks.forEach((task, index) => {
    if (task.parent === null) return;
    if (task.parent >= index) throw new Error(`task ${index} comes before its parent ${task.parent}`);
    const list = children.get(task.parent) ?? [];
    list.push(index);
    children.set(task.parent, list);
  });
  const derived: DerivedTask[] = Array.from({ length: tasks.length });
  for (let index = tasks.length - 1; index >= 0; index--) {
    const task = tasks[index] as PlannedTask;
    const own = children.get(index);
    const progress = own
      ? progressFromChildren(
          own.map((child) => ({
            ...(derived[child] as DerivedTask),
            weight: (tasks[child] as PlannedTask).weight,
            state: (tasks[child] as PlannedTask).state,
          })),
        )
      : progressFromReports(task.reports);
    derived[index] = { ...progress, hasChildren: own !== undefined, missingClears: missingClearsOf(task) };
  }
  return derived;
}

/** A timestamp on `day` at `hour`:`minute` Vietnam time (UTC+7), as ISO. */
export function vietnamTime(day: string, hour: number, minute = 0): string {
  const utc = new Date(`${day}T00:00:00Z`);
  utc.setUTCMinutes(hour * 60 + minute - 7 * 60);
  return utc.toISOString();
}

export { addDays };
