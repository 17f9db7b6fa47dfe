// Which period the "report progress" button opens first: the most pressing one the person can act on.
import type { TaskReportPeriod } from "@namro/contracts";
import { periodAction } from "./report-form.ts";

const URGENCY = ["returned", "late", "due", "open", "missed"] as const;

/** The period to open first (a returned report, then late, due, running, missed), or null. */
export function firstActionablePeriod(
  periods: readonly TaskReportPeriod[],
  canReport: boolean,
): TaskReportPeriod | null {
  const actionable = periods.filter((period) => periodAction(period, canReport) !== null);
  for (const state of URGENCY) {
    // Among late periods the oldest first: reports are caught up in order.
    const matching = actionable.filter((period) => period.state === state);
    const pick = state === "late" ? matching.at(-1) : matching[0];
    if (pick) return pick;
  }
  return null;
}
