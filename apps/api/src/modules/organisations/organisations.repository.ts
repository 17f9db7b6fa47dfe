// SQL for organisations: current state, versions, events and lineage, the tree "as of" a date, and the
// writes of restructuring. Search, history and types live beside it. Every function takes the executor first.
import { toSearchKey } from "@namro/domain";
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database, OrganisationRow, OrgEventRole, OrgEventRow, OrgVersionRow } from "../../db/schema.ts";

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
export async function insertOrganisation(
  executor: Executor,
  input: InsertOrganisationInput,
): Promise<OrganisationRow> {
  const searchKey = toSearchKey(input.name);
  const parentPath = input.parentId
    ? (
        await executor
          .selectFrom("organisations")
          .select("path")
          .where("id", "=", input.parentId)
          .executeTakeFirstOrThrow()
      ).path
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

// ---- reads -------------------------------------------------------------------------------------

/** Filter on `o.path` (alias o) for the subtrees an actor may see. */
export function withinPaths(paths: string[]) {
  return sql<boolean>`o.path <@ ANY(${paths}::ltree[])`;
}

export async function anyOrganisationExists(executor: Executor): Promise<boolean> {
  return (await executor.selectFrom("organisations").select("id").limit(1).executeTakeFirst()) !== undefined;
}

export async function findOrganisation(executor: Executor, id: number): Promise<OrganisationRow | undefined> {
  return executor.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Locks the rows for the rest of the transaction (restructurings of the same organisations queue up). */
export async function findOrganisationsForUpdate(
  executor: Executor,
  ids: number[],
): Promise<OrganisationRow[]> {
  if (ids.length === 0) return [];
  return executor
    .selectFrom("organisations")
    .selectAll()
    .where("id", "in", ids)
    .orderBy("id")
    .forUpdate()
    .execute();
}

export async function findOrganisationsByIds(executor: Executor, ids: number[]): Promise<OrganisationRow[]> {
  if (ids.length === 0) return [];
  return executor.selectFrom("organisations").selectAll().where("id", "in", ids).execute();
}

export async function findVisibleIds(
  executor: Executor,
  ids: number[],
  paths: string[],
): Promise<Set<number>> {
  if (ids.length === 0 || paths.length === 0) return new Set();
  const rows = await sql<{ id: number }>`
    SELECT o.id FROM organisations o WHERE o.id = ANY(${ids}::bigint[]) AND ${withinPaths(paths)}`.execute(
    executor,
  );
  return new Set(rows.rows.map((r) => r.id));
}

export async function codeExists(executor: Executor, code: string): Promise<boolean> {
  const row = await executor
    .selectFrom("organisations")
    .select("id")
    .where("code", "=", code)
    .executeTakeFirst();
  return row !== undefined;
}

/** Active children (current state). */
export async function listActiveChildren(executor: Executor, parentId: number): Promise<OrganisationRow[]> {
  return executor
    .selectFrom("organisations")
    .selectAll()
    .where("parentId", "=", parentId)
    .where("status", "=", "active")
    .orderBy("id")
    .execute();
}

export async function listChildrenRows(
  executor: Executor,
  parentId: number,
  includeClosed: boolean,
): Promise<OrganisationRow[]> {
  let query = executor.selectFrom("organisations").selectAll().where("parentId", "=", parentId);
  if (!includeClosed) query = query.where("status", "=", "active");
  return query.execute();
}

/** Latest start of any version of these organisations (the open version is always the latest). */
export async function latestVersionStart(executor: Executor, orgIds: number[]): Promise<string | null> {
  if (orgIds.length === 0) return null;
  const row = await executor
    .selectFrom("orgVersions")
    .select((eb) => eb.fn.max("validFrom").as("latest"))
    .where("orgId", "in", orgIds)
    .executeTakeFirst();
  return (row?.latest as string | null | undefined) ?? null;
}

/** Latest end of a closed version that sat under one of these parents (units that left them). */
export async function latestChildVersionEnd(executor: Executor, parentIds: number[]): Promise<string | null> {
  if (parentIds.length === 0) return null;
  const row = await executor
    .selectFrom("orgVersions")
    .select((eb) => eb.fn.max("validTo").as("latest"))
    .where("parentId", "in", parentIds)
    .where("validTo", "is not", null)
    .executeTakeFirst();
  return (row?.latest as string | null | undefined) ?? null;
}

export async function findOpenVersion(executor: Executor, orgId: number): Promise<OrgVersionRow | undefined> {
  return executor
    .selectFrom("orgVersions")
    .selectAll()
    .where("orgId", "=", orgId)
    .where("validTo", "is", null)
    .executeTakeFirst();
}

/** Counts of active children per parent (current state). */
export async function countActiveChildren(
  executor: Executor,
  parentIds: number[],
): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  if (parentIds.length === 0) return counts;
  const rows = await executor
    .selectFrom("organisations")
    .select(["parentId", (eb) => eb.fn.countAll<number>().as("n")])
    .where("parentId", "in", parentIds)
    .where("status", "=", "active")
    .groupBy("parentId")
    .execute();
  for (const row of rows) if (row.parentId !== null) counts.set(row.parentId, Number(row.n));
  return counts;
}

export interface AsOfOrgRow {
  id: number;
  code: string;
  name: string;
  typeCode: string;
  parentId: number | null;
  path: string;
  status: OrganisationRow["status"];
  validFrom: string;
  validTo: string | null;
  version: number;
}

export const AS_OF_COLUMNS = sql`o.id, o.code, v.name, v.type_code, v.parent_id, o.path, o.status, o.valid_from, o.valid_to, o.version`;
export const validOn = (date: string) =>
  sql`v.valid_from <= ${date}::date AND (v.valid_to IS NULL OR v.valid_to > ${date}::date)`;

/** Organisations as they were on `date` (only those that existed then). */
export async function findAsOf(executor: Executor, ids: number[], date: string): Promise<AsOfOrgRow[]> {
  if (ids.length === 0) return [];
  const result = await sql<AsOfOrgRow>`
    SELECT ${AS_OF_COLUMNS}
    FROM org_versions v JOIN organisations o ON o.id = v.org_id
    WHERE v.org_id = ANY(${ids}::bigint[]) AND ${validOn(date)}`.execute(executor);
  return result.rows;
}

/** Units directly under `parentId` on `date`, limited to the visible subtrees. */
export async function listChildrenAsOf(
  executor: Executor,
  parentId: number,
  date: string,
  paths: string[],
): Promise<AsOfOrgRow[]> {
  const result = await sql<AsOfOrgRow>`
    SELECT ${AS_OF_COLUMNS}
    FROM org_versions v JOIN organisations o ON o.id = v.org_id
    WHERE v.parent_id = ${parentId} AND ${validOn(date)} AND ${withinPaths(paths)}`.execute(executor);
  return result.rows;
}

export async function countChildrenAsOf(
  executor: Executor,
  parentIds: number[],
  date: string,
  paths: string[],
): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  if (parentIds.length === 0) return counts;
  const result = await sql<{ parentId: number; n: number }>`
    SELECT v.parent_id, count(*)::int AS n
    FROM org_versions v JOIN organisations o ON o.id = v.org_id
    WHERE v.parent_id = ANY(${parentIds}::bigint[]) AND ${validOn(date)} AND ${withinPaths(paths)}
    GROUP BY v.parent_id`.execute(executor);
  for (const row of result.rows) counts.set(row.parentId, Number(row.n));
  return counts;
}

// ---- writes ------------------------------------------------------------------------------------

export interface InsertEventInput {
  kind: OrgEventRow["kind"];
  effectiveDate: string;
  reason: string | null;
  decisionRef: string | null;
  actorId: number | null;
  recordedAt: Date;
}

export async function insertEvent(executor: Executor, input: InsertEventInput): Promise<number> {
  const row = await executor.insertInto("orgEvents").values(input).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function insertEventPart(
  executor: Executor,
  part: { eventId: number; orgId: number; role: OrgEventRole; details?: Record<string, string | null> },
): Promise<void> {
  await executor
    .insertInto("orgEventParts")
    .values({
      eventId: part.eventId,
      orgId: part.orgId,
      role: part.role,
      details: JSON.stringify(part.details ?? {}),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function insertLineage(
  executor: Executor,
  row: { eventId: number; predecessorId: number; successorId: number; effectiveDate: string },
): Promise<void> {
  await executor.insertInto("orgLineage").values(row).execute();
}

export interface VersionChange {
  name?: string;
  typeCode?: string;
  parentId?: number | null;
}

/**
 * Gives an organisation a new state from `date`: closes the open version at `date` and opens a new
 * one, or, when the open version began on `date` itself, changes it in place (no zero-length versions).
 */
export async function changeVersion(
  executor: Executor,
  orgId: number,
  date: string,
  change: VersionChange,
  eventId: number,
): Promise<void> {
  const open = await findOpenVersion(executor, orgId);
  if (!open) throw new Error(`organisation ${orgId} has no open version`);
  const next = {
    name: change.name ?? open.name,
    searchKey: toSearchKey(change.name ?? open.name),
    typeCode: change.typeCode ?? open.typeCode,
    parentId: change.parentId === undefined ? open.parentId : change.parentId,
  };
  if (open.validFrom === date) {
    await executor
      .updateTable("orgVersions")
      .set({ ...next, eventId })
      .where("id", "=", open.id)
      .execute();
  } else {
    await executor.updateTable("orgVersions").set({ validTo: date }).where("id", "=", open.id).execute();
    await executor
      .insertInto("orgVersions")
      .values({ orgId, validFrom: date, validTo: null, ...next, eventId })
      .execute();
  }
  await executor
    .updateTable("organisations")
    .set((eb) => ({ ...next, version: eb("version", "+", 1), updatedAt: sql`now()` }))
    .where("id", "=", orgId)
    .execute();
}

/** Ends an organisation at `date` with a closed status. A version begun that same day never held. */
export async function closeOrganisation(
  executor: Executor,
  orgId: number,
  date: string,
  status: Exclude<OrganisationRow["status"], "active">,
): Promise<void> {
  const open = await findOpenVersion(executor, orgId);
  if (open) {
    if (open.validFrom >= date) {
      await executor.deleteFrom("orgVersions").where("id", "=", open.id).execute();
    } else {
      await executor.updateTable("orgVersions").set({ validTo: date }).where("id", "=", open.id).execute();
    }
  }
  await executor
    .updateTable("organisations")
    .set((eb) => ({ status, validTo: date, version: eb("version", "+", 1), updatedAt: sql`now()` }))
    .where("id", "=", orgId)
    .execute();
}

/** Rewrites the paths of a whole subtree (open and closed units) from `oldPath` to `newPath`. */
export async function rewriteSubtreePaths(
  executor: Executor,
  oldPath: string,
  newPath: string,
): Promise<void> {
  await sql`
    UPDATE organisations
    SET path = CASE WHEN path = ${oldPath}::ltree THEN ${newPath}::ltree
                    ELSE ${newPath}::ltree || subpath(path, nlevel(${oldPath}::ltree)) END
    WHERE path <@ ${oldPath}::ltree`.execute(executor);
}

export interface ChainRow {
  startId: number;
  orgId: number;
  parentId: number | null;
  name: string;
  typeCode: string;
  path: string;
  depth: number;
}

/** For each start organisation, its chain of parents as it was on `date` (depth 1 = the start). */
export async function listChainsAsOf(
  executor: Executor,
  startIds: number[],
  date: string,
): Promise<ChainRow[]> {
  if (startIds.length === 0) return [];
  const result = await sql<ChainRow>`
    WITH RECURSIVE chain AS (
      SELECT v.org_id AS start_id, v.org_id, v.parent_id, v.name, v.type_code, 1 AS depth
      FROM org_versions v WHERE v.org_id = ANY(${startIds}::bigint[]) AND ${validOn(date)}
      UNION ALL
      SELECT c.start_id, v.org_id, v.parent_id, v.name, v.type_code, c.depth + 1
      FROM chain c JOIN org_versions v ON v.org_id = c.parent_id AND ${validOn(date)}
      WHERE c.depth < 64
    )
    SELECT c.*, o.path FROM chain c JOIN organisations o ON o.id = c.org_id
    ORDER BY c.start_id, c.depth`.execute(executor);
  return result.rows;
}

// Restructurings rewrite the paths of whole subtrees, and two of them touching overlapping chains
// (moving a unit while its new parent's ancestor moves) would each miss the other's rows. They are
// rare, so they simply take turns: one transaction-scoped lock for the whole tree.
const TREE_RESTRUCTURE_LOCK = 7_240_202;

export async function lockTreeForRestructuring(executor: Executor): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${TREE_RESTRUCTURE_LOCK})`.execute(executor);
}
