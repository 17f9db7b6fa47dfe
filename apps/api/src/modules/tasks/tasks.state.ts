// A task's state applies to its subtree. Pausing or cancelling a task pauses or cancels the tasks under
// it that are still running (not done, not already cancelled; pausing leaves a task paused on its own
// as it is), each remembering the task that stopped it; resuming the task resumes exactly those. So
// the roll-ups (which count leaves), reminders and reports stop with the task and start again with it.
// The caller holds the task's path locked (lockTaskPaths), and so every report under it waits.
import { sql } from "kysely";
import type { TaskRow, TaskState } from "../../db/schema.ts";
import { AppError } from "../../platform/errors.ts";
import type { Executor } from "./tasks.repository.ts";

/** A task is resumed only when no task above it is paused or cancelled. */
export async function checkAncestorsRunning(executor: Executor, task: TaskRow): Promise<void> {
  const ids = task.treePath.split(".").slice(0, -1).map(Number);
  if (ids.length === 0) return;
  const stopped = await executor
    .selectFrom("tasks")
    .select("id")
    .where("id", "in", ids)
    .where("state", "<>", "active")
    .executeTakeFirst();
  if (stopped) throw new AppError("TASK_STATE_ANCESTOR_STOPPED");
}

/**
 * Carries the task's new state to its subtree; returns how many tasks under it changed. Their
 * versions move, so an edit made from an earlier read conflicts.
 */
export async function applyStateToSubtree(
  executor: Executor,
  task: TaskRow,
  state: TaskState,
  reason: string | null,
  now: Date,
): Promise<number> {
  const stamp = { stateChangedAt: now, version: sql<number>`version + 1`, updatedAt: now };
  const under = executor
    .updateTable("tasks")
    .where(sql<boolean>`tree_path <@ ${task.treePath}::ltree`)
    .where("id", "<>", task.id);
  const result =
    state === "active"
      ? await under
          .set({ ...stamp, state: "active", stateReason: null, stateSetByTaskId: null })
          .where("stateSetByTaskId", "=", task.id)
          .executeTakeFirst()
      : await under
          .set({ ...stamp, state, stateReason: reason, stateSetByTaskId: task.id })
          .where("completedOn", "is", null)
          .where("state", "in", state === "cancelled" ? ["active", "paused"] : ["active"])
          .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
