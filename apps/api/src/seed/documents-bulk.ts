// Set-based loading of planned documents for the demo and the bulk seeder: ids are assigned here (so
// relations and cascades can point at documents of the same plan), rows go in as arrays through
// unnest() in batches, and the search vector is written by the register's own expression. Row for
// row it writes what the documents services write for a registered document: the document (symbol,
// number key, citation key, search vector), its text, recipients, relations found in the text and
// cascades with their targets fixed at creation.
import { sql, type Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { numberKeyOf, storedCitationKeyOf } from "../modules/documents/documents.keys.ts";
import { documentSearchVectorSql } from "../modules/documents/documents.search.repository.ts";

/** Documents per INSERT statement: ~5,000 texts of a few kilobytes keep one statement under ~20 MB. */
export const DOCUMENT_BATCH_SIZE = 5_000;

export type DocumentStatusValue = "in_force" | "amended" | "replaced" | "expired";
export type RelationKind = "implements" | "replaces" | "amends" | "guides" | "refers_to";

export interface PlannedDocument {
  ownerOrgId: number;
  issuingOrgId: number | null;
  system: "party" | "state";
  /** "KH", "QĐ", "NĐ". */
  typeAbbreviation: string;
  /** The type's Vietnamese name: "Kế hoạch"; tells "Quyết định" from "Quy định" in the QĐ series. */
  typeName: string;
  /** As written: "12", "05", "30/2020"; null when unnumbered. */
  number: string | null;
  issuerCodes: readonly string[];
  /** "12-KH/TU", "30/2020/NĐ-CP"; null when unnumbered. */
  symbol: string | null;
  termId: number | null;
  issuedOn: string | null;
  place: string | null;
  subject: string;
  signer: string | null;
  status?: DocumentStatusValue;
  confidentiality?: "normal" | "confidential" | "secret" | "top_secret";
  isPlaceholder?: boolean;
  /** "Nghị quyết Trung ương 4 (khóa XII)" for a document cited by name. */
  citation?: string | null;
  /** "NQ|plenum:4|term:XII", "NQ|congress:XIV" (stored scoped by the holder's tree). */
  citationKey?: string | null;
  textSource?: "docx" | "pdf" | "txt" | "manual" | "none" | null;
  body?: string | null;
  recipientOrgIds?: readonly number[];
}

/** A document of this plan (its index) or one already in the database (its id). */
export type DocumentRef = { index: number } | { id: number };

export interface PlannedRelation {
  /** Index of the citing document in the plan. */
  from: number;
  to: DocumentRef;
  kind: RelationKind;
  origin: "text" | "manual";
  /** The first citation as written in the from-document's text, with its offsets. */
  quote?: string | null;
  quoteStart?: number | null;
  quoteEnd?: number | null;
}

export interface PlannedCascade {
  document: DocumentRef;
  deadline: string;
  selection: { kind: "orgs"; orgIds: number[] } | { kind: "types"; rootOrgId: number; typeCodes: string[] };
  note: string | null;
  targetOrgIds: readonly number[];
}

export interface DocumentPlan {
  documents: PlannedDocument[];
  relations: PlannedRelation[];
  cascades: PlannedCascade[];
}

export function emptyDocumentPlan(): DocumentPlan {
  return { documents: [], relations: [], cascades: [] };
}

export interface LoadedDocuments {
  /** Database id of each planned document, by plan index. */
  ids: number[];
  cascadeIds: number[];
  relations: number;
  targets: number;
}

async function documentTypeIds(trx: Transaction<Database>): Promise<Map<string, number>> {
  const rows = await trx
    .selectFrom("documentTypes")
    .select(["id", "system", "abbreviation", "nameVi"])
    .execute();
  return new Map(rows.map((row) => [`${row.system}|${row.abbreviation}|${row.nameVi}`, Number(row.id)]));
}

function batches(count: number, size: number): [start: number, end: number][] {
  const result: [number, number][] = [];
  for (let start = 0; start < count; start += size) result.push([start, Math.min(count, start + size)]);
  return result;
}

async function reserveIds(
  trx: Transaction<Database>,
  table: "documents" | "document_cascades",
  count: number,
) {
  if (count === 0) return 0;
  // Nobody else may take ids while ours are being assigned. Loaders lock documents before cascades.
  await sql`LOCK TABLE ${sql.table(table)} IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
  const { rows } = await sql<{
    maxId: number | null;
  }>`SELECT max(id) AS max_id FROM ${sql.table(table)}`.execute(trx);
  const base = Number(rows[0]?.maxId ?? 0);
  await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), ${base + count}::bigint)`.execute(trx);
  return base;
}

async function insertDocuments(
  trx: Transaction<Database>,
  documents: readonly PlannedDocument[],
  ids: readonly number[],
  typeIds: Map<string, number>,
): Promise<void> {
  const roots = await rootOrgIds(trx, documents);
  const rootOf = (d: PlannedDocument) => roots.get(d.ownerOrgId) as number;
  for (const [start, end] of batches(documents.length, DOCUMENT_BATCH_SIZE)) {
    const slice = documents.slice(start, end);
    const typeId = (d: PlannedDocument) => {
      const id = typeIds.get(`${d.system}|${d.typeAbbreviation}|${d.typeName}`);
      if (id === undefined)
        throw new Error(`unknown document type ${d.system} ${d.typeAbbreviation} ${d.typeName}`);
      return id;
    };
    const nfc = (text: string | null | undefined) => (text == null ? null : text.normalize("NFC"));
    await sql`
      WITH u AS (
        SELECT * FROM unnest(
          ${ids.slice(start, end)}::bigint[],
          ${slice.map((d) => d.ownerOrgId)}::bigint[],
          ${slice.map((d) => d.issuingOrgId)}::bigint[],
          ${slice.map((d) => d.system)}::text[],
          ${slice.map(typeId)}::bigint[],
          ${slice.map((d) => d.typeAbbreviation)}::text[],
          ${slice.map((d) => d.number)}::text[],
          ${slice.map((d) => `{${d.issuerCodes.map((c) => `"${c}"`).join(",")}}`)}::text[],
          ${slice.map((d) => d.symbol)}::text[],
          ${slice.map((d) => d.termId)}::bigint[],
          ${slice.map((d) => numberKey(d, rootOf(d)))}::text[],
          ${slice.map((d) => d.issuedOn)}::date[],
          ${slice.map((d) => nfc(d.place))}::text[],
          ${slice.map((d) => nfc(d.subject))}::text[],
          ${slice.map((d) => nfc(d.signer))}::text[],
          ${slice.map((d) => d.status ?? "in_force")}::text[],
          ${slice.map((d) => d.confidentiality ?? "normal")}::text[],
          ${slice.map((d) => d.isPlaceholder ?? false)}::boolean[],
          ${slice.map((d) => nfc(d.citation))}::text[],
          ${slice.map((d) => (d.citationKey ? storedCitationKeyOf(d.citationKey, rootOf(d)) : null))}::text[],
          ${slice.map((d) => d.textSource ?? null)}::text[],
          ${slice.map((d) => nfc(d.body))}::text[]
        ) AS u (id, owner_org_id, issuing_org_id, system, type_id, type_abbreviation, number, issuer_codes,
                symbol, term_id, number_key, issued_on, place, subject, signer, status, confidentiality,
                is_placeholder, citation, citation_key, text_source, body)
      ),
      inserted AS (
        INSERT INTO documents (id, owner_org_id, issuing_org_id, system, type_id, type_abbreviation, number,
          issuer_codes, symbol, term_id, number_key, issued_on, place, subject, signer, status, confidentiality,
          is_placeholder, citation, citation_key, text_source)
        OVERRIDING SYSTEM VALUE
        SELECT u.id, u.owner_org_id, u.issuing_org_id, u.system, u.type_id, u.type_abbreviation, u.number,
          u.issuer_codes::text[], u.symbol, u.term_id, u.number_key, u.issued_on, u.place, u.subject, u.signer,
          u.status, u.confidentiality, u.is_placeholder, u.citation, u.citation_key, u.text_source
        FROM u
        RETURNING id
      )
      INSERT INTO document_texts (document_id, body)
      SELECT u.id, u.body FROM u JOIN inserted i ON i.id = u.id WHERE u.body IS NOT NULL
    `.execute(trx);
    await sql`UPDATE documents d SET search_tsv = ${documentSearchVectorSql("d")}
      WHERE d.id BETWEEN ${ids[start] as number} AND ${ids[end - 1] as number}`.execute(trx);
  }
}

/** The top-level organisation (province tree) of each holder: it scopes the keys of documents issued outside the tree. */
async function rootOrgIds(
  trx: Transaction<Database>,
  documents: readonly PlannedDocument[],
): Promise<Map<number, number>> {
  const ownerIds = [...new Set(documents.map((d) => d.ownerOrgId))];
  const { rows } = await sql<{ id: number; root: number }>`
    SELECT id, subpath(path, 0, 1)::text::bigint AS root FROM organisations
    WHERE id = ANY(${ownerIds}::bigint[])`.execute(trx);
  return new Map(rows.map((row) => [Number(row.id), Number(row.root)]));
}

function numberKey(document: PlannedDocument, rootOrgId: number): string | null {
  if (document.number === null) return null;
  return numberKeyOf({
    system: document.system,
    typeAbbreviation: document.typeAbbreviation,
    number: document.number,
    leadIssuer: document.issuerCodes[0] ?? "",
    termId: document.termId,
    issuedOn: document.issuedOn,
    rootOrgId: document.issuingOrgId === null ? rootOrgId : null,
  });
}

async function insertRecipients(
  trx: Transaction<Database>,
  documents: readonly PlannedDocument[],
  ids: readonly number[],
): Promise<void> {
  const documentIds: number[] = [];
  const orgIds: number[] = [];
  documents.forEach((d, i) => {
    for (const orgId of new Set(d.recipientOrgIds ?? [])) {
      documentIds.push(ids[i] as number);
      orgIds.push(orgId);
    }
  });
  for (const [start, end] of batches(documentIds.length, 50_000)) {
    await sql`
      INSERT INTO document_recipients (document_id, org_id)
      SELECT * FROM unnest(${documentIds.slice(start, end)}::bigint[], ${orgIds.slice(start, end)}::bigint[])
    `.execute(trx);
  }
}

async function insertRelations(
  trx: Transaction<Database>,
  relations: readonly PlannedRelation[],
  idOf: (ref: DocumentRef) => number,
  ids: readonly number[],
): Promise<number> {
  // One relation per (from, to, kind), as the unique constraint says: the first citation is kept.
  const seen = new Set<string>();
  const rows = relations.filter((r) => {
    const key = `${ids[r.from]}|${idOf(r.to)}|${r.kind}`;
    if (seen.has(key) || ids[r.from] === idOf(r.to)) return false;
    seen.add(key);
    return true;
  });
  for (const [start, end] of batches(rows.length, 20_000)) {
    const slice = rows.slice(start, end);
    await sql`
      INSERT INTO document_relations (from_document_id, to_document_id, kind, origin, quote, quote_start, quote_end)
      SELECT * FROM unnest(
        ${slice.map((r) => ids[r.from] as number)}::bigint[], ${slice.map((r) => idOf(r.to))}::bigint[],
        ${slice.map((r) => r.kind)}::text[], ${slice.map((r) => r.origin)}::text[],
        ${slice.map((r) => r.quote ?? null)}::text[], ${slice.map((r) => r.quoteStart ?? null)}::int[],
        ${slice.map((r) => r.quoteEnd ?? null)}::int[])
    `.execute(trx);
  }
  return rows.length;
}

async function insertCascades(
  trx: Transaction<Database>,
  cascades: readonly PlannedCascade[],
  idOf: (ref: DocumentRef) => number,
): Promise<{ ids: number[]; targets: number }> {
  if (cascades.length === 0) return { ids: [], targets: 0 };
  const base = await reserveIds(trx, "document_cascades", cascades.length);
  const ids = cascades.map((_, i) => base + 1 + i);
  await sql`
    INSERT INTO document_cascades (id, document_id, deadline, selection, note)
    OVERRIDING SYSTEM VALUE
    SELECT u.id, u.document_id, u.deadline, u.selection::jsonb, u.note
    FROM unnest(${ids}::bigint[], ${cascades.map((c) => idOf(c.document))}::bigint[],
                ${cascades.map((c) => c.deadline)}::date[], ${cascades.map((c) => JSON.stringify(c.selection))}::text[],
                ${cascades.map((c) => c.note)}::text[]) AS u (id, document_id, deadline, selection, note)
  `.execute(trx);
  const cascadeIds: number[] = [];
  const orgIds: number[] = [];
  cascades.forEach((c, i) => {
    for (const orgId of new Set(c.targetOrgIds)) {
      cascadeIds.push(ids[i] as number);
      orgIds.push(orgId);
    }
  });
  for (const [start, end] of batches(cascadeIds.length, 50_000)) {
    await sql`
      INSERT INTO document_cascade_targets (cascade_id, org_id)
      SELECT * FROM unnest(${cascadeIds.slice(start, end)}::bigint[], ${orgIds.slice(start, end)}::bigint[])
    `.execute(trx);
  }
  return { ids, targets: cascadeIds.length };
}

/** Writes a plan inside the caller's transaction. */
export async function loadDocumentPlan(
  trx: Transaction<Database>,
  plan: DocumentPlan,
): Promise<LoadedDocuments> {
  const base = await reserveIds(trx, "documents", plan.documents.length);
  const ids = plan.documents.map((_, i) => base + 1 + i);
  const idOf = (ref: DocumentRef) => {
    if ("id" in ref) return ref.id;
    const id = ids[ref.index];
    if (id === undefined) throw new Error(`document plan: no document at index ${ref.index}`);
    return id;
  };
  await insertDocuments(trx, plan.documents, ids, await documentTypeIds(trx));
  await insertRecipients(trx, plan.documents, ids);
  const relations = await insertRelations(trx, plan.relations, idOf, ids);
  const cascades = await insertCascades(trx, plan.cascades, idOf);
  return { ids, cascadeIds: cascades.ids, relations, targets: cascades.targets };
}

export interface PlannedTerm {
  orgId: number | null;
  issuerCode: string | null;
  label: string;
  startsOn: string;
  endsOn: string | null;
}

/** Committee terms, in order; returns their ids. */
export async function loadCommitteeTerms(
  trx: Transaction<Database>,
  terms: readonly PlannedTerm[],
): Promise<number[]> {
  if (terms.length === 0) return [];
  // Identity values follow the order of the SELECT, so the ids sorted ascending follow `terms`.
  const rows = await sql<{ id: number }>`
    INSERT INTO committee_terms (org_id, issuer_code, label, starts_on, ends_on)
    SELECT u.org_id, u.issuer_code, u.label, u.starts_on, u.ends_on
    FROM unnest(${terms.map((t) => t.orgId)}::bigint[], ${terms.map((t) => t.issuerCode)}::text[],
                ${terms.map((t) => t.label)}::text[], ${terms.map((t) => t.startsOn)}::date[],
                ${terms.map((t) => t.endsOn)}::date[]) WITH ORDINALITY AS u (org_id, issuer_code, label, starts_on, ends_on, n)
    ORDER BY u.n
    RETURNING id
  `.execute(trx);
  return rows.rows.map((row) => Number(row.id)).sort((a, b) => a - b);
}
