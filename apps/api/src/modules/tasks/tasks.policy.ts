// Who may do what with a task, on the task.* scopes: the organisation that assigned it edits it,
// pauses it and reviews its reports; its lead unit splits it further down (a commune cascades the task
// it was given to its cells) and reports on it, as does the person named responsible.
import { type Actor, holdsPermissionAt } from "../../platform/auth/actor.ts";

export interface TaskPaths {
  ownerPath: string;
  /** The lead's path (null while no lead is set). */
  leadPath: string | null;
  responsibleAccountId: number | null;
}

/** May assign tasks on behalf of this organisation (own them). */
export function mayAssignFor(actor: Actor, orgPath: string): boolean {
  return holdsPermissionAt(actor, "task.manage", orgPath);
}

export function mayEditTask(actor: Actor, task: TaskPaths): boolean {
  return holdsPermissionAt(actor, "task.manage", task.ownerPath);
}

export function mayCascadeTask(actor: Actor, task: TaskPaths): boolean {
  return task.leadPath !== null && holdsPermissionAt(actor, "task.manage", task.leadPath);
}

export function mayReportTask(actor: Actor, task: TaskPaths): boolean {
  if (task.responsibleAccountId === actor.accountId) return true;
  return task.leadPath !== null && holdsPermissionAt(actor, "task.report", task.leadPath);
}

export function mayReviewTask(actor: Actor, task: TaskPaths): boolean {
  return holdsPermissionAt(actor, "task.manage", task.ownerPath);
}
