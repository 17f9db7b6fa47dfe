// The members list's filters live in the address (shareable, and the back button works). Values are
// kept as the API reads them: lists comma-separated, dates ISO.
import type { ListMembersQuery } from "@namro/contracts";

export interface MembersSearch {
  q?: string;
  orgId?: number;
  status?: string;
  sex?: "male" | "female";
  ageBand?: string;
  ethnicity?: string;
  religion?: string;
  educationProfessional?: string;
  theoryLevel?: string;
  postType?: string;
  asOf?: string;
  sort?: ListMembersQuery["sort"];
  page?: number;
}

/** A change to the filters; undefined removes a filter. */
export type SearchPatch = { [K in keyof MembersSearch]?: MembersSearch[K] | undefined };

/** The search after a change, without empty entries (they would show in the address). */
export function applyPatch(search: MembersSearch, patch: SearchPatch): MembersSearch {
  const next: Record<string, unknown> = { ...search, ...patch };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  return next as MembersSearch;
}

const SORTS = new Set(["name", "-name", "birthDate", "-birthDate", "admittedOn", "-admittedOn"]);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TEXT_KEYS = [
  "q",
  "status",
  "ageBand",
  "ethnicity",
  "religion",
  "educationProfessional",
  "theoryLevel",
  "postType",
] as const;

export function validateMembersSearch(search: Record<string, unknown>): MembersSearch {
  const out: MembersSearch = {};
  for (const key of TEXT_KEYS) {
    const value = search[key];
    // The router reads "123456" as a number; a card number typed in the box is still text.
    if (typeof value === "string" || typeof value === "number") {
      const text = String(value).slice(0, 200);
      if (text.trim() !== "") out[key] = text;
    }
  }
  const orgId = Number(search.orgId);
  if (Number.isInteger(orgId) && orgId > 0) out.orgId = orgId;
  if (search.sex === "male" || search.sex === "female") out.sex = search.sex;
  if (typeof search.asOf === "string" && ISO_DATE.test(search.asOf)) out.asOf = search.asOf;
  if (typeof search.sort === "string" && SORTS.has(search.sort))
    out.sort = search.sort as ListMembersQuery["sort"];
  const page = Number(search.page);
  if (Number.isInteger(page) && page > 1) out.page = page;
  return out;
}

/** The filters part (no sort or page), as the list, the export and the statistics read them. */
export function filtersOf(search: MembersSearch): Omit<MembersSearch, "sort" | "page"> {
  const { sort: _sort, page: _page, ...filters } = search;
  return filters;
}

export function splitList(value: string | undefined): string[] {
  return value ? value.split(",").filter((item) => item !== "") : [];
}

export function joinList(values: readonly string[]): string | undefined {
  return values.length > 0 ? values.join(",") : undefined;
}

/** How many filters are set (shown on the button that opens them on phones). */
export function activeFilterCount(search: MembersSearch): number {
  return Object.entries(filtersOf(search)).filter(([key, value]) => key !== "q" && value !== undefined)
    .length;
}
