// SQL for the member list: the shared filter, a sort that rides an index, a page, and a total counted
// exactly up to a cap, so a province-wide list does not count millions of rows on every page.
import type { ListMembersQuery, MemberStatus } from "@namro/contracts";
import { sql } from "kysely";
import {
  type Executor,
  type MemberFilterOptions,
  selectFilteredMembers,
} from "./members.filter.repository.ts";

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
 * One page of the filtered members and the total (exact up to MEMBER_COUNT_CAP).
 *
 * First pass: at most CAP + 1 matches, in whatever order is cheapest, counted and sorted in the same
 * query. With few matches (a cell, a rare name) that pass holds them all, so it is the answer: the
 * planner never gets to walk the members_sort index hoping to meet 50 matches early, which is slow
 * when the matches cluster in the order ("nguyen van hoa" matches only given names around "Hoa", far
 * down a name-ordered index). With more matches than the cap, a second query reads the page in index
 * order — fast exactly then, because matches are dense.
 */
export async function listMembers(
  executor: Executor,
  options: MemberFilterOptions,
  page: Pick<ListMembersQuery, "sort" | "page" | "pageSize">,
): Promise<{ rows: MemberListRow[]; total: number; totalCapped: boolean }> {
  const direction = page.sort.startsWith("-") ? "desc" : "asc";
  const field = page.sort.replace(/^-/, "");
  // Name order is the byte order of sort_key (COLLATE "C"), ties by id: the members_sort index.
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
  const columns = () => selectFilteredMembers(executor, options).select([...LIST_COLUMNS]);

  // Narrow rows (id and order keys) keep the count and the sort of up to CAP + 1 matches cheap.
  const first = await sql<{ id: number; matches: number }>`
    SELECT x.id, count(*) OVER ()::int AS matches
    FROM (${selectFilteredMembers(executor, options)
      .select(order.map((column) => sql.ref(`m.${column}`).as(column)))
      .limit(MEMBER_COUNT_CAP + 1)}) AS x
    ORDER BY ${orderBy}
    LIMIT ${page.pageSize} OFFSET ${offset}`.execute(executor);
  const firstRow = first.rows[0];
  let matches = firstRow ? Number(firstRow.matches) : null;
  if (matches === null) {
    // Past the last page: the window had no row to report the count on.
    const counted = await executor
      .selectFrom(
        selectFilteredMembers(executor, options)
          .select(sql<number>`1`.as("one"))
          .limit(MEMBER_COUNT_CAP + 1)
          .as("c"),
      )
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow();
    matches = Number(counted.n);
  }
  const total = Math.min(matches, MEMBER_COUNT_CAP);
  const totalCapped = matches > MEMBER_COUNT_CAP;
  if (!totalCapped) {
    const ids = first.rows.map((row) => row.id);
    if (ids.length === 0) return { rows: [], total, totalCapped };
    const found = (await columns().where("m.id", "in", ids).execute()) as MemberListRow[];
    const byId = new Map(found.map((row) => [row.id, row]));
    const rows = ids.flatMap((id) => byId.get(id) ?? []);
    return { rows, total, totalCapped };
  }

  const result = await sql<MemberListRow>`
    SELECT * FROM ${columns().as("x")}
    ORDER BY ${orderBy}
    LIMIT ${page.pageSize} OFFSET ${offset}`.execute(executor);
  return { rows: result.rows, total, totalCapped };
}
