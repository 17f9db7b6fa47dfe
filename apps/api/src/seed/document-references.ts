// Links the references found in document texts to the documents of a plan the way an upload does.
import {
  DEFAULT_PARTY_DOCUMENT_TYPES,
  DEFAULT_STATE_DOCUMENT_TYPES,
  type DocumentReference,
  extractReferences,
  formatDocumentSymbol,
  padDocumentNumber,
} from "@namro/domain";
import {
  citationKeyOf,
  lookupKey,
  type ReferenceLookup,
  referenceLookupOf,
} from "../modules/documents/documents.keys.ts";
import type { DocumentPlan, PlannedDocument } from "./documents-bulk.ts";

/** Grassroots numbers ("08-KH/ĐU") repeat from committee to committee: they resolve within the citing one. */
const LOCAL_ISSUERS = new Set(["ĐU", "CB", "ĐĐ", "BCSĐ", "BCĐ"]);

/** The register's lookup key, scoped to the committee for grassroots issuers. */
function scopedKey(lookup: ReferenceLookup, orgId: number | null): string {
  const local = lookup.kind === "party" && LOCAL_ISSUERS.has(lookup.leadIssuer);
  return `${local ? `${orgId}|` : ""}${lookupKey(lookup)}`;
}

/** How a registered document of the plan is found: by number (party or state), or by its citation key. */
function documentLookups(document: PlannedDocument): ReferenceLookup[] {
  const lookups: ReferenceLookup[] = [];
  if (document.citationKey) lookups.push({ kind: "named", citationKey: document.citationKey });
  if (document.number === null || document.symbol === null) return lookups;
  if (document.system === "state") lookups.push({ kind: "state", symbol: document.symbol });
  else
    lookups.push({
      kind: "party",
      typeAbbreviation: document.typeAbbreviation,
      number: padDocumentNumber(document.number),
      leadIssuer: document.issuerCodes[0] ?? "",
    });
  return lookups;
}

function placeholderFor(reference: DocumentReference, ownerOrgId: number): PlannedDocument {
  const types = reference.system === "party" ? DEFAULT_PARTY_DOCUMENT_TYPES : DEFAULT_STATE_DOCUMENT_TYPES;
  const typeName = types.find((t) => t.abbreviation === reference.type)?.name;
  if (!typeName) throw new Error(`no type named for ${reference.type}`);
  const issuers = reference.issuer ? reference.issuer.split("-") : [];
  const symbol =
    reference.number === null
      ? null
      : reference.system === "party"
        ? formatDocumentSymbol({ number: reference.number, type: reference.type, issuers })
        : `${reference.number}/${reference.type}-${reference.issuer ?? ""}`;
  const key = citationKeyOf(reference);
  return {
    ownerOrgId,
    issuingOrgId: null,
    system: reference.system,
    typeAbbreviation: reference.type,
    typeName,
    number:
      reference.number === null
        ? null
        : reference.system === "party"
          ? padDocumentNumber(reference.number)
          : reference.number,
    issuerCodes: issuers,
    symbol,
    termId: null,
    issuedOn: reference.date,
    place: null,
    subject: "",
    signer: null,
    isPlaceholder: true,
    citation: key ? reference.text : null,
    citationKey: key,
  };
}

/**
 * Finds the references in each text and links them the way an upload does: a reference to the
 * document a plan carries out "implements" it, any other "refers to"; a document cited but not
 * registered becomes a placeholder (one per document). Returns how many placeholders were added.
 */
export function linkReferences(
  plan: DocumentPlan,
  texts: Map<number, { implements: readonly number[] }>,
): number {
  const byKey = new Map<string, number>();
  plan.documents.forEach((d, i) => {
    for (const lookup of documentLookups(d)) byKey.set(scopedKey(lookup, d.issuingOrgId), i);
  });
  let placeholders = 0;
  for (const [from, info] of texts) {
    const document = plan.documents[from] as PlannedDocument;
    if (!document.body) continue;
    const cited = new Set<number>();
    for (const reference of extractReferences(document.body)) {
      const lookup = referenceLookupOf(reference);
      if (lookup === null) continue;
      const key = scopedKey(lookup, document.issuingOrgId);
      let to = byKey.get(key);
      if (to === undefined) {
        to = plan.documents.push(placeholderFor(reference, document.ownerOrgId)) - 1;
        byKey.set(key, to);
        placeholders++;
      }
      if (to === from) continue;
      cited.add(to);
      plan.relations.push({
        from,
        to: { index: to },
        kind: info.implements.includes(to) ? "implements" : "refers_to",
        origin: "text",
        quote: reference.text,
        quoteStart: reference.start,
        quoteEnd: reference.end,
      });
    }
    for (const to of info.implements) {
      if (!cited.has(to))
        plan.relations.push({ from, to: { index: to }, kind: "implements", origin: "manual" });
    }
  }
  return placeholders;
}
