// Where each reporting period of a task stands, for the task's report list: reported, returned for
// correction, still running, due (ended, the due day not passed) or late — the same lateness as the
// status rule (isReportLate): a missing report makes the task late only while no later period has been
// reported and the task is active and unfinished; otherwise a period left without a report is "missed".
import type { ReportPeriod } from "./task-periods.ts";
import type { TaskState } from "./task-status.ts";

export type ReportPeriodState = "reported" | "returned" | "open" | "due" | "late" | "missed";

export interface ReportPeriodTaskFacts {
  state: TaskState;
  completedOn: string | null;
  lastReportedPeriodEnd: string | null;
}

export interface ReportPeriodStanding {
  state: ReportPeriodState;
  /** Past its due day without a counting report while the task is late for it. */
  late: boolean;
}

export function reportPeriodStanding(
  period: ReportPeriod,
  reportStatus: "submitted" | "returned" | "accepted" | null,
  task: ReportPeriodTaskFacts,
  today: string,
): ReportPeriodStanding {
  const pastDue = today > period.dueOn;
  const late =
    reportStatus !== "submitted" &&
    reportStatus !== "accepted" &&
    pastDue &&
    task.state === "active" &&
    task.completedOn === null &&
    (task.lastReportedPeriodEnd === null || task.lastReportedPeriodEnd < period.end);
  if (reportStatus === "submitted" || reportStatus === "accepted") return { state: "reported", late: false };
  if (reportStatus === "returned") return { state: "returned", late };
  if (today <= period.end) return { state: "open", late: false };
  if (!pastDue) return { state: "due", late: false };
  return { state: late ? "late" : "missed", late };
}
