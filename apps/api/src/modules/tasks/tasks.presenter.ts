// Rows of tasks → DTOs, field by field. The summary is shared by every list of tasks; build it with
// summaryQuery and this function.
import type { TaskClear, TaskDetail, TaskMilestone, TaskSummary } from "@namro/contracts";
import { daysUntilDue } from "@namro/domain";
import type { TaskDetailRow, TaskSummaryRow } from "./tasks.repository.ts";

export function presentTaskSummary(row: TaskSummaryRow, today: string): TaskSummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    // A task's reader learns which plan it serves; a confidential plan's subject stays with the register.
    plan:
      row.planDocumentId === null
        ? null
        : {
            id: row.planDocumentId,
            symbol: row.planSymbol,
            subject: row.planConfidentiality === "normal" ? (row.planSubject ?? "") : "",
          },
    parentId: row.parentId,
    ownerOrg: { id: row.ownerOrgId, name: row.ownerOrgName },
    leadOrg: row.leadOrgId === null ? null : { id: row.leadOrgId, name: row.leadOrgName ?? "" },
    responsible: row.responsibleAccountName ?? row.responsibleName ?? null,
    startDate: row.startDate,
    dueDate: row.dueDate,
    schedule: row.schedule,
    status: row.status,
    progressPercent: row.progressPercent,
    targetValue: row.targetValue,
    targetUnit: row.targetUnit,
    actualValue: row.actualValue,
    completedOn: row.completedOn,
    daysUntilDue: row.completedOn === null ? daysUntilDue(row.dueDate, today) : null,
    reportLate: row.reportLate,
    missingClears: row.missingClears,
    hasChildren: row.hasChildren,
  };
}

export interface TaskDetailExtras {
  supportOrgs: { id: number; name: string }[];
  milestones: TaskMilestone[];
  clears: TaskClear[];
  parent: { id: number; title: string; ownerOrgName: string } | null;
  childCount: number;
  childTargetsTotal: number | null;
  can: { edit: boolean; cascade: boolean; report: boolean; review: boolean };
}

export function presentTaskDetail(row: TaskDetailRow, extras: TaskDetailExtras, today: string): TaskDetail {
  return {
    ...presentTaskSummary(row, today),
    description: row.description,
    supportOrgs: extras.supportOrgs,
    responsibleAccount:
      row.responsibleAccountId === null
        ? null
        : { id: row.responsibleAccountId, displayName: row.responsibleAccountName ?? "" },
    responsibleName: row.responsibleName,
    reportFrequency: row.reportFrequency,
    deliverable: row.deliverable,
    weight: row.weight,
    state: row.state,
    stateReason: row.stateReason,
    milestones: extras.milestones,
    clears: extras.clears,
    parent: extras.parent,
    childCount: extras.childCount,
    childTargetsTotal: extras.childCount > 0 ? extras.childTargetsTotal : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdByName,
    canEdit: extras.can.edit,
    canCascade: extras.can.cascade,
    canReport: extras.can.report,
    canReview: extras.can.review,
  };
}
