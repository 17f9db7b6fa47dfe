// The task list's search and filters live in the address (shareable; the back button works), in the
// names the list route reads.
import { type TaskListQuery, TaskStatusSchema, type TaskStatusValue } from "@namro/contracts";

export interface TasksSearch {
  q?: string;
  orgId?: number;
  plan?: number;
  status?: TaskStatusValue;
  /** Only tasks lacking a clear. */
  missing?: true;
  /** Only the person's own tasks. */
  mine?: true;
  dueFrom?: string;
  dueTo?: string;
  order?: "recent" | "title";
  page?: number;
}

export type TasksSearchPatch = { [K in keyof TasksSearch]?: TasksSearch[K] | undefined };

const STATUSES = new Set<string>(TaskStatusSchema.options);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function positiveInteger(value: unknown): number | undefined {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

function flag(value: unknown): true | undefined {
  return value === true || value === "1" || value === 1 || value === "true" ? true : undefined;
}

export function validateTasksSearch(search: Record<string, unknown>): TasksSearch {
  const out: TasksSearch = {};
  if (typeof search.q === "string" || typeof search.q === "number") {
    const q = String(search.q).trim().slice(0, 200);
    if (q) out.q = q;
  }
  const orgId = positiveInteger(search.orgId);
  if (orgId) out.orgId = orgId;
  const plan = positiveInteger(search.plan);
  if (plan) out.plan = plan;
  if (typeof search.status === "string" && STATUSES.has(search.status))
    out.status = search.status as TaskStatusValue;
  if (flag(search.missing)) out.missing = true;
  if (flag(search.mine)) out.mine = true;
  if (typeof search.dueFrom === "string" && ISO_DATE.test(search.dueFrom)) out.dueFrom = search.dueFrom;
  if (typeof search.dueTo === "string" && ISO_DATE.test(search.dueTo)) out.dueTo = search.dueTo;
  if (search.order === "recent" || search.order === "title") out.order = search.order;
  const page = positiveInteger(search.page);
  if (page && page > 1 && page <= 1000) out.page = page;
  return out;
}

/** The search after a change, without empty entries (they would show in the address). */
export function applyTasksPatch(search: TasksSearch, patch: TasksSearchPatch): TasksSearch {
  const next: Record<string, unknown> = { ...search, ...patch };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  return next as TasksSearch;
}

/** What the list route is asked for this address. */
export function taskListQueryOf(search: TasksSearch, pageSize: number): TaskListQuery {
  return {
    q: search.q,
    orgId: search.orgId,
    planDocumentId: search.plan,
    status: search.status,
    missingClears: search.missing ? "true" : undefined,
    mine: search.mine ? "true" : undefined,
    dueFrom: search.dueFrom,
    dueTo: search.dueTo,
    sort: search.order ?? "due",
    page: search.page,
    pageSize,
  };
}

/** Filters set besides the search text (shown on the button that opens them on phones). */
export function activeTaskFilterCount(search: TasksSearch): number {
  const { q: _q, page: _page, order: _order, ...filters } = search;
  return Object.values(filters).filter((value) => value !== undefined).length;
}

/** The tabs of a task's page; the progress reports feature adds its own key with its tab. */
export const TASK_TAB_KEYS = ["overview", "children", "reports"] as const;
export type TaskTabKey = (typeof TASK_TAB_KEYS)[number];

export interface TaskPageSearch {
  tab?: TaskTabKey;
}

export function validateTaskPageSearch(search: Record<string, unknown>): TaskPageSearch {
  const tab = search.tab;
  return typeof tab === "string" && (TASK_TAB_KEYS as readonly string[]).includes(tab)
    ? { tab: tab as TaskTabKey }
    : {};
}

export interface NewTaskSearch {
  plan?: number;
  parent?: number;
  ownerOrgId?: number;
}

export function validateNewTaskSearch(search: Record<string, unknown>): NewTaskSearch {
  const out: NewTaskSearch = {};
  const plan = positiveInteger(search.plan);
  if (plan) out.plan = plan;
  const parent = positiveInteger(search.parent);
  if (parent) out.parent = parent;
  const ownerOrgId = positiveInteger(search.ownerOrgId);
  if (ownerOrgId) out.ownerOrgId = ownerOrgId;
  return out;
}
