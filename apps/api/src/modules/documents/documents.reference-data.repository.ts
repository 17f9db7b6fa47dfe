// SQL of the register's reference data: document types, issuer codes and committee terms.
import { type SqlBool, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { Executor } from "./documents.repository.ts";

export type DocumentTypeRow = {
  id: number;
  system: "party" | "state";
  abbreviation: string;
  nameVi: string;
  nameEn: string;
  isPlan: boolean;
  legacy: boolean;
  sortOrder: number;
};

export type DocumentIssuerRow = {
  code: string;
  nameVi: string;
  nameEn: string;
  level: Database["documentIssuers"]["level"];
  legacy: boolean;
  sortOrder: number;
};

export type CommitteeTermRow = {
  id: number;
  orgId: number | null;
  orgName: string | null;
  issuerCode: string | null;
  label: string;
  startsOn: string;
  endsOn: string | null;
};

const TYPE_COLUMNS = [
  "id",
  "system",
  "abbreviation",
  "nameVi",
  "nameEn",
  "isPlan",
  "legacy",
  "sortOrder",
] as const;
const ISSUER_COLUMNS = ["code", "nameVi", "nameEn", "level", "legacy", "sortOrder"] as const;

export async function listDocumentTypes(executor: Executor): Promise<DocumentTypeRow[]> {
  return executor
    .selectFrom("documentTypes")
    .select(TYPE_COLUMNS)
    .orderBy("system")
    .orderBy("sortOrder")
    .orderBy("id")
    .execute();
}

export async function findDocumentType(executor: Executor, id: number): Promise<DocumentTypeRow | undefined> {
  return executor.selectFrom("documentTypes").select(TYPE_COLUMNS).where("id", "=", id).executeTakeFirst();
}

/** The type a reference's abbreviation stands for: the current one first ("QĐ" → Quyết định). */
export async function findTypeByAbbreviation(
  executor: Executor,
  system: "party" | "state",
  abbreviation: string,
): Promise<DocumentTypeRow | undefined> {
  return executor
    .selectFrom("documentTypes")
    .select(TYPE_COLUMNS)
    .where("system", "=", system)
    .where("abbreviation", "=", abbreviation)
    .orderBy("legacy")
    .orderBy("sortOrder")
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
}

export async function insertDocumentType(
  executor: Executor,
  values: Omit<DocumentTypeRow, "id">,
): Promise<DocumentTypeRow> {
  return executor
    .insertInto("documentTypes")
    .values(values)
    .returning(TYPE_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function updateDocumentType(
  executor: Executor,
  id: number,
  values: Partial<Omit<DocumentTypeRow, "id" | "system" | "abbreviation">>,
): Promise<DocumentTypeRow> {
  return executor
    .updateTable("documentTypes")
    .set(values)
    .where("id", "=", id)
    .returning(TYPE_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function lockDocumentType(executor: Executor, id: number): Promise<DocumentTypeRow | undefined> {
  return executor
    .selectFrom("documentTypes")
    .select(TYPE_COLUMNS)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

export async function typeNameTaken(
  executor: Executor,
  system: "party" | "state",
  abbreviation: string,
  nameVi: string,
  exceptId: number | null,
): Promise<boolean> {
  let query = executor
    .selectFrom("documentTypes")
    .select("id")
    .where("system", "=", system)
    .where("abbreviation", "=", abbreviation)
    .where("nameVi", "=", nameVi);
  if (exceptId !== null) query = query.where("id", "<>", exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function listDocumentIssuers(executor: Executor): Promise<DocumentIssuerRow[]> {
  return executor
    .selectFrom("documentIssuers")
    .select(ISSUER_COLUMNS)
    .orderBy("sortOrder")
    .orderBy("code")
    .execute();
}

export async function findDocumentIssuer(
  executor: Executor,
  code: string,
  forUpdate = false,
): Promise<DocumentIssuerRow | undefined> {
  const query = executor.selectFrom("documentIssuers").select(ISSUER_COLUMNS).where("code", "=", code);
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

export async function insertDocumentIssuer(
  executor: Executor,
  values: DocumentIssuerRow,
): Promise<DocumentIssuerRow> {
  return executor
    .insertInto("documentIssuers")
    .values(values)
    .returning(ISSUER_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function updateDocumentIssuer(
  executor: Executor,
  code: string,
  values: Partial<Omit<DocumentIssuerRow, "code">>,
): Promise<DocumentIssuerRow> {
  return executor
    .updateTable("documentIssuers")
    .set(values)
    .where("code", "=", code)
    .returning(ISSUER_COLUMNS)
    .executeTakeFirstOrThrow();
}

function termQuery(executor: Executor) {
  return executor
    .selectFrom("committeeTerms as ct")
    .leftJoin("organisations as o", "o.id", "ct.orgId")
    .select([
      "ct.id",
      "ct.orgId",
      "o.name as orgName",
      "ct.issuerCode",
      "ct.label",
      "ct.startsOn",
      "ct.endsOn",
    ]);
}

export type TermOwner = { orgId: number } | { issuerCode: string };

export async function listTerms(executor: Executor, owner: TermOwner): Promise<CommitteeTermRow[]> {
  const query =
    "orgId" in owner
      ? termQuery(executor).where("ct.orgId", "=", owner.orgId)
      : termQuery(executor).where("ct.issuerCode", "=", owner.issuerCode);
  return query.orderBy("ct.startsOn", "desc").execute();
}

export async function findTerm(executor: Executor, id: number): Promise<CommitteeTermRow | undefined> {
  return termQuery(executor).where("ct.id", "=", id).executeTakeFirst();
}

/** The owner's term that contains `date`. */
export async function findTermContaining(
  executor: Executor,
  owner: TermOwner,
  date: string,
): Promise<CommitteeTermRow | undefined> {
  const base = termQuery(executor)
    .where("ct.startsOn", "<=", date)
    .where((eb) => eb.or([eb("ct.endsOn", "is", null), eb("ct.endsOn", ">=", date)]));
  const query =
    "orgId" in owner
      ? base.where("ct.orgId", "=", owner.orgId)
      : base.where("ct.issuerCode", "=", owner.issuerCode);
  return query.orderBy("ct.startsOn", "desc").limit(1).executeTakeFirst();
}

/** Which of `orgIds` hold at least one term. */
export async function orgsWithTerms(executor: Executor, orgIds: readonly number[]): Promise<Set<number>> {
  if (orgIds.length === 0) return new Set();
  const rows = await executor
    .selectFrom("committeeTerms")
    .select("orgId")
    .distinct()
    .where(sql<SqlBool>`org_id = ANY(${[...orgIds]}::bigint[])`)
    .execute();
  return new Set(rows.flatMap((row) => (row.orgId === null ? [] : [row.orgId])));
}

/** Another term of the same owner sharing a day with [startsOn, endsOn]. */
export async function findOverlappingTerm(
  executor: Executor,
  owner: TermOwner,
  startsOn: string,
  endsOn: string | null,
  exceptId: number | null,
): Promise<CommitteeTermRow | undefined> {
  let query = termQuery(executor)
    .where((eb) => eb.or([eb("ct.endsOn", "is", null), eb("ct.endsOn", ">=", startsOn)]))
    .where(sql<boolean>`(${endsOn}::date IS NULL OR ct.starts_on <= ${endsOn}::date)`);
  query =
    "orgId" in owner
      ? query.where("ct.orgId", "=", owner.orgId)
      : query.where("ct.issuerCode", "=", owner.issuerCode);
  if (exceptId !== null) query = query.where("ct.id", "<>", exceptId);
  return query.limit(1).executeTakeFirst();
}

/** Serialises changes to one owner's terms, so two overlapping terms cannot both pass the check. */
export async function lockTermsOf(executor: Executor, owner: TermOwner): Promise<void> {
  const key = "orgId" in owner ? `org:${owner.orgId}` : `issuer:${owner.issuerCode}`;
  await sql`SELECT pg_advisory_xact_lock(${TERM_LOCK_NAMESPACE}, hashtext(${key}))`.execute(executor);
}
const TERM_LOCK_NAMESPACE = 7_240_402;

export async function insertTerm(
  executor: Executor,
  values: {
    orgId: number | null;
    issuerCode: string | null;
    label: string;
    startsOn: string;
    endsOn: string | null;
  },
): Promise<number> {
  const row = await executor
    .insertInto("committeeTerms")
    .values(values)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateTerm(
  executor: Executor,
  id: number,
  values: { label: string; startsOn: string; endsOn: string | null },
): Promise<void> {
  await executor.updateTable("committeeTerms").set(values).where("id", "=", id).execute();
}

/** Documents numbered in a term whose issue date would fall before `startsOn` or after `endsOn`. */
export async function countTermDocumentsOutside(
  executor: Executor,
  termId: number,
  startsOn: string,
  endsOn: string | null,
): Promise<{ before: number; after: number }> {
  const row = await executor
    .selectFrom("documents")
    .select([
      sql<number>`count(*) FILTER (WHERE issued_on < ${startsOn}::date)`.as("before"),
      sql<number>`count(*) FILTER (WHERE ${endsOn}::date IS NOT NULL AND issued_on > ${endsOn}::date)`.as(
        "after",
      ),
    ])
    .where("termId", "=", termId)
    .executeTakeFirst();
  return { before: Number(row?.before ?? 0), after: Number(row?.after ?? 0) };
}
