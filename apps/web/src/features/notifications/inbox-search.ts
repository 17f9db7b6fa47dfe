// The inbox's choices in the address: unread only, and the page.
export interface InboxSearch {
  unread?: true;
  page?: number;
}

export function validateInboxSearch(search: Record<string, unknown>): InboxSearch {
  const out: InboxSearch = {};
  if (search.unread === true || search.unread === "true") out.unread = true;
  const page = Number(search.page);
  if (Number.isInteger(page) && page > 1 && page <= 1000) out.page = page;
  return out;
}
