// Putting tasks under a parent (a new task with a parent, a task moved under another, a cascade): who
// may split the parent, in which state, and what the parent keeps. A split task's progress comes from
// its children only (refreshTaskProgress), so a task that already has progress reports of its own is
// not split: they would silently stop counting. Carrying them forward was rejected — a report's
// percentage is of the whole task, not of any one child, so there is no honest child to give it to.
import { sql } from "kysely";
import type { TaskRow } from "../../db/schema.ts";
import { type Actor, holdsPermissionAt, isWithin } from "../../platform/auth/actor.ts";
import { AppError } from "../../platform/errors.ts";
import type { Problems } from "./tasks.fields.ts";
import * as repo from "./tasks.repository.ts";

/** Whether the task has progress reports that count (submitted or accepted, not returned). */
async function hasCountingReports(executor: repo.Executor, taskId: number): Promise<boolean> {
  const row = await executor
    .selectFrom("taskReports")
    .select(sql<number>`1`.as("one"))
    .where("taskId", "=", taskId)
    .where("status", "<>", "returned")
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Refuses a split of a task that has counting reports of its own and no children yet (once it has
 * children, its own reports already do not count). `path`: the field to name, if any.
 */
export async function checkSplittable(
  executor: repo.Executor,
  task: TaskRow,
  problems?: { problems: Problems; path: string },
): Promise<void> {
  if (task.hasChildren || !(await hasCountingReports(executor, task.id))) return;
  if (problems) problems.problems.add("TASK_SPLIT_HAS_REPORTS", problems.path);
  else throw new AppError("TASK_SPLIT_HAS_REPORTS");
}

/**
 * Checks that `actor` may put a task assigned by the organisation at `ownerPath` under `parent`
 * (visible, found by the caller). As in a cascade, the parent's lead unit splits it (while it has no
 * lead, the organisation that assigned it): the actor manages tasks there, and the child is assigned
 * by that unit or one below it — a province's task is not hung under a commune's, where the commune
 * could not see what its own progress is computed from. The parent is active (not paused, not
 * cancelled) and has no counting reports of its own. Problems are named at `path`.
 */
export async function checkNewParent(
  executor: repo.Executor,
  actor: Actor,
  parent: TaskRow,
  ownerPath: string,
  path: string,
  problems: Problems,
): Promise<void> {
  // Its state first: whoever sees the parent sees that, and "resume it first" is the useful answer.
  if (parent.state !== "active") {
    problems.add("TASK_PARENT_NOT_ACTIVE", path);
    return;
  }
  const splitter = parent.leadOrgId === null ? parent.ownerPath : parent.orgPath;
  if (!holdsPermissionAt(actor, "task.manage", splitter) || !isWithin(ownerPath, splitter)) {
    problems.add("TASK_PARENT_OUTSIDE_SCOPE", path);
    return;
  }
  await checkSplittable(executor, parent, { problems, path });
}

/**
 * A parent gained or lost children: its flag follows and its version moves, so a cascade or an edit
 * of the parent read before the change conflicts instead of overwriting it.
 */
export async function touchParent(
  executor: repo.Executor,
  parentId: number,
  hasChildren: boolean,
  now: Date,
): Promise<void> {
  await repo.updateTask(executor, parentId, { hasChildren }, now);
}
