// Documents written straight into the tables (no HTTP, no numbering rules), with their text,
// recipients and search vector, for tests that need a register to read.
import { type Kysely, sql } from "kysely";
import type { Database } from "../src/db/schema.ts";
import { refreshSearchVector } from "../src/modules/documents/documents.search.repository.ts";

export interface DocumentSpec {
  ownerOrgId: number;
  typeAbbreviation?: string;
  system?: "party" | "state";
  number?: string | null;
  issuerCodes?: string[];
  /** Defaults to number-type/issuers ("21-KL/TW") when a number is given. */
  symbol?: string | null;
  issuedOn?: string | null;
  subject?: string;
  body?: string | null;
  status?: "in_force" | "amended" | "replaced" | "expired";
  confidentiality?: "normal" | "confidential" | "secret" | "top_secret";
  isPlaceholder?: boolean;
  citation?: string | null;
  issuingOrgId?: number | null;
  recipientOrgIds?: number[];
}

export async function createDocument(db: Kysely<Database>, spec: DocumentSpec) {
  const system = spec.system ?? "party";
  const abbreviation = spec.typeAbbreviation ?? "KL";
  const type = await db
    .selectFrom("documentTypes")
    .select(["id"])
    .where("system", "=", system)
    .where("abbreviation", "=", abbreviation)
    .orderBy("sortOrder")
    .executeTakeFirstOrThrow();
  const number = spec.number ?? null;
  const issuerCodes = spec.issuerCodes ?? ["TW"];
  const symbol =
    spec.symbol !== undefined
      ? spec.symbol
      : number === null
        ? null
        : system === "party"
          ? `${number}-${abbreviation}/${issuerCodes.join("-")}`
          : `${number}/${abbreviation}-${issuerCodes.join("-")}`;
  const row = await db
    .insertInto("documents")
    .values({
      ownerOrgId: spec.ownerOrgId,
      issuingOrgId: spec.issuingOrgId ?? null,
      system,
      typeId: type.id,
      typeAbbreviation: abbreviation,
      number,
      issuerCodes,
      symbol,
      issuedOn: spec.issuedOn === undefined ? "2024-05-10" : spec.issuedOn,
      subject: spec.subject ?? "Về công tác xây dựng Đảng",
      status: spec.status ?? "in_force",
      confidentiality: spec.confidentiality ?? "normal",
      isPlaceholder: spec.isPlaceholder ?? false,
      citation: spec.citation ?? null,
      textSource: spec.body ? "manual" : null,
    })
    .returning(["id"])
    .executeTakeFirstOrThrow();
  if (spec.body) {
    await db.insertInto("documentTexts").values({ documentId: row.id, body: spec.body }).execute();
  }
  for (const orgId of spec.recipientOrgIds ?? []) {
    await db.insertInto("documentRecipients").values({ documentId: row.id, orgId }).execute();
  }
  await refreshSearchVector(db, row.id);
  return { id: row.id, symbol };
}

/** The search vector as text ("'21':1A 'kl/tw':2A …"), to check what a document is found by. */
export async function searchVectorText(db: Kysely<Database>, documentId: number): Promise<string> {
  const { rows } = await sql<{
    v: string;
  }>`SELECT search_tsv::text AS v FROM documents WHERE id = ${documentId}`.execute(db);
  return rows[0]?.v ?? "";
}
