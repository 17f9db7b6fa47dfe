// The statistics page's choices live in the address (shareable, reload keeps them, back works).
import type { StatisticsPeriod } from "@namro/contracts";

export interface StatisticsSearch {
  orgId?: number;
  asOf?: string;
  period?: StatisticsPeriod;
  from?: string;
  to?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PERIODS = new Set<string>(["year", "quarter", "month"]);

/** Keeps only well-formed values; anything else is dropped rather than sent to the server. */
export function validateStatisticsSearch(search: Record<string, unknown>): StatisticsSearch {
  const out: StatisticsSearch = {};
  const orgId = Number(search.orgId);
  if (Number.isInteger(orgId) && orgId > 0) out.orgId = orgId;
  for (const key of ["asOf", "from", "to"] as const) {
    const value = search[key];
    if (typeof value === "string" && ISO_DATE.test(value)) out[key] = value;
  }
  if (typeof search.period === "string" && PERIODS.has(search.period)) {
    out.period = search.period as StatisticsPeriod;
  }
  return out;
}

/** The search after a change, without empty entries (they would show in the address). */
export function patchStatisticsSearch(
  search: StatisticsSearch,
  patch: { [K in keyof StatisticsSearch]?: StatisticsSearch[K] | undefined },
): StatisticsSearch {
  const next: Record<string, unknown> = { ...search, ...patch };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  return next as StatisticsSearch;
}
