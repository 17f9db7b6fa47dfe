// The dashboard's and the roll-up's choices live in the address: the organisation (drilled into), one
// plan or one directive, and a period. Reloading or sharing the address shows the same figures; back
// goes up the tree again.

export interface RollupSearch {
  orgId?: number;
  planId?: number;
  directiveId?: number;
  from?: string;
  to?: string;
}

/** A change to the search; undefined removes an entry. */
export type RollupSearchPatch = { [K in keyof RollupSearch]?: RollupSearch[K] | undefined };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function positiveInteger(value: unknown): number | undefined {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

function isoDate(value: unknown): string | undefined {
  if (typeof value !== "string" || !ISO_DATE.test(value)) return undefined;
  // 2026-02-31 has the shape of a date but is none.
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value) ? value : undefined;
}

/**
 * Keeps only well-formed values; anything else is dropped rather than sent to the server. A plan and
 * a directive exclude each other (the plan wins); a period whose end is before its start is dropped.
 */
export function validateRollupSearch(search: Record<string, unknown>): RollupSearch {
  const out: RollupSearch = {};
  const orgId = positiveInteger(search.orgId);
  if (orgId) out.orgId = orgId;
  const planId = positiveInteger(search.planId);
  const directiveId = positiveInteger(search.directiveId);
  if (planId) out.planId = planId;
  else if (directiveId) out.directiveId = directiveId;
  const from = isoDate(search.from);
  const to = isoDate(search.to);
  if (!(from && to && to < from)) {
    if (from) out.from = from;
    if (to) out.to = to;
  }
  return out;
}

/** The search after a change, without empty entries; choosing a plan drops the directive and back. */
export function applyRollupPatch(search: RollupSearch, patch: RollupSearchPatch): RollupSearch {
  const next: Record<string, unknown> = { ...search, ...patch };
  if (patch.planId !== undefined) delete next.directiveId;
  if (patch.directiveId !== undefined) delete next.planId;
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  return next as RollupSearch;
}

/** Whether the figures are narrowed beyond the organisation (a plan, a directive or a period). */
export function isNarrowed(search: RollupSearch): boolean {
  return (
    search.planId !== undefined ||
    search.directiveId !== undefined ||
    search.from !== undefined ||
    search.to !== undefined
  );
}

/**
 * The organisation of the figures shown, for a link or an export: none for a reader's whole scope over
 * several top organisations (the server answers with the first of them as `orgId`, and sending it
 * would narrow the link or the workbook to that one).
 */
export function scopeOrgSearch(scope: { orgId: number; wholeScope: boolean }): { orgId?: number } {
  return scope.wholeScope ? {} : { orgId: scope.orgId };
}

/** The export's query: the choices on screen and the organisation shown (which names the file). */
export function rollupExportQuery(
  search: RollupSearch,
  scope: { orgId: number; wholeScope: boolean } | undefined,
): RollupSearch {
  const { orgId: _chosen, ...rest } = search;
  return scope ? { ...rest, ...scopeOrgSearch(scope) } : search;
}
