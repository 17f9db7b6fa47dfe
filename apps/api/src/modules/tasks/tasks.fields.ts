// A task's fields as a person fills them in, checked and turned into column values: organisations
// exist and are active and lie within the assigning committee (the owner, what is under it, or —
// when the owner is a department such as its Ban Tổ chức — the committee's other departments and
// subtree), the responsible account is active and holds a role within that committee, the due date
// is not before the start, milestones fall within the task's dates. Every problem is reported at
// once, each with its field path; nothing is written before all of them pass.
import type { CreateTaskInput, ErrorCode } from "@namro/contracts";
import { type TaskClearFields, toSearchKey } from "@namro/domain";
import type { TaskRow } from "../../db/schema.ts";
import { isWithin } from "../../platform/auth/actor.ts";
import { AppError, type FieldIssue } from "../../platform/errors.ts";
import * as repo from "./tasks.repository.ts";

export type TaskFieldsInput = Omit<CreateTaskInput, "kind" | "ownerOrgId" | "planDocumentId" | "parentId">;

/** The fields an update may send: any of them, each possibly left out. */
export type TaskFieldsPatch = { [K in keyof TaskFieldsInput]?: TaskFieldsInput[K] | undefined };

export interface ResolvedTaskFields {
  /** Column values of the fields sent (all of them for a new task). */
  values: repo.TaskChanges;
  /** The lead's organisation when the lead is set or changed (undefined: unchanged). */
  lead: repo.TaskOrgRow | null | undefined;
  /** New supporting units (undefined: unchanged). */
  supports: repo.TaskOrgRow[] | undefined;
  milestones: repo.MilestoneValues[] | undefined;
  /** What the clears read: the task as it will be. */
  clearFields: TaskClearFields;
}

/** Collects problems, each a catalogued code at a field path; throws them all under the first code. */
export class Problems {
  readonly #issues: { code: ErrorCode; path: string }[] = [];
  add(code: ErrorCode, path: string): void {
    this.#issues.push({ code, path });
  }
  throwIfAny(): void {
    const first = this.#issues[0];
    if (!first) return;
    const issues: FieldIssue[] = this.#issues.map((issue) => ({ path: issue.path, message: issue.code }));
    throw new AppError(first.code, { issues });
  }
}

function nfc(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const trimmed = text.normalize("NFC").trim();
  return trimmed === "" ? null : trimmed;
}

/** The search key of a task: its title and description, without diacritics. */
export function taskSearchKey(title: string, description: string): string {
  return toSearchKey(`${title} ${description}`);
}

/**
 * Checks `input` (for an update, only the fields sent) against `current` (null for a new task).
 * `committeePath`: the assigning committee's path (the owner, or its committee when a department).
 * `at`: the field path prefix ("body." or "body.tasks.3.").
 */
export async function resolveTaskFields(
  executor: repo.Executor,
  input: TaskFieldsPatch,
  current: TaskRow | null,
  currentSupportIds: readonly number[],
  committeePath: string,
  at: string,
  problems: Problems,
): Promise<ResolvedTaskFields> {
  const values: repo.TaskChanges = {};
  const sent = <K extends keyof TaskFieldsInput>(key: K) => input[key] !== undefined;

  if (sent("title")) values.title = nfc(input.title) ?? "";
  if (sent("description")) values.description = nfc(input.description) ?? "";
  if (sent("responsibleName")) values.responsibleName = nfc(input.responsibleName);
  if (sent("deliverable")) values.deliverable = nfc(input.deliverable);
  if (sent("targetUnit")) values.targetUnit = nfc(input.targetUnit);
  if (sent("targetValue")) values.targetValue = input.targetValue ?? null;
  if (sent("startDate")) values.startDate = input.startDate ?? null;
  if (sent("dueDate")) values.dueDate = input.dueDate ?? null;
  if (sent("schedule") && input.schedule) values.schedule = input.schedule;
  if (sent("reportFrequency")) values.reportFrequency = input.reportFrequency ?? null;
  if (sent("weight") && input.weight !== undefined) values.weight = input.weight;
  if (sent("responsibleAccountId")) values.responsibleAccountId = input.responsibleAccountId ?? null;
  if (sent("leadOrgId")) values.leadOrgId = input.leadOrgId ?? null;

  const leadId = values.leadOrgId !== undefined ? values.leadOrgId : (current?.leadOrgId ?? null);
  const supportIds = sent("supportOrgIds")
    ? [...new Set(input.supportOrgIds ?? [])].filter((id) => id !== leadId)
    : undefined;
  const wanted = [...(values.leadOrgId ? [values.leadOrgId] : []), ...(supportIds ?? [])];
  const orgs = new Map((await repo.findOrgs(executor, wanted)).map((org) => [org.id, org]));
  const checkOrg = (id: number, path: string): repo.TaskOrgRow | null => {
    const org = orgs.get(id);
    if (!org?.active) problems.add("TASK_ORG_UNKNOWN", path);
    else if (!isWithin(org.path, committeePath)) problems.add("TASK_ORG_OUTSIDE_OWNER", path);
    else return org;
    return null;
  };
  let lead: repo.TaskOrgRow | null | undefined;
  if (values.leadOrgId !== undefined) {
    lead = values.leadOrgId === null ? null : checkOrg(values.leadOrgId, `${at}leadOrgId`);
  }
  let supports: repo.TaskOrgRow[] | undefined;
  if (supportIds !== undefined) {
    supports = [];
    (input.supportOrgIds ?? []).forEach((id, index) => {
      if (id === leadId || !supportIds.includes(id) || supports?.some((org) => org.id === id)) return;
      const org = checkOrg(id, `${at}supportOrgIds.${index}`);
      if (org) supports?.push(org);
    });
  }
  // Checked only when it changes: a person named earlier and since disabled does not block other edits.
  // One code for an unknown account and one outside the committee, so ids cannot be probed.
  if (
    values.responsibleAccountId != null &&
    values.responsibleAccountId !== current?.responsibleAccountId &&
    !(await repo.responsibleAccountFits(executor, values.responsibleAccountId, committeePath))
  ) {
    problems.add("TASK_RESPONSIBLE_UNKNOWN", `${at}responsibleAccountId`);
  }

  const startDate = values.startDate !== undefined ? values.startDate : (current?.startDate ?? null);
  const dueDate = values.dueDate !== undefined ? values.dueDate : (current?.dueDate ?? null);
  if (startDate !== null && dueDate !== null && dueDate < startDate) {
    problems.add("TASK_DATE_ORDER", `${at}dueDate`);
    problems.add("TASK_DATE_ORDER", `${at}startDate`);
  }
  let milestones: repo.MilestoneValues[] | undefined;
  if (input.milestones !== undefined) {
    milestones = input.milestones.map((milestone, index) => {
      if (
        (startDate !== null && milestone.dueDate < startDate) ||
        (dueDate !== null && milestone.dueDate > dueDate)
      ) {
        problems.add("TASK_MILESTONE_DATE_ORDER", `${at}milestones.${index}.dueDate`);
      }
      return {
        title: nfc(milestone.title) ?? "",
        dueDate: milestone.dueDate,
        doneOn: milestone.doneOn ?? null,
      };
    });
  }

  const pick = <K extends keyof repo.TaskChanges & keyof TaskRow>(key: K) =>
    (values[key] !== undefined ? values[key] : current?.[key]) as TaskRow[K] | undefined;
  const clearFields: TaskClearFields = {
    title: pick("title") ?? "",
    leadOrgId: leadId,
    supportOrgIds: supportIds ?? currentSupportIds,
    responsibleAccountId: pick("responsibleAccountId") ?? null,
    responsibleName: pick("responsibleName") ?? null,
    startDate,
    dueDate,
    schedule: pick("schedule") ?? "once",
    reportFrequency: pick("reportFrequency") ?? null,
    deliverable: pick("deliverable") ?? null,
    targetValue: pick("targetValue") ?? null,
    targetUnit: pick("targetUnit") ?? null,
  };
  return { values, lead, supports, milestones, clearFields };
}
