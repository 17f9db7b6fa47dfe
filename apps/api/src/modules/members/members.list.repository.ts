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

export async function listMembers(
  executor: Executor,
  options: MemberFilterOptions,
  page: Pick<ListMembersQuery, "sort" | "page" | "pageSize">,
): Promise<{ rows: MemberListRow[]; total: number; totalCapped: boolean }> {
  const base = () => selectFilteredMembers(executor, options);
  let query = base().select([
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
  ]);
  const direction = page.sort.startsWith("-") ? "desc" : "asc";
  const field = page.sort.replace(/^-/, "");
  if (field === "birthDate") query = query.orderBy("m.birthDate", direction);
  if (field === "admittedOn") query = query.orderBy("m.admittedOn", direction);
  // Name order is the byte order of sort_key (COLLATE "C"), ties by id: the members_sort index.
  query = query.orderBy("m.sortKey", direction).orderBy("m.id", direction);
  const rows = (await query
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute()) as MemberListRow[];
  const limited = base()
    .select(sql<number>`1`.as("one"))
    .limit(MEMBER_COUNT_CAP + 1);
  const counted = await executor
    .selectFrom(limited.as("x"))
    .select(sql<number>`count(*)::int`.as("n"))
    .executeTakeFirstOrThrow();
  const n = Number(counted.n);
  return { rows, total: Math.min(n, MEMBER_COUNT_CAP), totalCapped: n > MEMBER_COUNT_CAP };
}
