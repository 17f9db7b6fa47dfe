// The register's search and filters live in the address (shareable; the back button works), in the
// names the list route reads. Placeholders are shown unless the address says `placeholders=hide`.
import { type DocumentListQuery, type DocumentStatus, DocumentStatusSchema } from "@namro/contracts";

export interface DocumentsSearch {
  q?: string;
  type?: string;
  issuer?: string;
  year?: number;
  status?: DocumentStatus;
  orgId?: number;
  placeholders?: "hide";
  page?: number;
}

/** A change to the search; undefined removes an entry. */
export type DocumentsSearchPatch = { [K in keyof DocumentsSearch]?: DocumentsSearch[K] | undefined };

const STATUSES = new Set<string>(DocumentStatusSchema.options);
const CODE = /^[\p{L}\d]{1,20}$/u;

function text(value: unknown, max: number): string | undefined {
  // The router reads "2021" as a number; a typed query is still text.
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const trimmed = String(value).trim().slice(0, max);
  return trimmed === "" ? undefined : trimmed;
}

function positiveInteger(value: unknown): number | undefined {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

export function validateDocumentsSearch(search: Record<string, unknown>): DocumentsSearch {
  const out: DocumentsSearch = {};
  const q = text(search.q, 200);
  if (q) out.q = q;
  const type = text(search.type, 20);
  if (type && CODE.test(type)) out.type = type;
  const issuer = text(search.issuer, 20);
  if (issuer && CODE.test(issuer)) out.issuer = issuer;
  const year = positiveInteger(search.year);
  if (year && year >= 1930 && year <= 2100) out.year = year;
  if (typeof search.status === "string" && STATUSES.has(search.status))
    out.status = search.status as DocumentStatus;
  const orgId = positiveInteger(search.orgId);
  if (orgId) out.orgId = orgId;
  if (search.placeholders === "hide") out.placeholders = "hide";
  const page = positiveInteger(search.page);
  if (page && page > 1 && page <= 500) out.page = page;
  return out;
}

/** The search after a change, without empty entries (they would show in the address). */
export function applyDocumentsPatch(search: DocumentsSearch, patch: DocumentsSearchPatch): DocumentsSearch {
  const next: Record<string, unknown> = { ...search, ...patch };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  return next as DocumentsSearch;
}

/** What the list route is asked for this address. */
export function listQueryOf(search: DocumentsSearch, pageSize: number): DocumentListQuery {
  return {
    q: search.q,
    typeAbbreviation: search.type,
    issuerCode: search.issuer,
    year: search.year,
    status: search.status,
    orgId: search.orgId,
    includePlaceholders: search.placeholders === "hide" ? "false" : undefined,
    page: search.page,
    pageSize,
  };
}

/** Filters set besides the search text (shown on the button that opens them on phones). */
export function activeDocumentFilterCount(search: DocumentsSearch): number {
  const { q: _q, page: _page, ...filters } = search;
  return Object.values(filters).filter((value) => value !== undefined).length;
}

/** The tabs of a document's page; another feature adds its own key here with its tab. */
export const DOCUMENT_TAB_KEYS = ["info", "text", "relations", "graph", "cascades", "tasks"] as const;
export type DocumentTabKey = (typeof DOCUMENT_TAB_KEYS)[number];

export interface DocumentPageSearch {
  tab?: DocumentTabKey;
}

export function validateDocumentPageSearch(search: Record<string, unknown>): DocumentPageSearch {
  const tab = search.tab;
  return typeof tab === "string" && (DOCUMENT_TAB_KEYS as readonly string[]).includes(tab)
    ? { tab: tab as DocumentTabKey }
    : {};
}
