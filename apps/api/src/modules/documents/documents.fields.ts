// A document's fields as entered → the columns stored: type and issuers checked against the tables,
// the number parsed and formatted (or the next one of its series given), the committee term found,
// the number and citation keys built, the organisations checked against the actor's scope. Every
// problem becomes a catalogued error naming its field; nothing is written here except the series lock.
import type { ErrorCode } from "@namro/contracts";
import {
  type DocumentTables,
  extractReferences,
  formatDocumentSymbol,
  formatStateDocumentNumber,
  parseDocumentNumber,
  parseStateDocumentNumber,
} from "@namro/domain";
import type { Actor } from "../../platform/auth/actor.ts";
import { AppError } from "../../platform/errors.ts";
import {
  canonicalCitation,
  citationKeyOf,
  numberKeyOf,
  rootOrgIdOf,
  storedCitationKeyOf,
} from "./documents.keys.ts";
import { mayManageDocumentsIn } from "./documents.policy.ts";
import * as refRepo from "./documents.reference-data.repository.ts";
import {
  type Executor,
  findByCitationKey,
  findByNumberKey,
  findOrgs,
  nextSeriesNumber,
} from "./documents.repository.ts";

/** The fields after an edit's changes are laid over the stored ones (or as sent on registration). */
export interface DocumentFieldValues {
  typeId: number;
  /** undefined: keep/none; null: give the next number of the series (a Party document of the tree). */
  number: string | null;
  /** Whether `number` null asks for the next number (registration, or an edit that cleared it). */
  numberWanted: boolean;
  issuerCodes: string[];
  issuingOrgId: number | null;
  /** Explicitly chosen term; null: found from the issuing organisation or issuer and the date. */
  termId: number | null;
  issuedOn: string | null;
  citation: string | null;
}

export interface ResolvedColumns {
  system: "party" | "state";
  typeId: number;
  typeAbbreviation: string;
  number: string | null;
  issuerCodes: string[];
  symbol: string | null;
  termId: number | null;
  numberKey: string | null;
  issuingOrgId: number | null;
  issuedOn: string | null;
  citation: string | null;
  citationKey: string | null;
}

const STATE_ISSUER_CODE = /^[A-ZĐ][A-Za-zĐđ0-9]{0,15}$/;

function fieldError(code: ErrorCode, path: string): AppError {
  return new AppError(code, { issues: [{ path, message: code }] });
}

export interface ResolveOptions {
  actor: Actor;
  tables: DocumentTables;
  today: string;
  /** The document being edited (its own keys are not duplicates). */
  selfId: number | null;
  /** Check the issuing organisation against the scope (on registration, or when an edit changes it). */
  checkIssuingOrg: boolean;
  /** The organisation holding the record, and its path. */
  ownerOrgId: number;
  ownerOrgPath: string;
}

export async function resolveDocumentColumns(
  trx: Executor,
  fields: DocumentFieldValues,
  options: ResolveOptions,
): Promise<ResolvedColumns> {
  const type = await refRepo.findDocumentType(trx, fields.typeId);
  if (!type) throw fieldError("DOCUMENT_TYPE_UNKNOWN", "body.typeId");
  const issuers = fields.issuerCodes.map((code) => code.normalize("NFC"));
  requireKnownIssuers(type.system, issuers, options.tables);
  if (fields.issuedOn !== null && fields.issuedOn > options.today) {
    throw fieldError("DOCUMENT_DATE_IN_FUTURE", "body.issuedOn");
  }
  if (fields.issuingOrgId !== null && options.checkIssuingOrg) {
    const [org] = await findOrgs(trx, [fields.issuingOrgId]);
    if (!org || !mayManageDocumentsIn(options.actor, org.path)) {
      throw fieldError("DOCUMENT_ORG_OUTSIDE_SCOPE", "body.issuingOrgId");
    }
  }
  const leadIssuer = issuers[0] as string;
  const termId =
    type.system === "party"
      ? await resolveTerm(trx, {
          termId: fields.termId,
          issuingOrgId: fields.issuingOrgId,
          leadIssuer,
          issuedOn: fields.issuedOn,
        })
      : null;

  let number: string | null = null;
  let symbol: string | null = null;
  const written = fields.number?.trim() ?? "";
  if (written !== "") {
    if (type.system === "party") {
      const parsed = parseDocumentNumber(
        `${written}-${type.abbreviation}/${issuers.join("-")}`,
        options.tables,
      );
      if (!parsed.ok) throw fieldError("DOCUMENT_NUMBER_INVALID", "body.number");
      symbol = formatDocumentSymbol(parsed.value);
      number = symbol.slice(0, symbol.indexOf("-"));
    } else {
      const parsed = parseStateDocumentNumber(
        `${written}/${type.abbreviation}-${issuers.join("-")}`,
        options.tables,
      );
      if (!parsed.ok) throw fieldError("DOCUMENT_NUMBER_INVALID", "body.number");
      symbol = formatStateDocumentNumber(parsed.value);
      number =
        parsed.value.year === null ? parsed.value.number : `${parsed.value.number}/${parsed.value.year}`;
    }
  } else if (fields.numberWanted && type.system === "party" && fields.issuingOrgId !== null) {
    // Issued in Năm Rõ: the next number of its type in its committee's term.
    if (termId === null) throw fieldError("DOCUMENT_TERM_NOT_FOUND", "body.termId");
    const next = await nextSeriesNumber(trx, { typeAbbreviation: type.abbreviation, leadIssuer, termId });
    symbol = formatDocumentSymbol({ number: String(next), type: type.abbreviation, issuers });
    number = symbol.slice(0, symbol.indexOf("-"));
  }

  const numberKey =
    number === null
      ? null
      : documentNumberKey(
          { system: type.system, typeAbbreviation: type.abbreviation, number, leadIssuer, termId },
          { issuingOrgId: fields.issuingOrgId, issuedOn: fields.issuedOn },
          options,
        );
  if (numberKey !== null) {
    const holder = await findByNumberKey(trx, numberKey);
    if (holder && holder.id !== options.selfId && !holder.isPlaceholder) {
      throw fieldError("DOCUMENT_NUMBER_TAKEN", "body.number");
    }
  }

  const { citation, citationKey: named } = resolveCitation(
    fields.citation,
    type.abbreviation,
    type.nameVi,
    options.tables,
  );
  const citationKey = named === null ? null : storedCitationKeyOf(named, rootOrgIdOf(options.ownerOrgPath));
  if (citationKey !== null) {
    const holder = await findByCitationKey(trx, citationKey);
    if (holder && holder.id !== options.selfId && !holder.isPlaceholder) {
      throw fieldError("DOCUMENT_NUMBER_TAKEN", "body.citation");
    }
  }

  return {
    system: type.system,
    typeId: type.id,
    typeAbbreviation: type.abbreviation,
    number,
    issuerCodes: issuers,
    symbol,
    termId,
    numberKey,
    issuingOrgId: fields.issuingOrgId,
    issuedOn: fields.issuedOn,
    citation,
    citationKey,
  };
}

/**
 * The number key of a document held by `holder`: a document issued outside the tree is scoped by the
 * holder's province tree, a local body's number without term by the holder itself (see numberKeyOf).
 */
export function documentNumberKey(
  series: {
    system: "party" | "state";
    typeAbbreviation: string;
    number: string;
    leadIssuer: string;
    termId: number | null;
  },
  document: { issuingOrgId: number | null; issuedOn: string | null },
  holder: { tables: DocumentTables; ownerOrgId: number; ownerOrgPath: string },
): string | null {
  const outsideTree = document.issuingOrgId === null;
  const level = holder.tables.partyIssuers.find((issuer) => issuer.code === series.leadIssuer)?.level;
  const local = series.system === "party" && outsideTree && level !== "central";
  return numberKeyOf({
    ...series,
    issuedOn: document.issuedOn,
    holderOrgId: local ? holder.ownerOrgId : null,
    rootOrgId: outsideTree ? rootOrgIdOf(holder.ownerOrgPath) : null,
  });
}

/** Party issuers must be Party codes of the table; state issuers are free codes (ministries, UBND …). */
function requireKnownIssuers(system: "party" | "state", issuers: string[], tables: DocumentTables): void {
  const known = new Set(tables.partyIssuers.map((issuer) => issuer.code));
  const issues = issuers.flatMap((code, index) => {
    const ok = system === "party" ? known.has(code) : STATE_ISSUER_CODE.test(code);
    return ok ? [] : [{ path: `body.issuerCodes.${index}`, message: "DOCUMENT_ISSUER_UNKNOWN" }];
  });
  if (new Set(issuers).size !== issuers.length) {
    issues.push({ path: "body.issuerCodes", message: "DOCUMENT_ISSUER_UNKNOWN" });
  }
  if (issues.length > 0) throw new AppError("DOCUMENT_ISSUER_UNKNOWN", { issues });
}

/** "Nghị quyết Trung ương 4 khoá XII" → the canonical citation and its key; the type must agree. */
function resolveCitation(
  written: string | null,
  typeAbbreviation: string,
  typeName: string,
  tables: DocumentTables,
): { citation: string | null; citationKey: string | null } {
  const text = written?.normalize("NFC").trim() ?? "";
  if (text === "") return { citation: null, citationKey: null };
  const found = extractReferences(text, tables);
  const [reference] = found;
  const key = reference ? citationKeyOf(reference) : null;
  if (
    found.length !== 1 ||
    !reference ||
    reference.number !== null ||
    key === null ||
    reference.type !== typeAbbreviation
  ) {
    throw fieldError("DOCUMENT_CITATION_INVALID", "body.citation");
  }
  return { citation: canonicalCitation(typeName, reference), citationKey: key };
}

/**
 * The committee term of a Party document: the chosen one (it must belong to the issuing organisation's
 * committee or the lead issuer, and contain the date), else the term containing the date of the
 * issuing organisation — a department (Văn phòng, Ban …) shares its committee's term, so the walk goes
 * up through departments to the first organisation holding terms — or, for an issuer outside the
 * tree, of the lead issuer. Null when none is known.
 */
async function resolveTerm(
  trx: Executor,
  input: { termId: number | null; issuingOrgId: number | null; leadIssuer: string; issuedOn: string | null },
): Promise<number | null> {
  const ownerOrgId = input.issuingOrgId === null ? null : await termOwnerOrg(trx, input.issuingOrgId);
  if (input.termId !== null) {
    const term = await refRepo.findTerm(trx, input.termId);
    const belongs =
      term !== undefined &&
      (ownerOrgId !== null ? term.orgId === ownerOrgId : term.issuerCode === input.leadIssuer);
    const contains =
      term !== undefined &&
      (input.issuedOn === null ||
        (term.startsOn <= input.issuedOn && (term.endsOn === null || term.endsOn >= input.issuedOn)));
    if (!belongs || !contains) throw fieldError("DOCUMENT_TERM_NOT_FOUND", "body.termId");
    return input.termId;
  }
  if (input.issuedOn === null) return null;
  const owner: refRepo.TermOwner =
    ownerOrgId !== null ? { orgId: ownerOrgId } : { issuerCode: input.leadIssuer };
  if (input.issuingOrgId !== null && ownerOrgId === null) return null;
  return (await refRepo.findTermContaining(trx, owner, input.issuedOn))?.id ?? null;
}

/** The organisation whose terms number an organisation's documents: itself, or up through departments. */
async function termOwnerOrg(trx: Executor, orgId: number): Promise<number | null> {
  let current = (await findOrgs(trx, [orgId]))[0];
  while (current) {
    if ((await refRepo.orgsWithTerms(trx, [current.id])).has(current.id)) return current.id;
    if (!current.isDepartment || current.parentId === null) return null;
    current = (await findOrgs(trx, [current.parentId]))[0];
  }
  return null;
}
