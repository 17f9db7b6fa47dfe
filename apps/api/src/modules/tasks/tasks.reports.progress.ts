// Keeps a task's progress figures (percent, value measured, completion day, last report) in step with
// its reports, then every ancestor's with its children, in the caller's transaction. The task's whole
// path (root … task) is locked in id order first, so concurrent reports on sibling tasks serialise on
// their common ancestors and each recomputation reads the other's committed figures: no update is lost.
// Other code that changes a child (cascading, cancelling, moving, a new weight) calls
// refreshTaskProgress after its change, or lockTaskPath before it and recomputeLockedPath after.
import { type ChildFacts, progressFromChildren, progressFromReports, type TaskProgress } from "@namro/domain";
import type { Transaction } from "kysely";
import type { Database, TaskRow } from "../../db/schema.ts";
import {
  childFactsOf,
  lockTasksInIdOrder,
  type ProgressColumns,
  reportFactsOf,
  setProgress,
  treePathOf,
} from "./tasks.reports.repository.ts";

/** A tree path can change under us only by a concurrent move; a few reads settle it. */
const PATH_ATTEMPTS = 5;

/**
 * Locks the task and its ancestors (in id order) and returns them root first, the task last; null when
 * the task does not exist.
 */
export async function lockTaskPath(trx: Transaction<Database>, taskId: number): Promise<TaskRow[] | null> {
  for (let attempt = 0; attempt < PATH_ATTEMPTS; attempt++) {
    const path = await treePathOf(trx, taskId);
    if (path === undefined) return null;
    const ids = path.split(".").map(Number);
    const rows = await lockTasksInIdOrder(trx, ids);
    const byId = new Map(rows.map((row) => [row.id, row]));
    // Moved between the read and the lock: lock the new path too (the old locks do no harm).
    if (byId.get(taskId)?.treePath !== path || ids.some((id) => !byId.has(id))) continue;
    return ids.map((id) => byId.get(id) as TaskRow);
  }
  throw new Error(`task ${taskId}: its tree path kept changing while being locked`);
}

/**
 * Locks the paths of several tasks together (every task and its ancestors, once, in id order), the
 * first lock a writer takes on them when it will change them and then refresh the figures above (a
 * new child, a cascade, an edit, a move, a state change): a concurrent report takes the same locks in
 * the same order, so the two wait for each other instead of deadlocking. Missing tasks are skipped.
 */
export async function lockTaskPaths(trx: Transaction<Database>, taskIds: readonly number[]): Promise<void> {
  for (let attempt = 0; attempt < PATH_ATTEMPTS; attempt++) {
    const paths = new Map<number, string>();
    for (const id of new Set(taskIds)) {
      const path = await treePathOf(trx, id);
      if (path !== undefined) paths.set(id, path);
    }
    const ids = new Set([...paths.values()].flatMap((path) => path.split(".").map(Number)));
    const rows = await lockTasksInIdOrder(trx, [...ids]);
    const locked = new Map(rows.map((row) => [row.id, row.treePath]));
    // Moved between the read and the lock: lock the new paths too (the old locks do no harm).
    if ([...paths].every(([id, path]) => locked.get(id) === path)) return;
  }
  throw new Error(`tasks ${taskIds.join(", ")}: their tree paths kept changing while being locked`);
}

const toIso = (date: Date | null): string | null => (date === null ? null : new Date(date).toISOString());

function progressOf(row: {
  progressPercent: number;
  actualValue: number | null;
  completedOn: string | null;
  lastReportAt: Date | null;
  lastReportedPeriodEnd: string | null;
}): TaskProgress {
  return {
    progressPercent: Number(row.progressPercent),
    actualValue: row.actualValue === null ? null : Number(row.actualValue),
    completedOn: row.completedOn,
    lastReportAt: toIso(row.lastReportAt),
    lastReportedPeriodEnd: row.lastReportedPeriodEnd,
  };
}

const sameProgress = (a: TaskProgress, b: TaskProgress) =>
  a.progressPercent === b.progressPercent &&
  a.actualValue === b.actualValue &&
  a.completedOn === b.completedOn &&
  a.lastReportAt === b.lastReportAt &&
  a.lastReportedPeriodEnd === b.lastReportedPeriodEnd;

const columnsOf = (progress: TaskProgress): ProgressColumns => ({
  ...progress,
  lastReportAt: progress.lastReportAt === null ? null : new Date(progress.lastReportAt),
});

/**
 * Recomputes the figures along a path locked by lockTaskPath: the task's from its reports (unless it
 * has children), then each task with children, deepest first, from its children. Writes only rows
 * whose figures change; returns the task's new figures.
 */
export async function recomputeLockedPath(
  trx: Transaction<Database>,
  path: readonly TaskRow[],
): Promise<TaskProgress> {
  const task = path.at(-1);
  if (task === undefined) throw new Error("an empty task path");
  const computed = new Map<number, TaskProgress>();
  if (!task.hasChildren) {
    const reports = await reportFactsOf(trx, task.id);
    const own = progressFromReports(
      reports.map((report) => ({
        ...report,
        percent: Number(report.percent),
        actualValue: report.actualValue === null ? null : Number(report.actualValue),
        submittedAt: new Date(report.submittedAt).toISOString(),
      })),
    );
    computed.set(task.id, own);
  }
  const parents = task.hasChildren ? path : path.slice(0, -1);
  const children = await childFactsOf(
    trx,
    parents.map((row) => row.id),
  );
  for (const parent of [...parents].reverse()) {
    const facts: ChildFacts[] = children
      .filter((child) => child.parentId === parent.id)
      .map((child) => ({
        ...(computed.get(child.id) ?? progressOf(child)),
        weight: Number(child.weight),
        state: child.state,
      }));
    computed.set(parent.id, progressFromChildren(facts));
  }
  for (const row of path) {
    const next = computed.get(row.id);
    if (next !== undefined && !sameProgress(next, progressOf(row))) {
      await setProgress(trx, row.id, columnsOf(next));
    }
  }
  return computed.get(task.id) as TaskProgress;
}

/**
 * After a change to a task or to one of its children: its figures and every ancestor's recomputed, in
 * the caller's transaction. Does nothing for a task that no longer exists.
 */
export async function refreshTaskProgress(trx: Transaction<Database>, taskId: number): Promise<void> {
  const path = await lockTaskPath(trx, taskId);
  if (path !== null) await recomputeLockedPath(trx, path);
}
