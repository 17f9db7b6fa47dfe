// SQL for a member's record: the row with its cell, cell history, posts, events, and the writes of
// admission, edits and events. Every function takes the executor (db or transaction) first.
import { sql, type Updateable } from "kysely";
import type {
  MemberCellRow,
  MemberEventKind,
  MemberEventState,
  MemberRow,
  MemberStatus,
  MembersTable,
  NewMember,
} from "../../db/schema.ts";
import type { Executor } from "./members.filter.repository.ts";

export type { Executor };

/** A member with the current cell's name and ltree path (for scope checks). */
export type MemberWithOrg = MemberRow & { orgName: string; orgPath: string };

function memberWithOrg(executor: Executor) {
  return executor
    .selectFrom("members as m")
    .innerJoin("organisations as o", "o.id", "m.orgId")
    .selectAll("m")
    .select(["o.name as orgName", "o.path as orgPath"]);
}

export async function findMember(executor: Executor, id: number): Promise<MemberWithOrg | undefined> {
  return memberWithOrg(executor).where("m.id", "=", id).executeTakeFirst();
}

/** The member locked for the rest of the transaction, so concurrent events are applied one by one. */
export async function findMemberForUpdate(
  executor: Executor,
  id: number,
): Promise<MemberWithOrg | undefined> {
  return memberWithOrg(executor).where("m.id", "=", id).forUpdate("m").executeTakeFirst();
}

export interface CellSpanRow {
  orgId: number;
  orgName: string;
  validFrom: string;
  validTo: string | null;
}

export async function listCellHistory(executor: Executor, memberId: number): Promise<CellSpanRow[]> {
  return executor
    .selectFrom("memberCells as c")
    .innerJoin("organisations as o", "o.id", "c.orgId")
    .select(["c.orgId", "o.name as orgName", "c.validFrom", "c.validTo"])
    .where("c.memberId", "=", memberId)
    .orderBy("c.validFrom")
    .orderBy("c.id")
    .execute();
}

/** The cell span covering `on` ([valid_from, valid_to)), if the member belonged to a cell that day. */
export async function findCellOn(
  executor: Executor,
  memberId: number,
  on: string,
): Promise<CellSpanRow | undefined> {
  return executor
    .selectFrom("memberCells as c")
    .innerJoin("organisations as o", "o.id", "c.orgId")
    .select(["c.orgId", "o.name as orgName", "c.validFrom", "c.validTo"])
    .where("c.memberId", "=", memberId)
    .where("c.validFrom", "<=", on)
    .where((eb) => eb.or([eb("c.validTo", "is", null), eb("c.validTo", ">", on)]))
    .orderBy("c.validFrom", "desc")
    .executeTakeFirst();
}

export async function findOpenCell(executor: Executor, memberId: number): Promise<MemberCellRow | undefined> {
  return executor
    .selectFrom("memberCells")
    .selectAll()
    .where("memberId", "=", memberId)
    .where("validTo", "is", null)
    .executeTakeFirst();
}

export interface PostRow {
  id: number;
  postType: string;
  postKind: "party" | "government" | "mass";
  postNameVi: string;
  postNameEn: string;
  orgId: number | null;
  heldAt: string | null;
  startedOn: string;
  endedOn: string | null;
}

export async function listPosts(executor: Executor, memberId: number): Promise<PostRow[]> {
  return executor
    .selectFrom("memberPosts as p")
    .innerJoin("memberPostTypes as t", "t.code", "p.postType")
    .select([
      "p.id",
      "p.postType",
      "t.kind as postKind",
      "t.nameVi as postNameVi",
      "t.nameEn as postNameEn",
      "p.orgId",
      "p.heldAt",
      "p.startedOn",
      "p.endedOn",
    ])
    .where("p.memberId", "=", memberId)
    .orderBy("p.startedOn")
    .orderBy("p.id")
    .execute();
}

export interface EventRow {
  id: number;
  kind: MemberEventKind;
  occurredOn: string;
  state: MemberEventState;
  fromOrgId: number | null;
  fromOrgName: string | null;
  toOrgId: number | null;
  toOrgName: string | null;
  destination: string | null;
  decisionRef: string | null;
  note: string | null;
  statusBefore: string | null;
  statusAfter: string | null;
  recordedByName: string | null;
  createdAt: Date | string;
}

export async function listEvents(executor: Executor, memberId: number): Promise<EventRow[]> {
  return executor
    .selectFrom("memberEvents as e")
    .leftJoin("organisations as fo", "fo.id", "e.fromOrgId")
    .leftJoin("organisations as too", "too.id", "e.toOrgId")
    .leftJoin("accounts as a", "a.id", "e.recordedBy")
    .select([
      "e.id",
      "e.kind",
      "e.occurredOn",
      "e.state",
      "e.fromOrgId",
      "fo.name as fromOrgName",
      "e.toOrgId",
      "too.name as toOrgName",
      "e.destination",
      "e.decisionRef",
      "e.note",
      "e.statusBefore",
      "e.statusAfter",
      "a.displayName as recordedByName",
      "e.createdAt",
    ])
    .where("e.memberId", "=", memberId)
    .orderBy("e.occurredOn")
    .orderBy("e.id")
    .execute();
}

/** The latest date a done event or a cell span begins on: no later event may come before it. */
export async function latestHistoryDate(executor: Executor, memberId: number): Promise<string | null> {
  const row = await sql<{ latest: string | null }>`
    SELECT greatest(
      (SELECT max(occurred_on) FROM member_events WHERE member_id = ${memberId} AND state = 'done'),
      (SELECT max(valid_from) FROM member_cells WHERE member_id = ${memberId})
    ) AS latest`.execute(executor);
  return row.rows[0]?.latest ?? null;
}

/** Organisation names and paths by id (for the visible ancestors of a cell). */
export async function findOrgsByIds(
  executor: Executor,
  ids: number[],
): Promise<{ id: number; name: string; path: string }[]> {
  if (ids.length === 0) return [];
  return executor.selectFrom("organisations").select(["id", "name", "path"]).where("id", "in", ids).execute();
}

/** Ids of the organisations under any of `paths` (at most `limit`). */
export async function findOrgIdsUnder(executor: Executor, paths: string[], limit: number): Promise<number[]> {
  if (paths.length === 0) return [];
  const rows = await executor
    .selectFrom("organisations as o")
    .select("o.id")
    .where(sql<boolean>`o.path <@ ANY(${paths}::ltree[])`)
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** An organisation with whether it is active and its type holds members (a cell). */
export async function findCellCandidate(
  executor: Executor,
  orgId: number,
): Promise<{ id: number; path: string; name: string; active: boolean; holdsMembers: boolean } | undefined> {
  return executor
    .selectFrom("organisations as o")
    .innerJoin("orgTypes as t", "t.code", "o.typeCode")
    .select(["o.id", "o.path", "o.name", sql<boolean>`o.status = 'active'`.as("active"), "t.holdsMembers"])
    .where("o.id", "=", orgId)
    .executeTakeFirst();
}

/** Another member holding this citizen ID or card number (uniqueness before the index refuses it). */
export async function findHolder(
  executor: Executor,
  column: "citizenId" | "cardNumber",
  value: string,
  exceptId: number | null,
): Promise<number | undefined> {
  let query = executor.selectFrom("members").select("id").where(column, "=", value);
  if (exceptId !== null) query = query.where("id", "<>", exceptId);
  return (await query.executeTakeFirst())?.id;
}

// ---- writes ------------------------------------------------------------------------------------

export async function insertMember(executor: Executor, values: NewMember): Promise<number> {
  const row = await executor.insertInto("members").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export type MemberChanges = Omit<Updateable<MembersTable>, "id" | "version" | "createdAt" | "updatedAt">;

/**
 * Applies changes if the row still has `version`, bumping it; false when someone else changed it first
 * (nothing written).
 */
export async function updateMemberAtVersion(
  executor: Executor,
  id: number,
  version: number,
  changes: MemberChanges,
): Promise<boolean> {
  const result = await executor
    .updateTable("members")
    .set({ ...(changes as Record<string, never>), version: version + 1, updatedAt: sql`now()` })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function openCell(
  executor: Executor,
  values: { memberId: number; orgId: number; validFrom: string; eventId: number | null },
): Promise<void> {
  await executor.insertInto("memberCells").values(values).execute();
}

export async function closeOpenCell(executor: Executor, memberId: number, on: string): Promise<void> {
  await executor
    .updateTable("memberCells")
    .set({ validTo: on })
    .where("memberId", "=", memberId)
    .where("validTo", "is", null)
    .execute();
}

/** Moves the start of the first cell span and the admission event when the admission date is corrected. */
export async function moveAdmissionDate(executor: Executor, memberId: number, from: string, to: string) {
  await executor
    .updateTable("memberCells")
    .set({ validFrom: to })
    .where("memberId", "=", memberId)
    .where("validFrom", "=", from)
    .execute();
  await executor
    .updateTable("memberEvents")
    .set({ occurredOn: to })
    .where("memberId", "=", memberId)
    .where("kind", "=", "admission")
    .execute();
}

/** The earliest date after admission something else happened (an event, the end of the first span). */
export async function earliestLaterHistoryDate(executor: Executor, memberId: number): Promise<string | null> {
  const row = await sql<{ earliest: string | null }>`
    SELECT least(
      (SELECT min(occurred_on) FROM member_events
        WHERE member_id = ${memberId} AND kind <> 'admission' AND state IN ('done', 'pending')),
      (SELECT min(valid_to) FROM member_cells WHERE member_id = ${memberId})
    ) AS earliest`.execute(executor);
  return row.rows[0]?.earliest ?? null;
}

export interface NewEvent {
  memberId: number;
  kind: MemberEventKind;
  occurredOn: string;
  state?: MemberEventState;
  fromOrgId?: number | null;
  toOrgId?: number | null;
  destination?: string | null;
  decisionRef?: string | null;
  note?: string | null;
  statusBefore?: MemberStatus | null;
  statusAfter?: MemberStatus | null;
  recordedBy: number | null;
}

export async function insertEvent(executor: Executor, event: NewEvent): Promise<number> {
  const row = await executor
    .insertInto("memberEvents")
    .values(event)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

// ---- posts -------------------------------------------------------------------------------------

export async function listPostTypes(executor: Executor) {
  return executor.selectFrom("memberPostTypes").selectAll().orderBy("sortOrder").orderBy("code").execute();
}

export async function postTypeExists(executor: Executor, code: string): Promise<boolean> {
  const row = await executor
    .selectFrom("memberPostTypes")
    .select("code")
    .where("code", "=", code)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertPost(
  executor: Executor,
  values: {
    memberId: number;
    postType: string;
    orgId: number | null;
    heldAt: string | null;
    startedOn: string;
    endedOn: string | null;
  },
): Promise<number> {
  const row = await executor
    .insertInto("memberPosts")
    .values(values)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findPost(executor: Executor, memberId: number, postId: number) {
  return executor
    .selectFrom("memberPosts")
    .selectAll()
    .where("id", "=", postId)
    .where("memberId", "=", memberId)
    .executeTakeFirst();
}

export async function endPost(executor: Executor, postId: number, endedOn: string): Promise<void> {
  await executor.updateTable("memberPosts").set({ endedOn }).where("id", "=", postId).execute();
}
