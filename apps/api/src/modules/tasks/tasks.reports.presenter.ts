// Report rows → DTOs, field by field.
import type { AwaitingTaskReport, TaskReport, TaskReportFile } from "@namro/contracts";
import type { AwaitingReportRow, TaskReportFileRow, TaskReportRow } from "./tasks.reports.repository.ts";

const iso = (date: Date | string) => new Date(date).toISOString();
const numberOrNull = (value: number | null) => (value === null ? null : Number(value));

export function presentReportFile(row: TaskReportFileRow): TaskReportFile {
  return {
    id: row.id,
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    createdAt: iso(row.createdAt),
    createdByName: row.createdByName,
  };
}

export interface ReportPermissions {
  /** The actor may report the task (lead unit or responsible person). */
  mayReport: boolean;
  /** The actor manages the assigning organisation. */
  mayReview: boolean;
}

export function presentReport(
  row: TaskReportRow,
  files: readonly TaskReportFileRow[],
  permissions: ReportPermissions,
): TaskReport {
  return {
    id: row.id,
    taskId: row.taskId,
    periodKey: row.periodKey,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    percent: Number(row.percent),
    actualValue: numberOrNull(row.actualValue),
    narrative: row.narrative,
    completedOn: row.completedOn,
    status: row.status,
    returnReason: row.returnReason,
    submittedAt: iso(row.submittedAt),
    submittedByName: row.submittedByName,
    reviewedAt: row.reviewedAt === null ? null : iso(row.reviewedAt),
    reviewedByName: row.reviewedByName,
    version: row.version,
    files: files.filter((file) => file.reportId === row.id).map(presentReportFile),
    canEdit: permissions.mayReport && row.status !== "accepted",
    canReview: permissions.mayReview && row.status === "submitted",
  };
}

export function presentAwaitingReport(row: AwaitingReportRow): AwaitingTaskReport {
  return {
    id: row.id,
    periodKey: row.periodKey,
    periodEnd: row.periodEnd,
    percent: Number(row.percent),
    actualValue: numberOrNull(row.actualValue),
    completedOn: row.completedOn,
    submittedAt: iso(row.submittedAt),
    submittedByName: row.submittedByName,
    fileCount: row.fileCount,
    version: row.version,
    task: {
      id: row.taskId,
      title: row.taskTitle,
      ownerOrg: { id: row.ownerOrgId, name: row.ownerOrgName },
      leadOrg: row.leadOrgId === null ? null : { id: row.leadOrgId, name: row.leadOrgName ?? "" },
      dueDate: row.dueDate,
      targetValue: numberOrNull(row.targetValue),
      targetUnit: row.targetUnit,
    },
  };
}
