// SQL of the register's records: one document's row with its names, its recipients, files, text,
// relations both ways, and the writes of registering and editing. Every function takes the executor
// (db or transaction) first. Reads that depend on who asks take the DocumentScope and use the one
// visibility rule (documents.visibility.ts).
import {
  type Expression,
  type Insertable,
  type Kysely,
  type SqlBool,
  sql,
  type Transaction,
  type Updateable,
} from "kysely";
import type { Database, DocumentsTable } from "../../db/schema.ts";
import { type DocumentScope, documentVisibleSql } from "./documents.visibility.ts";

export type Executor = Kysely<Database> | Transaction<Database>;

/** The columns of a DocumentSummary, from `documents d` with its type and organisations. */
export function documentSummaryQuery(executor: Executor) {
  return executor
    .selectFrom("documents as d")
    .innerJoin("documentTypes as dt", "dt.id", "d.typeId")
    .innerJoin("organisations as oo", "oo.id", "d.ownerOrgId")
    .leftJoin("organisations as io", "io.id", "d.issuingOrgId")
    .select([
      "d.id",
      "d.system",
      "d.typeId",
      "d.typeAbbreviation",
      "dt.nameVi as typeNameVi",
      "dt.nameEn as typeNameEn",
      "d.number",
      "d.issuerCodes",
      "d.symbol",
      "d.citation",
      "d.issuedOn",
      "d.subject",
      "d.status",
      "d.confidentiality",
      "d.isPlaceholder",
      "d.ownerOrgId",
      "oo.name as ownerOrgName",
      "oo.path as ownerOrgPath",
      "d.issuingOrgId",
      "io.name as issuingOrgName",
    ]);
}

export interface DocumentSummaryRow {
  id: number;
  system: "party" | "state";
  typeId: number;
  typeAbbreviation: string;
  typeNameVi: string;
  typeNameEn: string;
  number: string | null;
  issuerCodes: string[];
  symbol: string | null;
  citation: string | null;
  issuedOn: string | null;
  subject: string;
  status: "in_force" | "amended" | "replaced" | "expired";
  confidentiality: "normal" | "confidential" | "secret" | "top_secret";
  isPlaceholder: boolean;
  ownerOrgId: number;
  ownerOrgName: string;
  ownerOrgPath: string;
  issuingOrgId: number | null;
  issuingOrgName: string | null;
}

/** The summaries of those of `ids` the scope may see (any order). */
export async function listVisibleSummaries(
  executor: Executor,
  scope: DocumentScope,
  ids: readonly number[],
): Promise<DocumentSummaryRow[]> {
  if (ids.length === 0) return [];
  return documentSummaryQuery(executor)
    .where(sql<SqlBool>`d.id = ANY(${[...ids]}::bigint[])`)
    .where(documentVisibleSql("d", scope))
    .execute();
}

export type DocumentRecordRow = DocumentSummaryRow & {
  termId: number | null;
  termLabel: string | null;
  place: string | null;
  signer: string | null;
  textSource: DocumentsTable["textSource"];
  version: number;
  numberKey: string | null;
  citationKey: string | null;
  textLength: number;
};

function recordQuery(executor: Executor) {
  return documentSummaryQuery(executor)
    .leftJoin("committeeTerms as ct", "ct.id", "d.termId")
    .select([
      "d.termId",
      "ct.label as termLabel",
      "d.place",
      "d.signer",
      "d.textSource",
      "d.version",
      "d.numberKey",
      "d.citationKey",
      sql<number>`coalesce((SELECT length(t.body) FROM document_texts t WHERE t.document_id = d.id), 0)`.as(
        "textLength",
      ),
    ]);
}

/** One document if the scope may see it. */
export async function findVisibleRecord(
  executor: Executor,
  scope: DocumentScope,
  id: number,
): Promise<DocumentRecordRow | undefined> {
  return recordQuery(executor)
    .where("d.id", "=", id)
    .where(documentVisibleSql("d", scope))
    .executeTakeFirst();
}

/** Locks the document row for the rest of the transaction (edits and relations apply one by one). */
export async function lockDocument(executor: Executor, id: number): Promise<void> {
  await executor.selectFrom("documents").select("id").where("id", "=", id).forUpdate().execute();
}

export async function listRecipients(executor: Executor, documentId: number) {
  return executor
    .selectFrom("documentRecipients as r")
    .innerJoin("organisations as o", "o.id", "r.orgId")
    .select(["r.orgId", "o.name as orgName"])
    .where("r.documentId", "=", documentId)
    .orderBy("o.name")
    .execute();
}

export async function listFiles(executor: Executor, documentId: number) {
  return executor
    .selectFrom("documentFiles")
    .select(["id", "fileName", "mediaType", "kind", "sizeBytes", "hasTextLayer", "pageCount", "createdAt"])
    .where("documentId", "=", documentId)
    .orderBy("id")
    .execute();
}

export interface RelationRow {
  id: number;
  fromDocumentId: number;
  toDocumentId: number;
  kind: "implements" | "replaces" | "amends" | "guides" | "refers_to";
  origin: "text" | "manual";
  quote: string | null;
  quoteStart: number | null;
  quoteEnd: number | null;
}

const RELATION_COLUMNS = [
  "id",
  "fromDocumentId",
  "toDocumentId",
  "kind",
  "origin",
  "quote",
  "quoteStart",
  "quoteEnd",
] as const;

/** The relations a document cites, in the order of its text. */
export async function listOutgoingRelations(executor: Executor, documentId: number): Promise<RelationRow[]> {
  return executor
    .selectFrom("documentRelations")
    .select(RELATION_COLUMNS)
    .where("fromDocumentId", "=", documentId)
    .orderBy("quoteStart")
    .orderBy("id")
    .execute();
}

/**
 * The relations citing a document from documents the scope may see, newest first, at most `limit`, with
 * how many there are and how many come from documents the scope may not see (a central resolution is
 * cited by every plan of the country).
 */
export async function listIncomingRelations(
  executor: Executor,
  scope: DocumentScope,
  documentId: number,
  limit: number,
): Promise<{ rows: RelationRow[]; total: number; hidden: number }> {
  const [rows, counts] = await Promise.all([
    executor
      .selectFrom("documentRelations as r")
      .innerJoin("documents as d", "d.id", "r.fromDocumentId")
      .select([
        "r.id",
        "r.fromDocumentId",
        "r.toDocumentId",
        "r.kind",
        "r.origin",
        "r.quote",
        "r.quoteStart",
        "r.quoteEnd",
      ])
      .where("r.toDocumentId", "=", documentId)
      .where(documentVisibleSql("d", scope))
      .orderBy("r.id", "desc")
      .limit(limit)
      .execute(),
    executor
      .selectFrom("documentRelations as r")
      .innerJoin("documents as d", "d.id", "r.fromDocumentId")
      .select([
        sql<number>`count(*)`.as("total"),
        sql<number>`count(*) FILTER (WHERE NOT ${documentVisibleSql("d", scope)})`.as("hidden"),
      ])
      .where("r.toDocumentId", "=", documentId)
      .executeTakeFirst(),
  ]);
  return { rows, total: Number(counts?.total ?? 0), hidden: Number(counts?.hidden ?? 0) };
}

/** Relations touching any of `ids` (either end), at most `limit`. */
export async function listRelationsTouching(
  executor: Executor,
  ids: readonly number[],
  limit: number,
): Promise<RelationRow[]> {
  if (ids.length === 0) return [];
  return executor
    .selectFrom("documentRelations")
    .select(RELATION_COLUMNS)
    .where(
      sql<SqlBool>`(from_document_id = ANY(${[...ids]}::bigint[]) OR to_document_id = ANY(${[...ids]}::bigint[]))`,
    )
    .orderBy("id")
    .limit(limit)
    .execute();
}

export async function findRelation(executor: Executor, id: number): Promise<RelationRow | undefined> {
  return executor
    .selectFrom("documentRelations")
    .select(RELATION_COLUMNS)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function relationExists(
  executor: Executor,
  fromDocumentId: number,
  toDocumentId: number,
  kind: RelationRow["kind"],
): Promise<boolean> {
  const row = await executor
    .selectFrom("documentRelations")
    .select("id")
    .where("fromDocumentId", "=", fromDocumentId)
    .where("toDocumentId", "=", toDocumentId)
    .where("kind", "=", kind)
    .executeTakeFirst();
  return row !== undefined;
}

/** Inserts a relation unless the same one exists; returns its id, or null when it existed. */
export async function insertRelation(
  executor: Executor,
  values: Insertable<Database["documentRelations"]>,
): Promise<number | null> {
  const row = await executor
    .insertInto("documentRelations")
    .values(values)
    .onConflict((oc) => oc.columns(["fromDocumentId", "toDocumentId", "kind"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function deleteRelation(executor: Executor, id: number): Promise<void> {
  await executor.deleteFrom("documentRelations").where("id", "=", id).execute();
}

export async function countCascades(executor: Executor, documentId: number): Promise<number> {
  const row = await executor
    .selectFrom("documentCascades")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("documentId", "=", documentId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findDocumentText(executor: Executor, documentId: number): Promise<string | null> {
  const row = await executor
    .selectFrom("documentTexts")
    .select("body")
    .where("documentId", "=", documentId)
    .executeTakeFirst();
  return row?.body ?? null;
}

export async function upsertDocumentText(
  executor: Executor,
  documentId: number,
  body: string,
): Promise<void> {
  await executor
    .insertInto("documentTexts")
    .values({ documentId, body })
    .onConflict((oc) => oc.column("documentId").doUpdateSet({ body }))
    .execute();
}

export type NewDocument = Insertable<DocumentsTable>;

export async function insertDocument(executor: Executor, values: NewDocument): Promise<number> {
  const row = await executor.insertInto("documents").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** Writes the changes if the version is still `version`; false when someone else changed it first. */
export async function updateDocumentAtVersion(
  executor: Executor,
  id: number,
  version: number,
  changes: Updateable<DocumentsTable>,
  now: Date,
): Promise<boolean> {
  const result = await executor
    .updateTable("documents")
    .set({ ...changes, version: sql`version + 1`, updatedAt: now })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceRecipients(
  executor: Executor,
  documentId: number,
  orgIds: readonly number[],
): Promise<void> {
  await executor.deleteFrom("documentRecipients").where("documentId", "=", documentId).execute();
  if (orgIds.length === 0) return;
  await executor
    .insertInto("documentRecipients")
    .values(orgIds.map((orgId) => ({ documentId, orgId })))
    .execute();
}

export async function listRecipientIds(executor: Executor, documentId: number): Promise<number[]> {
  const rows = await executor
    .selectFrom("documentRecipients")
    .select("orgId")
    .where("documentId", "=", documentId)
    .orderBy("orgId")
    .execute();
  return rows.map((row) => row.orgId);
}

export async function insertDocumentFile(
  executor: Executor,
  values: Insertable<Database["documentFiles"]>,
): Promise<number> {
  const row = await executor
    .insertInto("documentFiles")
    .values(values)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The documents holding this number key or citation key (a duplicate check before writing). */
export async function findByNumberKey(
  executor: Executor,
  numberKey: string,
): Promise<{ id: number; isPlaceholder: boolean } | undefined> {
  return executor
    .selectFrom("documents")
    .select(["id", "isPlaceholder"])
    .where("numberKey", "=", numberKey)
    .executeTakeFirst();
}

export async function findByCitationKey(
  executor: Executor,
  citationKey: string,
): Promise<{ id: number; isPlaceholder: boolean } | undefined> {
  return executor
    .selectFrom("documents")
    .select(["id", "isPlaceholder"])
    .where("citationKey", "=", citationKey)
    .executeTakeFirst();
}

export interface OrgRef {
  id: number;
  name: string;
  path: string;
  parentId: number | null;
  isDepartment: boolean;
}

export async function findOrgs(executor: Executor, ids: readonly number[]): Promise<OrgRef[]> {
  if (ids.length === 0) return [];
  return executor
    .selectFrom("organisations as o")
    .innerJoin("orgTypes as t", "t.code", "o.typeCode")
    .select(["o.id", "o.name", "o.path", "o.parentId", "t.isDepartment"])
    .where(sql<SqlBool>`o.id = ANY(${[...ids]}::bigint[])`)
    .execute();
}

/** Whether the scope may see the document (the one rule), without loading it. */
export async function isVisible(executor: Executor, scope: DocumentScope, id: number): Promise<boolean> {
  const row = await executor
    .selectFrom("documents as d")
    .select(sql<SqlBool>`true`.as("yes"))
    .where("d.id", "=", id)
    .where(documentVisibleSql("d", scope))
    .executeTakeFirst();
  return row !== undefined;
}

export async function documentExists(executor: Executor, id: number): Promise<boolean> {
  const row = await executor.selectFrom("documents").select("id").where("id", "=", id).executeTakeFirst();
  return row !== undefined;
}

const NUMBERING_LOCK_NAMESPACE = 7_240_403;

/**
 * The next number of a Party series (type abbreviation, lead issuer, term): max + 1 under a
 * transaction-scoped lock of that series, so two documents registered at once get distinct numbers.
 */
export async function nextSeriesNumber(
  executor: Executor,
  series: { typeAbbreviation: string; leadIssuer: string; termId: number },
): Promise<number> {
  const key = `${series.termId}|${series.leadIssuer}|${series.typeAbbreviation}`;
  await sql`SELECT pg_advisory_xact_lock(${NUMBERING_LOCK_NAMESPACE}, hashtext(${key}))`.execute(executor);
  const row = await executor
    .selectFrom("documents")
    .select(sql<number | null>`max(number::int)`.as("highest"))
    .where("system", "=", "party")
    .where("typeAbbreviation", "=", series.typeAbbreviation)
    .where("termId", "=", series.termId)
    .where(sql<SqlBool>`issuer_codes[1] = ${series.leadIssuer}`)
    .where(sql<SqlBool>`number ~ '^[0-9]{1,6}$'`)
    .executeTakeFirst();
  return Number(row?.highest ?? 0) + 1;
}

/**
 * Where a placeholder must lie for a registration by `holderPath` to complete it: the registering
 * reader sees it, and it is held in the holder's lineage (by an ancestor-or-self or inside its
 * subtree) — never another province's or a sibling's.
 */
function completableBy(scope: DocumentScope, holderPath: string): Expression<SqlBool> {
  return sql<SqlBool>`(${documentVisibleSql("d", scope)} AND EXISTS (
    SELECT 1 FROM organisations po WHERE po.id = d.owner_org_id
      AND (po.path @> ${holderPath}::ltree OR po.path <@ ${holderPath}::ltree)))`;
}

/**
 * A placeholder standing for this Party or state number, created from a citation before the document
 * itself was registered: same key, or cited without a date (no key), or — for a document numbered in a
 * term — cited with a date inside that term when the citation could not tell the term (a local body's
 * "02-ĐA/TU"); only one the registering reader may complete (completableBy).
 */
export async function findPlaceholderFor(
  executor: Executor,
  parts: {
    system: "party" | "state";
    typeAbbreviation: string;
    number: string;
    leadIssuer: string;
    numberKey: string | null;
    termId: number | null;
  },
  scope: DocumentScope,
  holderPath: string,
): Promise<{ id: number } | undefined> {
  return executor
    .selectFrom("documents as d")
    .select("d.id")
    .where("d.isPlaceholder", "=", true)
    .where("d.system", "=", parts.system)
    .where("d.typeAbbreviation", "=", parts.typeAbbreviation)
    .where("d.number", "=", parts.number)
    .where(sql<SqlBool>`d.issuer_codes[1] = ${parts.leadIssuer}`)
    .where((eb) => {
      const alternatives: Expression<SqlBool>[] = [eb("d.numberKey", "is", null)];
      if (parts.numberKey !== null) alternatives.push(eb("d.numberKey", "=", parts.numberKey));
      if (parts.termId !== null) {
        alternatives.push(
          sql<SqlBool>`(d.term_id IS NULL AND EXISTS (
            SELECT 1 FROM committee_terms ct WHERE ct.id = ${parts.termId}
              AND d.issued_on >= ct.starts_on AND (ct.ends_on IS NULL OR d.issued_on <= ct.ends_on)))`,
        );
      }
      return eb.or(alternatives);
    })
    .where(completableBy(scope, holderPath))
    .orderBy("d.id")
    .limit(1)
    .executeTakeFirst();
}

/** The placeholder created from a citation by this name (stored citation key), if the reader may complete it. */
export async function findPlaceholderByCitationKey(
  executor: Executor,
  citationKey: string,
  scope: DocumentScope,
  holderPath: string,
): Promise<{ id: number } | undefined> {
  return executor
    .selectFrom("documents as d")
    .select("d.id")
    .where("d.isPlaceholder", "=", true)
    .where("d.citationKey", "=", citationKey)
    .where(completableBy(scope, holderPath))
    .executeTakeFirst();
}

/**
 * Locks a placeholder about to be completed; its version, or undefined when it is no longer a
 * placeholder (someone completed it first).
 */
export async function lockPlaceholder(
  executor: Executor,
  id: number,
): Promise<{ version: number } | undefined> {
  return executor
    .selectFrom("documents")
    .select("version")
    .where("id", "=", id)
    .where("isPlaceholder", "=", true)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Merges placeholder `goneId` into `keptId` (two placeholders of one document, one cited by number, one
 * by name): its relations and cascades move over — a relation the kept one already has is dropped —
 * and it is deleted.
 */
export async function mergePlaceholderInto(
  executor: Executor,
  goneId: number,
  keptId: number,
): Promise<void> {
  await sql`UPDATE document_relations r SET to_document_id = ${keptId}
    WHERE r.to_document_id = ${goneId} AND r.from_document_id <> ${keptId} AND NOT EXISTS (
      SELECT 1 FROM document_relations x
      WHERE x.from_document_id = r.from_document_id AND x.to_document_id = ${keptId} AND x.kind = r.kind)`.execute(
    executor,
  );
  await sql`UPDATE document_relations r SET from_document_id = ${keptId}
    WHERE r.from_document_id = ${goneId} AND r.to_document_id <> ${keptId} AND NOT EXISTS (
      SELECT 1 FROM document_relations x
      WHERE x.from_document_id = ${keptId} AND x.to_document_id = r.to_document_id AND x.kind = r.kind)`.execute(
    executor,
  );
  await sql`UPDATE document_cascades SET document_id = ${keptId} WHERE document_id = ${goneId}`.execute(
    executor,
  );
  await executor.deleteFrom("documents").where("id", "=", goneId).execute();
}
