// Cascading a task: each organisation selected below its lead unit gets a child task it leads (and
// may split further), assigned by the lead (the child's owner). The children copy the title,
// description, deliverable, unit, schedule, report frequency and dates (the due date may be given);
// nobody is named responsible yet, so each is flagged as lacking a clear person until its lead names
// one. A numeric target is carried whole to each child (mode "none": a share such as 100% of cells),
// divided equally, or divided as given — what is divided is the target less what earlier children
// already hold, and the parts must add up to it exactly. Organisations already holding a child of the
// task are skipped. One transaction, multi-row inserts, one audit row with the count.
import {
  CASCADE_TARGET_LIMIT,
  type CascadeSelection,
  type Locale,
  type TargetDivision,
} from "@namro/contracts";
import {
  checkExplicitDivision,
  checkTaskClears,
  divideTargetEqually,
  missingClearKeys,
  type TargetDivisionProblem,
} from "@namro/domain";
import type { NewTask, TaskRow } from "../../db/schema.ts";
import { type AuditContext, recordAudit } from "../../platform/audit/audit-writer.ts";
import type { Actor } from "../../platform/auth/actor.ts";
import { expandOrgSelection } from "../../platform/auth/org-selection.ts";
import { AppError, type FieldIssue } from "../../platform/errors.ts";
import type { ServiceDeps } from "../../platform/service-deps.ts";
import { effectiveClearSet } from "./tasks.clear-sets.ts";
import { checkSplittable } from "./tasks.parent.ts";
import { mayCascadeTask } from "./tasks.policy.ts";
import { lockTaskPaths, refreshTaskProgress } from "./tasks.reports.progress.ts";
import * as repo from "./tasks.repository.ts";
import { taskScopeOf } from "./tasks.visibility.ts";

export interface TaskCascadeInput {
  version: number;
  selection: CascadeSelection;
  division: TargetDivision;
  dueDate?: string | null | undefined;
}

export interface CascadeResult {
  created: number;
  skipped: number;
}

export interface CascadePreview {
  orgs: { id: number; name: string; targetValue: number | null }[];
  alreadyAssigned: number;
}

interface Plan {
  task: TaskRow;
  leadPath: string;
  targets: repo.TaskOrgRow[];
  parts: Map<number, number> | null;
  skipped: number;
}

function formatAmount(value: number, locale: Locale): string {
  return value.toLocaleString(locale === "en" ? "en-GB" : "vi-VN", { maximumFractionDigits: 2 });
}

/** Why a division does not add up, in the actor's words, naming the difference. */
function divisionIssue(
  problem: TargetDivisionProblem,
  total: number,
  unit: string,
  locale: Locale,
): FieldIssue {
  const vi = locale !== "en";
  const amount = (value: number) => `${formatAmount(value, locale)}${unit ? ` ${unit}` : ""}`;
  switch (problem.kind) {
    case "sum": {
      const more = problem.difference > 0;
      const diff = amount(Math.abs(problem.difference));
      return {
        path: "body.division.parts",
        message: vi
          ? `Tổng các phần ${more ? "thừa" : "thiếu"} ${diff} so với chỉ tiêu cần chia (${amount(total)}).`
          : `The parts add up to ${diff} ${more ? "more" : "less"} than the target to divide (${amount(total)}).`,
      };
    }
    case "unknown_org":
      return {
        path: `body.division.parts.${problem.index}.orgId`,
        message: vi
          ? "Tổ chức này không nằm trong danh sách được giao lần này."
          : "This organisation is not among those assigned now.",
      };
    case "duplicate_org":
      return {
        path: `body.division.parts.${problem.index}.orgId`,
        message: vi
          ? "Tổ chức này đã có phần chỉ tiêu ở trên."
          : "This organisation already has a part above.",
      };
    case "missing_org":
      return {
        path: "body.division.parts",
        message: vi
          ? `Chưa chia chỉ tiêu cho một tổ chức được giao (mã ${problem.orgId}).`
          : `An organisation assigned has no part of the target (id ${problem.orgId}).`,
      };
  }
}

async function planCascade(
  executor: repo.Executor,
  actor: Actor,
  id: number,
  input: TaskCascadeInput,
  forPreview: boolean,
): Promise<Plan> {
  const task = await repo.findVisibleRow(executor, id, taskScopeOf(actor), !forPreview);
  if (!task) throw new AppError("TASK_NOT_FOUND");
  const leadPath = task.leadOrgId === null ? null : task.orgPath;
  const paths = { ownerPath: task.ownerPath, leadPath, responsibleAccountId: task.responsibleAccountId };
  if (leadPath === null) throw new AppError("TASK_CASCADE_NO_LEAD");
  if (!mayCascadeTask(actor, paths)) throw new AppError("ACCESS_DENIED");
  if (!forPreview && task.version !== input.version) throw new AppError("TASK_VERSION_CONFLICT");
  if (task.state === "cancelled") throw new AppError("TASK_CANCELLED");
  const dueDate = input.dueDate !== undefined ? input.dueDate : task.dueDate;
  if (dueDate !== null && task.startDate !== null && dueDate < task.startDate) {
    throw new AppError("TASK_DATE_ORDER", { issues: [{ path: "body.dueDate", message: "TASK_DATE_ORDER" }] });
  }
  // The children answer to the task: their deadline cannot fall after its own.
  if (dueDate !== null && task.dueDate !== null && dueDate > task.dueDate) {
    throw new AppError("TASK_CASCADE_DUE_AFTER_PARENT", {
      issues: [{ path: "body.dueDate", message: "TASK_CASCADE_DUE_AFTER_PARENT" }],
    });
  }
  await checkSplittable(executor, task);
  let selected: number[];
  try {
    selected = await expandOrgSelection(executor, actor, leadPath, input.selection, {
      permission: "task.manage",
      limit: CASCADE_TARGET_LIMIT,
      codes: {
        outsideScope: "TASK_CASCADE_TARGET_OUTSIDE_SCOPE",
        typeUnknown: "TASK_CASCADE_TYPE_UNKNOWN",
        noTargets: "TASK_CASCADE_NO_TARGETS",
        tooMany: "TASK_CASCADE_TOO_MANY_TARGETS",
      },
    });
  } catch (error) {
    // Types that find no organisation are an answer in a preview, not a refusal.
    if (forPreview && error instanceof AppError && error.code === "TASK_CASCADE_NO_TARGETS") selected = [];
    else throw error;
  }
  const children = await executor
    .selectFrom("tasks")
    .select(["leadOrgId", "targetValue"])
    .where("parentId", "=", id)
    .execute();
  const assigned = new Set(children.map((child) => child.leadOrgId));
  const targetIds = selected.filter((orgId) => !assigned.has(orgId));
  const orgs = new Map((await repo.findOrgs(executor, targetIds)).map((org) => [org.id, org]));
  const targets = targetIds.flatMap((orgId) => {
    const org = orgs.get(orgId);
    return org ? [org] : [];
  });

  let parts: Map<number, number> | null = null;
  if (input.division.mode !== "none") {
    if (task.targetValue === null) {
      throw new AppError("TASK_TARGET_DIVISION_NO_TARGET", {
        issues: [{ path: "body.division.mode", message: "TASK_TARGET_DIVISION_NO_TARGET" }],
      });
    }
    const held = children.reduce((sum, child) => sum + Math.round((child.targetValue ?? 0) * 100), 0);
    const remaining = Math.max(0, Math.round(task.targetValue * 100) - held) / 100;
    if (input.division.mode === "equal") {
      parts = divideTargetEqually(remaining, targetIds);
    } else {
      const checked = checkExplicitDivision(remaining, targetIds, input.division.parts);
      if (!checked.ok) {
        const issues = checked.problems.map((problem) =>
          divisionIssue(problem, remaining, task.targetUnit ?? "", actor.locale),
        );
        throw new AppError("TASK_TARGET_DIVISION", { issues });
      }
      parts = checked.parts;
    }
  }
  return {
    task: { ...task, dueDate },
    leadPath,
    targets,
    parts,
    skipped: selected.length - targetIds.length,
  };
}

export async function previewCascade(
  deps: ServiceDeps,
  actor: Actor,
  id: number,
  input: TaskCascadeInput,
): Promise<CascadePreview> {
  const plan = await planCascade(deps.db, actor, id, input, true);
  return {
    orgs: plan.targets.map((org) => ({
      id: org.id,
      name: org.name,
      targetValue: plan.parts ? (plan.parts.get(org.id) ?? null) : plan.task.targetValue,
    })),
    alreadyAssigned: plan.skipped,
  };
}

export async function cascadeTask(
  deps: ServiceDeps,
  actor: Actor,
  id: number,
  input: TaskCascadeInput,
  audit: AuditContext,
): Promise<CascadeResult> {
  return deps.db.transaction().execute(async (trx) => {
    // The task's path first, in the order reports lock it (see lockTaskPaths).
    await lockTaskPaths(trx, [id]);
    const plan = await planCascade(trx, actor, id, input, false);
    const { task, leadPath, targets, parts } = plan;
    const leadOrgId = task.leadOrgId as number;
    const now = deps.clock.now();
    if (targets.length > 0) {
      // The children's owner is the task's lead: its clear-set grades them.
      const clearSet = await effectiveClearSet(trx, leadPath);
      const ids = await repo.reserveIds(trx, targets.length);
      const rows: NewTask[] = targets.map((org, index) => {
        const childId = ids[index] as number;
        const targetValue = parts ? (parts.get(org.id) ?? 0) : task.targetValue;
        const missing = missingClearKeys(
          checkTaskClears(
            {
              title: task.title,
              leadOrgId: org.id,
              responsibleAccountId: null,
              responsibleName: null,
              startDate: task.startDate,
              dueDate: task.dueDate,
              schedule: task.schedule,
              reportFrequency: task.reportFrequency,
              deliverable: task.deliverable,
              targetValue,
              targetUnit: task.targetUnit,
            },
            clearSet.clears,
          ),
        );
        return {
          id: childId,
          kind: task.kind,
          planDocumentId: task.planDocumentId,
          parentId: task.id,
          treePath: `${task.treePath}.${childId}`,
          ownerOrgId: leadOrgId,
          ownerPath: leadPath,
          leadOrgId: org.id,
          orgPath: org.path,
          title: task.title,
          description: task.description,
          searchKey: task.searchKey,
          startDate: task.startDate,
          dueDate: task.dueDate,
          schedule: task.schedule,
          reportFrequency: task.reportFrequency,
          deliverable: task.deliverable,
          targetValue,
          targetUnit: task.targetUnit,
          weight: task.weight,
          missingClears: missing,
          createdBy: actor.accountId,
          createdAt: now,
          updatedAt: now,
        };
      });
      await repo.insertTasks(trx, rows);
    }
    // The version moves even when nothing was created, so a second cascade from the same read conflicts.
    await repo.updateTask(trx, task.id, targets.length > 0 ? { hasChildren: true } : {}, now);
    // The task now counts through its children.
    if (targets.length > 0) await refreshTaskProgress(trx, task.id);
    await recordAudit(
      trx,
      audit,
      {
        action: "task.cascade",
        entityType: "task",
        entityId: task.id,
        orgId: leadOrgId,
        after: {
          selection: input.selection,
          division: input.division.mode,
          dueDate: task.dueDate,
          created: targets.length,
          skipped: plan.skipped,
          orgIds: targets.map((org) => org.id),
        },
      },
      now,
    );
    return { created: targets.length, skipped: plan.skipped };
  });
}
