// The rules of the report form that can be checked before anything is sent: which periods take a
// report, what the request says, and whether an evidence file can be accepted at all (too large or of
// a kind the server refuses: said at once, instead of after a long upload on a slow line).
import {
  type SubmitTaskReportInput,
  TASK_REPORT_FILE_EXTENSIONS,
  TASK_REPORT_FILE_MAX_BYTES,
  type TaskReportPeriod,
} from "@namro/contracts";

/** What the person chooses to do with a period. */
export type PeriodAction = "report" | "resubmit" | null;

/** A period without a report takes one; a returned one is corrected and sent again. */
export function periodAction(period: TaskReportPeriod, canReport: boolean): PeriodAction {
  if (!canReport) return null;
  if (period.report === null) return "report";
  return period.report.status === "returned" && period.report.canEdit ? "resubmit" : null;
}

export interface ReportFormValues {
  periodKey: string;
  percent: number;
  actualValue?: number | null | undefined;
  narrative?: string | undefined;
  /** ISO date; kept only at 100%. */
  completedOn?: string | null | undefined;
}

/** The request: the completion date only at 100%, the version only when sending a returned report again. */
export function submitBodyOf(
  values: ReportFormValues,
  returnedVersion: number | null,
): SubmitTaskReportInput {
  const done = values.percent === 100;
  return {
    periodKey: values.periodKey,
    percent: values.percent,
    actualValue: values.actualValue ?? null,
    narrative: values.narrative?.trim() ?? "",
    completedOn: done ? (values.completedOn ?? null) : null,
    ...(returnedVersion !== null ? { version: returnedVersion } : {}),
  };
}

export type EvidenceProblem = "tooLarge" | "unsupported" | "empty";

/** Why a chosen file cannot be evidence, or null when it can be sent. */
export function evidenceProblem(file: { name: string; size: number }): EvidenceProblem | null {
  const name = file.name.toLowerCase();
  if (!TASK_REPORT_FILE_EXTENSIONS.some((extension) => name.endsWith(extension))) return "unsupported";
  if (file.size === 0) return "empty";
  if (file.size > TASK_REPORT_FILE_MAX_BYTES) return "tooLarge";
  return null;
}

/** The `accept` attribute of the file chooser. */
export const EVIDENCE_ACCEPT = TASK_REPORT_FILE_EXTENSIONS.join(",");

/** Days from `today` to `day` (negative: past). Both ISO dates. */
export function daysBetween(today: string, day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}
