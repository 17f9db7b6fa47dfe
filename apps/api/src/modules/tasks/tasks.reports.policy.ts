// Who may report a task's progress and who reviews the reports: the lead unit (task.report over the
// organisation leading it — the assigning one while no lead is set) or the person named responsible
// report; the assigning organisation (task.manage over it) returns or accepts.
import type { TaskRow } from "../../db/schema.ts";
import { type Actor, holdsPermissionAt } from "../../platform/auth/actor.ts";

type ReportedTask = Pick<TaskRow, "orgPath" | "responsibleAccountId">;

export function mayReportTask(actor: Actor, task: ReportedTask): boolean {
  return (
    task.responsibleAccountId === actor.accountId || holdsPermissionAt(actor, "task.report", task.orgPath)
  );
}

export function mayReviewTaskReports(actor: Actor, task: Pick<TaskRow, "ownerPath">): boolean {
  return holdsPermissionAt(actor, "task.manage", task.ownerPath);
}
