// The plan checker's address: `?document=<id>` checks a registered plan's text and creates its tasks in
// that plan.
export interface PlanCheckerSearch {
  document?: number;
}

export function validatePlanCheckerSearch(search: Record<string, unknown>): PlanCheckerSearch {
  const id = Number(search.document);
  return Number.isInteger(id) && id > 0 ? { document: id } : {};
}
