// SQL for organisations, their versions, events and lineage. Every function takes the executor first.
import { toSearchKey } from "@namro/domain";
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database, OrganisationRow } from "../../db/schema.ts";

export type Executor = Kysely<Database> | Transaction<Database>;

export interface InsertOrganisationInput {
  code: string | null;
  name: string;
  typeCode: string;
  parentId: number | null;
  validFrom: string;
  eventId: number | null;
}

/**
 * Inserts an organisation with its first version. Its path is its parent's path plus its own id; its
 * code defaults to "ORG<id>".
 */
export async function insertOrganisation(executor: Executor, input: InsertOrganisationInput): Promise<OrganisationRow> {
  const searchKey = toSearchKey(input.name);
  const parentPath = input.parentId
    ? (await executor.selectFrom("organisations").select("path").where("id", "=", input.parentId).executeTakeFirstOrThrow())
        .path
    : null;
  const inserted = await executor
    .insertInto("organisations")
    .values({
      code: input.code ?? `pending-${crypto.randomUUID()}`,
      name: input.name,
      searchKey,
      typeCode: input.typeCode,
      parentId: input.parentId,
      path: "0",
      validFrom: input.validFrom,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const path = parentPath ? `${parentPath}.${inserted.id}` : String(inserted.id);
  const row = await executor
    .updateTable("organisations")
    .set({
      path: sql<string>`${path}::ltree`,
      ...(input.code ? {} : { code: `ORG${inserted.id}` }),
    })
    .where("id", "=", inserted.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await executor
    .insertInto("orgVersions")
    .values({
      orgId: row.id,
      validFrom: input.validFrom,
      validTo: null,
      name: row.name,
      searchKey,
      typeCode: row.typeCode,
      parentId: row.parentId,
      eventId: input.eventId,
    })
    .execute();
  return row;
}
