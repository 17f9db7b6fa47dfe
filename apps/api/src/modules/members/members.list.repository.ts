// SQL for the member list: the shared filter, a sort that rides an index, a page, and a total counted
// exactly up to a cap, so a province-wide list does not count millions of rows on every page.
import type { ListMembersQuery, MemberStatus } from "@namro/contracts";
import { sql } from "kysely";
import {
  type Executor,
  type MemberFilterOptions,
  type MemberFilterPlan,
  nameSearchKey,
  nameStartsPattern,
  selectFilteredMembers,
} from "./members.filter.repository.ts";
import { givenNameFirstPage } from "./members.given-name-search.ts";

/** Totals above this are reported as "more than" (MemberPage.totalCapped). */
export const MEMBER_COUNT_CAP = 10_000;

export interface MemberListRow {
  id: number;
  fullName: string;
  sex: "male" | "female";
  birthDate: string;
  cardNumber: string | null;
  citizenId: string | null;
  orgId: number;
  orgName: string;
  orgPath: string;
  status: MemberStatus;
  activity: "regular" | "temporary" | "exempt";
  admittedOn: string;
  fullMemberOn: string | null;
}

const LIST_COLUMNS = [
  "m.id",
  "m.fullName",
  "m.sex",
  "m.birthDate",
  "m.cardNumber",
  "m.citizenId",
  "o.id as orgId",
  "o.name as orgName",
  "o.path as orgPath",
  "m.status",
  "m.activity",
  "m.admittedOn",
  "m.fullMemberOn",
  "m.sortKey",
] as const;

/**
 * Name searches count up to this many: past it the answer is "more than 1,000", and the user adds a
 * word or a filter rather than paging. Counting further means reading every one of a common name's
 * tens of thousands of matches on each keystroke.
 */
export const MEMBER_NAME_COUNT_CAP = 1_000;

/**
 * A name expected to match more members than this (over the whole country) is found by walking the
 * name-ordered index and stopping at the cap, not through the name index: the walk reads about
 * cap / share rows, the name index every match, and the two cost the same near 1.5% of 5.6 million.
 */
const BROAD_NAME_MATCHES = 50_000;

/** The same for a scope of whole trees short of the country (a province): see planNameSearch. */
const BROAD_NAME_MATCHES_IN_TREE = 10_000;

/** Members of a scope given by organisation ids below which a name is checked on each of them. */
const SMALL_SCOPE_MEMBERS = 20_000;

/**
 * One page of the filtered members and the total (exact up to MEMBER_COUNT_CAP, or
 * MEMBER_NAME_COUNT_CAP for a name search).
 *
 * First pass: at most CAP + 1 matches, in whatever order is cheapest, counted and sorted in the same
 * query. With few matches (a cell, a rare name) that pass holds them all, so it is the answer: the
 * planner never gets to walk the members_sort index hoping to meet 50 matches early, which is slow
 * when the matches cluster in the order ("nguyen van hoa" matches only given names around "Hoa", far
 * down a name-ordered index). With more matches than the cap, a second query reads the page in index
 * order — fast exactly then, because matches are dense.
 *
 * A name search by someone who sees the whole country is planned here (see planNameSearch): whether
 * the name is common decides between the name index and an early-stopping walk of members_sort_cover.
 */
export async function listMembers(
  executor: Executor,
  options: MemberFilterOptions,
  page: Pick<ListMembersQuery, "sort" | "page" | "pageSize">,
): Promise<{ rows: MemberListRow[]; total: number; totalCapped: boolean }> {
  const direction = page.sort.startsWith("-") ? "desc" : "asc";
  const field = page.sort.replace(/^-/, "");
  // Name order is the byte order of sort_key (COLLATE "C"), ties by id: the members_sort_cover index.
  const order = [
    ...(field === "birthDate" ? ["birth_date"] : field === "admittedOn" ? ["admitted_on"] : []),
    "sort_key",
    "id",
  ];
  const orderBy = sql.join(
    order.map((column) => sql`${sql.ref(`x.${column}`)} ${sql.raw(direction)}`),
    sql`, `,
  );
  const offset = (page.page - 1) * page.pageSize;
  const pageSlice = { limit: page.pageSize, offset };
  const nameKey = nameSearchKey(options.filter.q);
  const cap = nameKey === null ? MEMBER_COUNT_CAP : MEMBER_NAME_COUNT_CAP;
  const plan = nameKey === null ? {} : await planNameSearch(executor, options, nameKey);
  // Narrow rows (id and order keys) keep the count and the sort of up to CAP + 1 matches cheap, and
  // let a walk of the covering index skip the table.
  const keys = (p: MemberFilterPlan) =>
    selectFilteredMembers(executor, options, p).select(
      order.map((column) => sql.ref(`m.${column}`).as(column)),
    );
  if (plan.scopeIsEverything && plan.nameMatch === "index" && field === "name" && nameKey !== null) {
    // One word ("thang"): the given-name ranges count it and page it without the name index.
    if (!nameKey.includes(" ")) {
      const found = await givenNameFirstPage(executor, scanMatching, nameKey, direction, pageSlice, cap + 1);
      if (found?.matches != null) {
        const matches = found.matches;
        return {
          rows: await rowsByIds(found.ids),
          total: Math.min(matches, cap),
          totalCapped: matches > cap,
        };
      }
    }
  }
  if (plan.scopeIsEverything && plan.nameMatch === "index") {
    // Prefix tier: names that start with the text are a range of the search_key btree. When they
    // alone pass the cap ("nguyen kim"), the total is "more than the cap" and the page comes from
    // the name-order walk — the name index would have read every one of tens of thousands of matches.
    const starting = await countUpTo(executor, options, { ...plan, nameMatch: "prefix" }, cap + 1);
    if (starting > cap) {
      const ids = await sparsePageIds(nameKey);
      return { rows: await rowsByIds(ids), total: cap, totalCapped: true };
    }
  }
  // Over the whole country, walked in name order, so the walk stops after CAP + 1 matches (other
  // orders have no index; in a province's tree the walk would pass 30 other provinces' names).
  const firstKeys =
    plan.scopeIsEverything && plan.nameMatch === "scan" && field === "name"
      ? keys(plan).orderBy(sql.ref("m.sort_key"), direction).orderBy(sql.ref("m.id"), direction)
      : keys(plan);

  const first = await sql<{ id: number; matches: number }>`
    SELECT x.id, count(*) OVER ()::int AS matches
    FROM (${firstKeys.limit(cap + 1)}) AS x
    ORDER BY ${orderBy}
    LIMIT ${page.pageSize} OFFSET ${offset}`.execute(executor);
  const firstRow = first.rows[0];
  let matches = firstRow ? Number(firstRow.matches) : null;
  // Past the last page: the window had no row to report the count on.
  if (matches === null) matches = await countUpTo(executor, options, plan, cap + 1);
  const total = Math.min(matches, cap);
  const totalCapped = matches > cap;
  let ids = first.rows.map((row) => row.id);
  if (totalCapped) {
    // Dense matches: the page in index order. A name this common is matched by the regular
    // expression alone, so the walk never consults the name index. A name expected to be rarer
    // (still over the cap) may sit late in the order: its page comes from given-name ranges.
    ids =
      plan.scopeIsEverything && plan.nameMatch === "index"
        ? await sparsePageIds(nameKey)
        : await pageIds(plan.scopeIsEverything ? { ...plan, nameMatch: "scan" } : plan);
  }
  return { rows: await rowsByIds(ids), total, totalCapped };

  /**
   * The page of a name expected to match at most BROAD_NAME_MATCHES members, with more than the cap:
   * too few for the walk in name order to meet them early when they sit late in the order ("thang"),
   * so by given-name ranges when the name allows it (givenNameFirstPage), else by the walk.
   */
  async function sparsePageIds(key: string | null): Promise<number[]> {
    const found =
      field === "name" && key !== null
        ? await givenNameFirstPage(executor, scanMatching, key, direction, pageSlice)
        : null;
    return found?.ids ?? (await pageIds({ ...plan, nameMatch: "scan" }));
  }

  function scanMatching() {
    return selectFilteredMembers(executor, options, { ...plan, nameMatch: "scan" });
  }

  async function pageIds(pagePlan: MemberFilterPlan): Promise<number[]> {
    const result = await sql<{ id: number }>`
      SELECT x.id FROM ${keys(pagePlan).as("x")}
      ORDER BY ${orderBy}
      LIMIT ${page.pageSize} OFFSET ${offset}`.execute(executor);
    return result.rows.map((row) => row.id);
  }

  async function rowsByIds(pageIds: number[]): Promise<MemberListRow[]> {
    if (pageIds.length === 0) return [];
    // By primary key; the regular expression alone keeps the name index out of it.
    const found = (await selectFilteredMembers(executor, options, { ...plan, nameMatch: "scan" })
      .select([...LIST_COLUMNS])
      .where("m.id", "in", pageIds)
      .execute()) as MemberListRow[];
    const byId = new Map(found.map((row) => [row.id, row]));
    return pageIds.flatMap((id) => byId.get(id) ?? []);
  }
}

async function countUpTo(
  executor: Executor,
  options: MemberFilterOptions,
  plan: MemberFilterPlan,
  limit: number,
): Promise<number> {
  const counted = await executor
    .selectFrom(
      selectFilteredMembers(executor, options, plan).select(sql<number>`1`.as("one")).limit(limit).as("c"),
    )
    .select(sql<number>`count(*)::int`.as("n"))
    .executeTakeFirstOrThrow();
  return Number(counted.n);
}

/**
 * How to run a name search (the rows are the same whatever is chosen).
 * - A scope of organisation ids holding few members (a commune's): check the name on each of them.
 * - Whole trees without a subtree or a date (the national view, where names are common by the tens
 *   of thousands, or a province's): a sample of the table says whether the name is common enough to
 *   check member by member rather than through the name index (BROAD_NAME_MATCHES); when the trees
 *   are every root organisation, no scope condition is needed at all.
 * - Elsewhere the planner's own choice.
 */
async function planNameSearch(
  executor: Executor,
  options: MemberFilterOptions,
  key: string,
): Promise<MemberFilterPlan> {
  const { filter, scopePaths } = options;
  if (options.orgIds !== undefined && options.orgIds.length > 0 && filter.asOf === undefined) {
    // A few cells (a commune): their members, checked one by one, are cheaper than any name index.
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM members m
        WHERE m.org_id = ANY(${[...options.orgIds]}::bigint[]) LIMIT ${SMALL_SCOPE_MEMBERS + 1}) c`.execute(
      executor,
    );
    return Number(rows[0]?.n ?? 0) <= SMALL_SCOPE_MEMBERS ? { nameMatch: "scan" } : {};
  }
  if (options.orgIds !== undefined || options.subtreePath !== undefined) return {};
  if (filter.orgId !== undefined || filter.asOf !== undefined || scopePaths.length === 0) return {};
  // REPEATABLE: the same few pages every time, so the same name gets the same plan.
  const { rows } = await sql<{ everything: boolean | null; expected: number | null }>`
    SELECT
      (SELECT bool_and(r.path <@ ANY(${[...scopePaths]}::ltree[]))
         FROM organisations r WHERE r.parent_id IS NULL) AS everything,
      (SELECT count(*) FILTER (WHERE regexp_like(s.search_key, ${nameStartsPattern(key)}))::float8
              / greatest(count(*), 1)
              * (SELECT greatest(c.reltuples, 0) FROM pg_class c WHERE c.oid = 'members'::regclass)
         FROM members s TABLESAMPLE SYSTEM (0.05) REPEATABLE (0)) AS expected`.execute(executor);
  const row = rows[0];
  const expected = Number(row?.expected ?? 0);
  if (row?.everything) {
    return { scopeIsEverything: true, nameMatch: expected > BROAD_NAME_MATCHES ? "scan" : "index" };
  }
  // A province's tree: the scope stays a condition, and reading the province's members (~165,000,
  // ~130 ms) beats gathering a name's matches across the country from the name index once there
  // are more than BROAD_NAME_MATCHES_IN_TREE of them (each one a table read before the scope check).
  return { nameMatch: expected > BROAD_NAME_MATCHES_IN_TREE ? "scan" : "index" };
}
