// Relations and cascades written straight into the tables, for tests of coverage and reminders.
import type { Kysely } from "kysely";
import type { Database } from "../src/db/schema.ts";

/** `fromId` implements (cụ thể hóa) `toId`, as if linked by a person. */
export async function linkImplements(db: Kysely<Database>, fromId: number, toId: number): Promise<void> {
  await db
    .insertInto("documentRelations")
    .values({ fromDocumentId: fromId, toDocumentId: toId, kind: "implements", origin: "manual" })
    .execute();
}

/** A cascade of `documentId` naming `orgIds`, due on `deadline`. */
export async function createCascade(
  db: Kysely<Database>,
  documentId: number,
  orgIds: readonly number[],
  deadline = "2026-03-31",
): Promise<number> {
  const row = await db
    .insertInto("documentCascades")
    .values({ documentId, deadline, selection: JSON.stringify({ kind: "orgs", orgIds }), note: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("documentCascadeTargets")
    .values(orgIds.map((orgId) => ({ cascadeId: row.id, orgId })))
    .execute();
  return row.id;
}
