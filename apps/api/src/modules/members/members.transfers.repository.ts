// SQL for transfers of Party activity between cells inside the system: pending transfer events with
// the names and paths of both cells. Every function takes the executor first.
import { sql } from "kysely";
import type { MemberEventState } from "../../db/schema.ts";
import type { Executor } from "./members.filter.repository.ts";

export interface TransferRow {
  eventId: number;
  memberId: number;
  memberName: string;
  fromOrgId: number;
  fromOrgName: string;
  fromOrgPath: string;
  toOrgId: number;
  toOrgName: string;
  toOrgPath: string;
  occurredOn: string;
  state: MemberEventState;
  decisionRef: string | null;
  note: string | null;
}

function transfers(executor: Executor) {
  return executor
    .selectFrom("memberEvents as e")
    .innerJoin("members as m", "m.id", "e.memberId")
    .innerJoin("organisations as fo", "fo.id", "e.fromOrgId")
    .innerJoin("organisations as too", "too.id", "e.toOrgId")
    .select([
      "e.id as eventId",
      "e.memberId",
      "m.fullName as memberName",
      sql<number>`e.from_org_id`.as("fromOrgId"),
      "fo.name as fromOrgName",
      "fo.path as fromOrgPath",
      sql<number>`e.to_org_id`.as("toOrgId"),
      "too.name as toOrgName",
      "too.path as toOrgPath",
      "e.occurredOn",
      "e.state",
      "e.decisionRef",
      "e.note",
    ])
    .where("e.kind", "=", "transfer_internal");
}

export async function findTransfer(executor: Executor, eventId: number): Promise<TransferRow | undefined> {
  return transfers(executor).where("e.id", "=", eventId).executeTakeFirst();
}

/** The transfer event locked for a decision. */
export async function lockTransfer(executor: Executor, eventId: number): Promise<void> {
  await executor.selectFrom("memberEvents").select("id").where("id", "=", eventId).forUpdate().execute();
}

export async function hasPendingTransfer(executor: Executor, memberId: number): Promise<boolean> {
  const row = await executor
    .selectFrom("memberEvents")
    .select("id")
    .where("memberId", "=", memberId)
    .where("kind", "=", "transfer_internal")
    .where("state", "=", "pending")
    .executeTakeFirst();
  return row !== undefined;
}

/** Pending transfers whose receiving (`side` = "to") or sending ("from") cell lies under `paths`. */
export async function listPendingTransfers(
  executor: Executor,
  side: "to" | "from",
  paths: string[],
): Promise<TransferRow[]> {
  if (paths.length === 0) return [];
  const alias = side === "to" ? sql.raw("too") : sql.raw("fo");
  return transfers(executor)
    .where("e.state", "=", "pending")
    .where(sql<boolean>`${alias}.path <@ ANY(${paths}::ltree[])`)
    .orderBy("e.occurredOn")
    .orderBy("e.id")
    .limit(500)
    .execute();
}

export async function decideTransfer(
  executor: Executor,
  eventId: number,
  decision: { state: MemberEventState; decidedBy: number; note: string | null },
): Promise<void> {
  await executor
    .updateTable("memberEvents")
    .set({
      state: decision.state,
      decidedBy: decision.decidedBy,
      decidedAt: sql`now()`,
      ...(decision.note ? { note: decision.note } : {}),
    })
    .where("id", "=", eventId)
    .execute();
}
