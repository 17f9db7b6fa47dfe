// The coverage view's choices live in the address: the organisation drilled into, the status shown
// and the page of targets. Reloading or sharing the address shows the same view; back goes up again.
import { type CascadeCoverage, type CoverageStatus, CoverageStatusSchema } from "@namro/contracts";

export interface CoverageSearch {
  orgId?: number;
  status?: CoverageStatus;
  page?: number;
}

/** A change to the search; undefined removes an entry. */
export type CoverageSearchPatch = { [K in keyof CoverageSearch]?: CoverageSearch[K] | undefined };

const STATUSES = new Set<string>(CoverageStatusSchema.options);

function positiveInteger(value: unknown): number | undefined {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

/** Keeps only well-formed values; anything else is dropped rather than sent to the server. */
export function validateCoverageSearch(search: Record<string, unknown>): CoverageSearch {
  const out: CoverageSearch = {};
  const orgId = positiveInteger(search.orgId);
  if (orgId) out.orgId = orgId;
  if (typeof search.status === "string" && STATUSES.has(search.status))
    out.status = search.status as CoverageStatus;
  const page = positiveInteger(search.page);
  if (page && page > 1) out.page = page;
  return out;
}

/**
 * The search after a change, without empty entries. Drilling to another organisation or choosing
 * another status starts again from the first page.
 */
export function applyCoveragePatch(search: CoverageSearch, patch: CoverageSearchPatch): CoverageSearch {
  const next: Record<string, unknown> = { ...search, ...patch };
  const movesView = ("orgId" in patch || "status" in patch) && !("page" in patch);
  if (movesView) delete next.page;
  if (next.page === 1) delete next.page;
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  return next as CoverageSearch;
}

export interface BreadcrumbStep {
  orgId: number;
  orgName: string;
  /** The organisation shown now (not a link). */
  current: boolean;
}

/** From the top of the person's view down to the organisation drilled into. */
export function coverageBreadcrumb(node: CascadeCoverage["node"]): BreadcrumbStep[] {
  return [
    ...node.ancestors.map((step) => ({ orgId: step.orgId, orgName: step.orgName, current: false })),
    { orgId: node.orgId, orgName: node.orgName, current: true },
  ];
}
