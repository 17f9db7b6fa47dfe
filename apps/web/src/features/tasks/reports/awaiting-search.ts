// The "reports awaiting review" page's choices in the address: the organisation and the page.
export interface AwaitingSearch {
  orgId?: number;
  page?: number;
}

function positiveInteger(value: unknown): number | undefined {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

export function validateAwaitingSearch(search: Record<string, unknown>): AwaitingSearch {
  const out: AwaitingSearch = {};
  const orgId = positiveInteger(search.orgId);
  if (orgId) out.orgId = orgId;
  const page = positiveInteger(search.page);
  if (page && page > 1) out.page = page;
  return out;
}
