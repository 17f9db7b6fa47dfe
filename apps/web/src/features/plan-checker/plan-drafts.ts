// The tasks the person is about to create from a check: the checker's draft of each, corrected in the
// page, and whether to create it. Turned into the create request's fields here (blank text → nothing,
// the lead not repeated among the supporting units).
import type { PlanCheck, PlanCheckCreateTasksInput } from "@namro/contracts";

export type PlanTaskDraft = PlanCheck["tasks"][number]["draft"] & { description: string; include: boolean };

/** Each task's draft as the checker read it, described by its text as written, every task included. */
export function initialDrafts(check: PlanCheck): PlanTaskDraft[] {
  return check.tasks.map((task) => ({
    ...task.draft,
    description: task.text.trim(),
    supportOrgIds: [...task.draft.supportOrgIds],
    include: true,
  }));
}

const textOrNull = (value: string | null) => {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
};

/** The fields sent for each task to create, and the index in the check of each. */
export function createInputOf(drafts: readonly PlanTaskDraft[]): {
  tasks: PlanCheckCreateTasksInput["tasks"];
  indices: number[];
} {
  const tasks: PlanCheckCreateTasksInput["tasks"] = [];
  const indices: number[] = [];
  drafts.forEach((draft, index) => {
    if (!draft.include) return;
    indices.push(index);
    tasks.push({
      title: draft.title.trim(),
      description: draft.description.trim(),
      leadOrgId: draft.leadOrgId,
      supportOrgIds: [...new Set(draft.supportOrgIds)].filter((id) => id !== draft.leadOrgId),
      responsibleName: textOrNull(draft.responsibleName),
      dueDate: draft.dueDate,
      schedule: draft.schedule,
      reportFrequency: draft.reportFrequency,
      deliverable: textOrNull(draft.deliverable),
      targetValue: draft.targetValue,
      targetUnit: draft.targetValue === null ? null : textOrNull(draft.targetUnit),
    });
  });
  return { tasks, indices };
}

/** "body.tasks.2.leadOrgId" → the index of the sent task (2) and the field; null for other paths. */
export function taskIssueOf(path: string): { sent: number; field: string } | null {
  const match = /^body\.tasks\.(\d+)\.?(.*)$/.exec(path);
  return match ? { sent: Number(match[1]), field: match[2] ?? "" } : null;
}
