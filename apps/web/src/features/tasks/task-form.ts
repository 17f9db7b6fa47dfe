// The task form's values and the API body they make: dates as dayjs in the form, ISO in the body;
// empty texts as null; milestones in a stable order. Also what the live clears panel reads, and where
// the server's errors go on the form.
import type { CreateTaskInput, TaskDetail } from "@namro/contracts";
import type { TaskClearFields } from "@namro/domain";
import type { Dayjs } from "dayjs";
import { fromIsoDate, toIsoDate } from "../../lib/dates.ts";

type Schedule = NonNullable<CreateTaskInput["schedule"]>;
type Frequency = NonNullable<CreateTaskInput["reportFrequency"]>;

export interface MilestoneValues {
  title?: string;
  dueDate?: Dayjs | null;
  doneOn?: Dayjs | null;
}

export interface TaskFormValues {
  title?: string;
  description?: string;
  ownerOrgId?: number;
  planDocumentId?: number | null;
  leadOrgId?: number | null;
  supportOrgIds?: number[];
  responsibleAccountId?: number | null;
  responsibleName?: string | null;
  schedule?: Schedule;
  startDate?: Dayjs | null;
  dueDate?: Dayjs | null;
  reportFrequency?: Frequency | null;
  deliverable?: string | null;
  targetValue?: number | null;
  targetUnit?: string | null;
  weight?: number | null;
  milestones?: MilestoneValues[];
}

/** The fields both create and update send (update sends only those that changed). */
export type TaskBody = {
  title: string;
  description: string;
  planDocumentId: number | null;
  leadOrgId: number | null;
  supportOrgIds: number[];
  responsibleAccountId: number | null;
  responsibleName: string | null;
  schedule: Schedule;
  startDate: string | null;
  dueDate: string | null;
  reportFrequency: Frequency | null;
  deliverable: string | null;
  targetValue: number | null;
  targetUnit: string | null;
  weight: number;
  milestones: { title: string; dueDate: string; doneOn: string | null }[];
};

export const TASK_FIELD_NAMES = [
  "title",
  "description",
  "ownerOrgId",
  "planDocumentId",
  "leadOrgId",
  "supportOrgIds",
  "responsibleAccountId",
  "responsibleName",
  "schedule",
  "startDate",
  "dueDate",
  "reportFrequency",
  "deliverable",
  "targetValue",
  "targetUnit",
  "weight",
  "milestones",
] as const;

/** Errors the server answers with a code (no field path) that belong to one field. */
export const TASK_ERROR_FIELDS: Readonly<Record<string, string>> = {
  TASK_DATE_ORDER: "dueDate",
  TASK_MILESTONE_DATE_ORDER: "milestones",
  TASK_PLAN_NOT_FOUND: "planDocumentId",
  TASK_PLAN_NOT_A_PLAN: "planDocumentId",
  TASK_OWNER_OUTSIDE_SCOPE: "ownerOrgId",
  TASK_ORG_UNKNOWN: "leadOrgId",
  TASK_ORG_OUTSIDE_OWNER: "leadOrgId",
  TASK_RESPONSIBLE_UNKNOWN: "responsibleAccountId",
  // Splitting a task: the owner chosen is what the person can change (a unit within the parent's lead).
  TASK_PARENT_OUTSIDE_SCOPE: "ownerOrgId",
};

function textOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

function iso(value: Dayjs | null | undefined): string | null {
  return value ? toIsoDate(value) : null;
}

export function taskBodyOf(values: TaskFormValues): TaskBody {
  const milestones = (values.milestones ?? [])
    .filter((row) => textOrNull(row?.title) !== null || row?.dueDate)
    .map((row) => ({
      title: row.title?.trim() ?? "",
      dueDate: iso(row.dueDate) ?? "",
      doneOn: iso(row.doneOn),
    }));
  return {
    title: values.title?.trim() ?? "",
    description: values.description?.trim() ?? "",
    planDocumentId: values.planDocumentId ?? null,
    leadOrgId: values.leadOrgId ?? null,
    // Sorted so reordering the chosen organisations is not a change.
    supportOrgIds: [...(values.supportOrgIds ?? [])].sort((a, b) => a - b),
    responsibleAccountId: values.responsibleAccountId ?? null,
    responsibleName: textOrNull(values.responsibleName),
    schedule: values.schedule ?? "once",
    startDate: iso(values.startDate),
    dueDate: iso(values.dueDate),
    reportFrequency: values.reportFrequency ?? null,
    deliverable: textOrNull(values.deliverable),
    targetValue: values.targetValue ?? null,
    targetUnit: textOrNull(values.targetUnit),
    weight: values.weight ?? 1,
    milestones,
  };
}

export function formValuesOfTask(task: TaskDetail): TaskFormValues {
  return {
    title: task.title,
    description: task.description,
    ownerOrgId: task.ownerOrg.id,
    planDocumentId: task.plan?.id ?? null,
    leadOrgId: task.leadOrg?.id ?? null,
    supportOrgIds: task.supportOrgs.map((org) => org.id),
    responsibleAccountId: task.responsibleAccount?.id ?? null,
    responsibleName: task.responsibleName,
    schedule: task.schedule,
    startDate: task.startDate ? fromIsoDate(task.startDate) : null,
    dueDate: task.dueDate ? fromIsoDate(task.dueDate) : null,
    reportFrequency: task.reportFrequency,
    deliverable: task.deliverable,
    targetValue: task.targetValue,
    targetUnit: task.targetUnit,
    weight: task.weight,
    milestones: task.milestones.map((milestone) => ({
      title: milestone.title,
      dueDate: fromIsoDate(milestone.dueDate),
      doneOn: milestone.doneOn ? fromIsoDate(milestone.doneOn) : null,
    })),
  };
}

/** What the clears are graded on, as the form stands. */
export function clearFieldsOf(values: TaskFormValues): TaskClearFields {
  const body = taskBodyOf(values);
  return {
    title: body.title,
    leadOrgId: body.leadOrgId,
    supportOrgIds: body.supportOrgIds,
    responsibleAccountId: body.responsibleAccountId,
    responsibleName: body.responsibleName,
    startDate: body.startDate,
    dueDate: body.dueDate,
    schedule: body.schedule,
    reportFrequency: body.reportFrequency,
    deliverable: body.deliverable,
    targetValue: body.targetValue,
    targetUnit: body.targetUnit,
  };
}
