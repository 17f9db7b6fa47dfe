// How a target's standing reads: its status tag, and the days that matter for it — late by how many
// days, overdue by how many, or how many days are left before the deadline.
import type { CoverageStatus, CoverageTarget, CoverageTotals } from "@namro/contracts";

export const COVERAGE_STATUSES: readonly CoverageStatus[] = ["missing", "late", "on_time"];

export const STATUS_COLORS: Record<CoverageStatus, string> = {
  on_time: "green",
  late: "orange",
  missing: "red",
};

/** Whole days from one ISO calendar date to another (negative when `to` is earlier). */
export function daysBetween(fromIso: string, toIso: string): number {
  const day = (iso: string) => {
    const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
    return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) / 86_400_000;
  };
  return Math.round(day(toIso) - day(fromIso));
}

/** A catalogue key under documentCoverage.timeliness and its count. */
export interface Timeliness {
  key: "onTime" | "late" | "lateUndisclosed" | "overdue" | "dueToday" | "dueIn";
  days: number;
}

export function timelinessOf(
  target: Pick<CoverageTarget, "status" | "daysLate" | "daysOverdue">,
  deadline: string,
  today: string,
): Timeliness {
  if (target.status === "on_time") return { key: "onTime", days: 0 };
  if (target.status === "late") {
    // The server withholds the days of a plan the reader may not see (they would give its date).
    return target.daysLate === null
      ? { key: "lateUndisclosed", days: 0 }
      : { key: "late", days: target.daysLate };
  }
  if (target.daysOverdue !== null && target.daysOverdue > 0)
    return { key: "overdue", days: target.daysOverdue };
  const left = daysBetween(today, deadline);
  // The server counts overdue from "today in Vietnam"; the same day here is never in the past.
  return left <= 0 ? { key: "dueToday", days: 0 } : { key: "dueIn", days: left };
}

/** Whether a target can still be reminded: it has not issued its implementing document. */
export function isRemindable(target: Pick<CoverageTarget, "status" | "orgActive">): boolean {
  return target.status === "missing" && target.orgActive;
}

export interface TotalsSlice {
  key: "onTime" | "late" | "missingInTime" | "overdue";
  count: number;
}

/**
 * The totals as parts of one whole, for the chart: on time, late, missing before the deadline and
 * overdue (overdue targets are a part of the missing ones, so they are taken out of them here).
 */
export function totalsSlices(totals: CoverageTotals): TotalsSlice[] {
  return [
    { key: "onTime", count: totals.onTime },
    { key: "late", count: totals.late },
    { key: "missingInTime", count: Math.max(0, totals.missing - totals.overdue) },
    { key: "overdue", count: totals.overdue },
  ];
}

/** The share issued, in whole percent (0 when there are no targets). */
export function issuedPercent(totals: Pick<CoverageTotals, "issued" | "targets">): number {
  return totals.targets === 0 ? 0 : Math.round((totals.issued / totals.targets) * 100);
}
