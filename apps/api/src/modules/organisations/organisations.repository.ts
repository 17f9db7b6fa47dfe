// SQL for organisations, their versions, events and lineage. Every function takes the executor first.
import { toSearchKey } from "@namro/domain";
import { type Kysely, type RawBuilder, sql, type Transaction } from "kysely";
import type {
  Database,
  OrganisationRow,
  OrgEventRole,
  OrgEventRow,
  OrgTypeRow,
  OrgVersionRow,
} from "../../db/schema.ts";

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

export async function listOrgTypes(executor: Executor) {
  return executor.selectFrom("orgTypes").selectAll().orderBy("sortOrder").orderBy("code").execute();
}

export async function listOrgTypeRules(executor: Executor) {
  return executor.selectFrom("orgTypeRules").selectAll().execute();
}

export async function orgTypeExists(executor: Executor, code: string): Promise<boolean> {
  const row = await executor
    .selectFrom("orgTypes")
    .select("code")
    .where("code", "=", code)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Whether the rule exists. The rule row is share-locked, so a concurrent removal of the rule waits for
 * this transaction and then sees the organisation it placed (see deleteOrgTypeRules).
 */
export async function isChildTypeAllowed(
  executor: Executor,
  parentType: string,
  childType: string,
): Promise<boolean> {
  const row = await executor
    .selectFrom("orgTypeRules")
    .select("childType")
    .where("parentType", "=", parentType)
    .where("childType", "=", childType)
    .forShare()
    .executeTakeFirst();
  return row !== undefined;
}

export async function findOrgTypeForUpdate(
  executor: Executor,
  code: string,
): Promise<OrgTypeRow | undefined> {
  return executor.selectFrom("orgTypes").selectAll().where("code", "=", code).forUpdate().executeTakeFirst();
}

/** Which of `codes` exist as organisation types. */
export async function listExistingOrgTypeCodes(executor: Executor, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await executor.selectFrom("orgTypes").select("code").where("code", "in", codes).execute();
  return new Set(rows.map((row) => row.code));
}

export async function insertOrgType(
  executor: Executor,
  input: { code: string; nameVi: string; nameEn: string; isDepartment: boolean; sortOrder: number },
): Promise<OrgTypeRow> {
  return executor.insertInto("orgTypes").values(input).returningAll().executeTakeFirstOrThrow();
}

export async function updateOrgType(
  executor: Executor,
  code: string,
  input: { nameVi: string; nameEn: string; isDepartment: boolean; sortOrder: number },
): Promise<OrgTypeRow> {
  return executor
    .updateTable("orgTypes")
    .set((eb) => ({ ...input, version: eb("version", "+", 1) }))
    .where("code", "=", code)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Rules that name `code` as parent or as child. */
export async function listRulesOfType(executor: Executor, code: string) {
  return executor
    .selectFrom("orgTypeRules")
    .selectAll()
    .where((eb) => eb.or([eb("parentType", "=", code), eb("childType", "=", code)]))
    .execute();
}

export async function insertOrgTypeRules(
  executor: Executor,
  rules: { parentType: string; childType: string }[],
): Promise<void> {
  if (rules.length === 0) return;
  await executor
    .insertInto("orgTypeRules")
    .values(rules)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Deletes the rules "child under parent"; waits for transactions that just relied on them. */
export async function deleteOrgTypeRules(
  executor: Executor,
  parentType: string,
  childTypes: string[],
): Promise<void> {
  if (childTypes.length === 0) return;
  await executor
    .deleteFrom("orgTypeRules")
    .where("parentType", "=", parentType)
    .where("childType", "in", childTypes)
    .execute();
}

/** Active organisations of one of `childTypes` directly under an active organisation of `parentType`. */
export async function countActivePlacements(
  executor: Executor,
  parentType: string,
  childTypes: string[],
): Promise<Map<string, number>> {
  if (childTypes.length === 0) return new Map();
  const rows = await executor
    .selectFrom("organisations as child")
    .innerJoin("organisations as parent", "parent.id", "child.parentId")
    .select((eb) => ["child.typeCode", eb.fn.countAll<string>().as("count")])
    .where("parent.typeCode", "=", parentType)
    .where("parent.status", "=", "active")
    .where("child.status", "=", "active")
    .where("child.typeCode", "in", childTypes)
    .groupBy("child.typeCode")
    .execute();
  return new Map(rows.map((row) => [row.typeCode, Number(row.count)]));
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

const AS_OF_COLUMNS = sql`o.id, o.code, v.name, v.type_code, v.parent_id, o.path, o.status, o.valid_from, o.valid_to, o.version`;
const validOn = (date: string) =>
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

export interface SearchRow extends AsOfOrgRow {
  rank: number;
}

function regexEscape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Match tiers, best first; a tier runs only while fewer than `limit` candidates were found. */
const SEARCH_TIERS = ["exact", "prefix", "contains"] as const;
type SearchTier = (typeof SEARCH_TIERS)[number];

/** Where a search reads from: the current state, or the versions valid on a date. */
interface SearchSource {
  columns: RawBuilder<unknown>;
  from: RawBuilder<unknown>;
  key: RawBuilder<unknown>;
  filter: RawBuilder<unknown>;
}

interface SearchInput {
  key: string;
  code: string;
  paths: string[];
  limit: number;
}

function tierCondition(source: SearchSource, tier: SearchTier, key: string, code: string) {
  const k = likeEscape(key);
  const c = likeEscape(code);
  if (tier === "exact") return sql`(${source.key} = ${key} OR lower(o.code) = ${code})`;
  // Range scans of the text_pattern_ops btrees (migration 0004).
  if (tier === "prefix") return sql`(${source.key} LIKE ${`${k}%`} OR lower(o.code) LIKE ${`${c}%`})`;
  // A key shorter than three characters matches at the start of a word only. As a regular
  // expression it still reaches the trigram index through the padded word-start trigrams (" ha");
  // LIKE '% ha%' would scan the whole table when the prefix is rare.
  if (key.length < 3) return sql`${source.key} ~ ${`(^| )${regexEscape(key)}`}`;
  return sql`(${source.key} LIKE ${`%${k}%`} OR o.code ILIKE ${`%${c}%`})`;
}

/**
 * Candidates for a search, ranked by match kind (0 exact name or code, 1 name or code prefix, 2 word
 * prefix, 3 substring) then shorter names. Tier by tier, each LIMITed without sorting, so a broad
 * query ("chi bo") reads `limit` rows from an index instead of sorting every match; when a tier
 * holds more matches than the limit, the candidates are the first the index yields.
 */
async function searchByTiers(
  executor: Executor,
  source: SearchSource,
  input: SearchInput,
): Promise<SearchRow[]> {
  const code = input.code.toLowerCase();
  const k = likeEscape(input.key);
  const c = likeEscape(code);
  const rank = sql<number>`CASE WHEN ${source.key} = ${input.key} OR lower(o.code) = ${code} THEN 0
           WHEN ${source.key} LIKE ${`${k}%`} OR lower(o.code) LIKE ${`${c}%`} THEN 1
           WHEN ${source.key} LIKE ${`% ${k}%`} THEN 2
           ELSE 3 END`;
  const found = new Map<number, SearchRow>();
  for (const tier of SEARCH_TIERS) {
    if (found.size >= input.limit) break;
    const result = await sql<SearchRow>`
      SELECT ${source.columns}, ${rank} AS rank
      FROM ${source.from}
      WHERE ${tierCondition(source, tier, input.key, code)}
        AND ${withinPaths(input.paths)} ${source.filter}
      LIMIT ${input.limit}`.execute(executor);
    for (const row of result.rows) if (!found.has(row.id)) found.set(row.id, row);
  }
  return [...found.values()]
    .sort((a, b) => a.rank - b.rank || a.name.length - b.name.length || a.id - b.id)
    .slice(0, input.limit);
}

export async function searchOrganisations(
  executor: Executor,
  input: SearchInput & { includeClosed: boolean },
): Promise<SearchRow[]> {
  return searchByTiers(
    executor,
    {
      columns: sql`o.id, o.code, o.name, o.type_code, o.parent_id, o.path, o.status, o.valid_from, o.valid_to, o.version`,
      from: sql`organisations o`,
      key: sql`o.search_key`,
      filter: input.includeClosed ? sql`` : sql`AND o.status = 'active'`,
    },
    input,
  );
}

/** The same search over the versions valid on `date`. */
export async function searchOrganisationsAsOf(
  executor: Executor,
  input: SearchInput & { date: string },
): Promise<SearchRow[]> {
  return searchByTiers(
    executor,
    {
      columns: AS_OF_COLUMNS,
      from: sql`org_versions v JOIN organisations o ON o.id = v.org_id`,
      key: sql`v.search_key`,
      filter: sql`AND ${validOn(input.date)}`,
    },
    input,
  );
}

export interface VersionWithParentRow extends OrgVersionRow {
  parentName: string | null;
}

/** All versions of an organisation, each with its parent's name as it was when the version began. */
export async function listVersions(executor: Executor, orgId: number): Promise<VersionWithParentRow[]> {
  const result = await sql<VersionWithParentRow>`
    SELECT v.*, coalesce(
      (SELECT pv.name FROM org_versions pv WHERE pv.org_id = v.parent_id AND pv.valid_from <= v.valid_from
         AND (pv.valid_to IS NULL OR pv.valid_to > v.valid_from) LIMIT 1),
      p.name) AS parent_name
    FROM org_versions v LEFT JOIN organisations p ON p.id = v.parent_id
    WHERE v.org_id = ${orgId}
    ORDER BY v.valid_from, v.id`.execute(executor);
  return result.rows;
}

export interface EventForOrgRow {
  id: number;
  kind: OrgEventRow["kind"];
  effectiveDate: string;
  reason: string | null;
  decisionRef: string | null;
  recordedAt: Date;
  actorName: string | null;
  details: Record<string, string | null>;
  /** This organisation's parts in the event, comma-separated (subject, source, target, moved_child). */
  roles: string;
}

export async function listEventsForOrg(executor: Executor, orgId: number): Promise<EventForOrgRow[]> {
  const result = await sql<EventForOrgRow>`
    SELECT e.id, e.kind, e.effective_date, e.reason, e.decision_ref, e.recorded_at, a.display_name AS actor_name,
      (SELECT jsonb_object_agg(k, val) FROM org_event_parts p2, jsonb_each_text(p2.details) AS d(k, val)
        WHERE p2.event_id = e.id AND p2.org_id = ${orgId}) AS details,
      (SELECT string_agg(p3.role, ',') FROM org_event_parts p3
        WHERE p3.event_id = e.id AND p3.org_id = ${orgId}) AS roles
    FROM org_events e
    LEFT JOIN accounts a ON a.id = e.actor_id
    WHERE e.id IN (SELECT event_id FROM org_event_parts WHERE org_id = ${orgId})
    ORDER BY e.effective_date, e.id`.execute(executor);
  return result.rows;
}

export async function listLineageForEvents(executor: Executor, eventIds: number[]) {
  if (eventIds.length === 0) return [];
  return executor.selectFrom("orgLineage").selectAll().where("eventId", "in", eventIds).execute();
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
