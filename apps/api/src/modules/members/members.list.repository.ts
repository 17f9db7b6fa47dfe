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
 * The total is counted first because it decides the plan of the page. With few matches (a cell, a
 * rare name) the matches are collected whole behind an optimisation fence (OFFSET 0) and sorted: left
 * to itself the planner may walk the members_sort index hoping to meet 50 matches early, which is slow
 * when the matches cluster in the order — "nguyen van hoa" matches only given names around "Hoa", far
 * down a name-ordered index. With many matches the index walk is the fast plan and is left to the planner.
 */
export async function listMembers(
  executor: Executor,
  options: MemberFilterOptions,
  page: Pick<ListMembersQuery, "sort" | "page" | "pageSize">,
): Promise<{ rows: MemberListRow[]; total: number; totalCapped: boolean }> {
  const base = () => selectFilteredMembers(executor, options);
  const limited = base()
    .select(sql<number>`1`.as("one"))
    .limit(MEMBER_COUNT_CAP + 1);
  const counted = await executor
    .selectFrom(limited.as("x"))
    .select(sql<number>`count(*)::int`.as("n"))
    .executeTakeFirstOrThrow();
  const n = Number(counted.n);
  const total = Math.min(n, MEMBER_COUNT_CAP);
  const totalCapped = n > MEMBER_COUNT_CAP;
  const offset = (page.page - 1) * page.pageSize;
  if (offset >= n && !totalCapped) return { rows: [], total, totalCapped };

  const direction = page.sort.startsWith("-") ? "desc" : "asc";
  const field = page.sort.replace(/^-/, "");
  // Name order is the byte order of sort_key (COLLATE "C"), ties by id: the members_sort index.
  const order = [
    ...(field === "birthDate" ? ["birth_date"] : field === "admittedOn" ? ["admitted_on"] : []),
    "sort_key",
    "id",
  ];
  const columns = base().select([...LIST_COLUMNS]);
  const orderBy = (alias: string) =>
    sql.join(
      order.map((column) => sql`${sql.ref(`${alias}.${column}`)} ${sql.raw(direction)}`),
      sql`, `,
    );
  const source = totalCapped ? columns.as("x") : columns.offset(0).as("x");
  const result = await sql<MemberListRow>`
    SELECT * FROM ${source}
    ORDER BY ${orderBy("x")}
    LIMIT ${page.pageSize} OFFSET ${offset}`.execute(executor);
  return { rows: result.rows, total, totalCapped };
}
