// SQL for cascades and their targets. Every function takes the executor first.
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";
import { type DocumentScope, documentVisibleSql } from "./documents.visibility.ts";

export type Executor = Kysely<Database> | Transaction<Database>;

/** The document a cascade hangs on, with its holding organisation's path and whether the actor sees it. */
export interface CascadeDocumentRow {
  id: number;
  ownerOrgId: number;
  ownerPath: string;
  issuedOn: string | null;
  isPlaceholder: boolean;
  symbol: string | null;
  citation: string | null;
  subject: string;
  confidentiality: "normal" | "confidential" | "secret" | "top_secret";
  typeNameVi: string;
  typeNameEn: string;
  visible: boolean;
}

function cascadeDocuments(executor: Executor, scope: DocumentScope) {
  return executor
    .selectFrom("documents as d")
    .innerJoin("organisations as oo", "oo.id", "d.ownerOrgId")
    .innerJoin("documentTypes as dt", "dt.id", "d.typeId")
    .select([
      "d.id",
      "d.ownerOrgId",
      "oo.path as ownerPath",
      "d.issuedOn",
      "d.isPlaceholder",
      "d.symbol",
      "d.citation",
      "d.subject",
      "d.confidentiality",
      "dt.nameVi as typeNameVi",
      "dt.nameEn as typeNameEn",
      sql<boolean>`${documentVisibleSql("d", scope)}`.as("visible"),
    ]);
}

export async function findCascadeDocument(
  executor: Executor,
  documentId: number,
  scope: DocumentScope,
): Promise<CascadeDocumentRow | undefined> {
  return cascadeDocuments(executor, scope).where("d.id", "=", documentId).executeTakeFirst();
}

export interface CascadeRow {
  id: number;
  documentId: number;
  deadline: string;
  selection: unknown;
  note: string | null;
  version: number;
  createdAt: Date;
  createdByName: string | null;
}

function cascades(executor: Executor) {
  return executor
    .selectFrom("documentCascades as c")
    .leftJoin("accounts as a", "a.id", "c.createdBy")
    .select([
      "c.id",
      "c.documentId",
      "c.deadline",
      "c.selection",
      "c.note",
      "c.version",
      "c.createdAt",
      "a.displayName as createdByName",
    ]);
}

export async function findCascade(executor: Executor, id: number): Promise<CascadeRow | undefined> {
  return cascades(executor).where("c.id", "=", id).executeTakeFirst();
}

/** Locks the cascade row for a change (the version check happens under the lock). */
export async function lockCascade(executor: Executor, id: number): Promise<CascadeRow | undefined> {
  const locked = await executor
    .selectFrom("documentCascades")
    .select("id")
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  return locked ? findCascade(executor, id) : undefined;
}

export async function listCascadesOfDocument(executor: Executor, documentId: number): Promise<CascadeRow[]> {
  return cascades(executor)
    .where("c.documentId", "=", documentId)
    .orderBy("c.deadline")
    .orderBy("c.id")
    .execute();
}

export interface CascadeOrgRow {
  id: number;
  path: string;
  name: string;
  active: boolean;
}

export async function findOrgs(executor: Executor, ids: readonly number[]): Promise<CascadeOrgRow[]> {
  if (ids.length === 0) return [];
  return executor
    .selectFrom("organisations")
    .select(["id", "path", "name", sql<boolean>`status = 'active'`.as("active")])
    .where("id", "in", [...ids])
    .execute();
}

export async function findOrgTypeNames(
  executor: Executor,
  codes: readonly string[],
): Promise<{ code: string; nameVi: string; nameEn: string }[]> {
  if (codes.length === 0) return [];
  return executor
    .selectFrom("orgTypes")
    .select(["code", "nameVi", "nameEn"])
    .where("code", "in", [...codes])
    .orderBy("sortOrder")
    .execute();
}

export async function insertCascade(
  executor: Executor,
  values: {
    documentId: number;
    deadline: string;
    selection: unknown;
    note: string | null;
    createdBy: number;
  },
): Promise<number> {
  const row = await executor
    .insertInto("documentCascades")
    .values({ ...values, selection: JSON.stringify(values.selection) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Rows per INSERT of targets (2 bind parameters each). */
const TARGET_INSERT_BATCH = 5000;

export async function insertTargets(executor: Executor, cascadeId: number, orgIds: readonly number[]) {
  for (let start = 0; start < orgIds.length; start += TARGET_INSERT_BATCH) {
    await executor
      .insertInto("documentCascadeTargets")
      .values(orgIds.slice(start, start + TARGET_INSERT_BATCH).map((orgId) => ({ cascadeId, orgId })))
      .execute();
  }
}

export async function updateCascade(
  executor: Executor,
  id: number,
  changes: { deadline?: string; note?: string | null },
): Promise<void> {
  await executor
    .updateTable("documentCascades")
    .set({ ...changes, version: sql`version + 1` })
    .where("id", "=", id)
    .execute();
}

export async function deleteCascade(executor: Executor, id: number): Promise<void> {
  await executor.deleteFrom("documentCascades").where("id", "=", id).execute();
}

export async function countTargets(executor: Executor, cascadeId: number): Promise<number> {
  const row = await executor
    .selectFrom("documentCascadeTargets")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("cascadeId", "=", cascadeId)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function markReminded(
  executor: Executor,
  cascadeId: number,
  orgIds: readonly number[],
  at: Date,
): Promise<void> {
  if (orgIds.length === 0) return;
  await executor
    .updateTable("documentCascadeTargets")
    .set({ lastRemindedAt: at })
    .where("cascadeId", "=", cascadeId)
    .where("orgId", "in", [...orgIds])
    .execute();
}

/** The first of `scopePaths` (shortest first) under which the cascade has a target. */
export async function firstScopeWithTargets(
  executor: Executor,
  cascadeId: number,
  scopePaths: readonly string[],
): Promise<string | undefined> {
  for (const root of scopePaths) {
    const hit = await executor
      .selectFrom("documentCascadeTargets as t")
      .innerJoin("organisations as o", "o.id", "t.orgId")
      .select("t.orgId")
      .where("t.cascadeId", "=", cascadeId)
      .where(sql<boolean>`o.path <@ ${root}::ltree`)
      .limit(1)
      .executeTakeFirst();
    if (hit) return root;
  }
  return undefined;
}

export async function findOrgNames(executor: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .selectFrom("organisations")
    .select(["id", "name"])
    .where("id", "in", [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
