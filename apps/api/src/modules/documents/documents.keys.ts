// The keys that make a document findable and unique: the number key (one number per type, lead issuer
// and term — or year when no term is known), the citation key of a document named by plenum or
// congress, and what a reference found in a text is looked up by. Pure functions, no I/O.
import type { DocumentReference, DocumentSystem } from "@namro/domain";
import { padDocumentNumber } from "@namro/domain";

export interface NumberKeyParts {
  system: DocumentSystem;
  typeAbbreviation: string;
  /** As stored: "21", "05" (party), "30/2020" or "1234" (state). */
  number: string;
  leadIssuer: string;
  /** The committee term the number belongs to, if known. */
  termId: number | null;
  /** The issue date (ISO), for the year scope when no term is known. */
  issuedOn: string | null;
  /**
   * For a Party number of a local body (TU, ĐU, CB …) with neither a term nor an issuing organisation:
   * the organisation holding the record. Every province has a "TU", so without it "05-KH/TU" of one
   * province would refuse another's.
   */
  holderOrgId?: number | null;
  /**
   * The top-level organisation of the holder's tree (a province) when the document has no issuing
   * organisation in the tree — a central or state document, or a local body known only by its code:
   * every province registers its own "21-KL/TW". Null when an organisation of the tree issued it (its
   * term already tells whose number it is).
   */
  rootOrgId: number | null;
}

/** The top-level organisation of an organisation path ("12.345.678" → 12). */
export function rootOrgIdOf(path: string): number {
  return Number.parseInt(path.split(".")[0] ?? "", 10);
}

/**
 * "party|KL|21|TW|t:3|r:12": system, type, the number as a plain integer, lead issuer, and the scope —
 * the term, else the year (a state number's own year "30/2020", else the issue year) — then the holder
 * for a local body's number without term ("|o:…") and the holder's tree for a document issued outside
 * the tree ("|r:…"). Null when neither term nor year is known: the number cannot be checked for
 * uniqueness then.
 */
export function numberKeyOf(parts: NumberKeyParts): string | null {
  const [numeric = "", ownYear] = parts.number.split("/");
  const plain = String(Number.parseInt(numeric, 10));
  let scope: string | null = null;
  if (parts.system === "party" && parts.termId !== null) scope = `t:${parts.termId}`;
  else if (ownYear !== undefined) scope = `y:${ownYear}`;
  else if (parts.issuedOn !== null) scope = `y:${parts.issuedOn.slice(0, 4)}`;
  if (scope === null) return null;
  const holder =
    parts.system === "party" && parts.termId === null && parts.holderOrgId != null
      ? `|o:${parts.holderOrgId}`
      : "";
  const tree = parts.rootOrgId === null ? "" : `|r:${parts.rootOrgId}`;
  return [parts.system, parts.typeAbbreviation, plain, parts.leadIssuer, scope].join("|") + holder + tree;
}

/** "NQ|plenum:4|term:XII", "NQ|congress:XIV" (or "NQ|plenum:7" when the term is not said); null when not named. */
export function citationKeyOf(
  reference: Pick<DocumentReference, "type" | "plenum" | "term" | "congress">,
): string | null {
  if (reference.congress !== null) return `${reference.type}|congress:${reference.congress}`;
  if (reference.plenum !== null) {
    const term = reference.term === null ? "" : `|term:${reference.term}`;
    return `${reference.type}|plenum:${reference.plenum}${term}`;
  }
  return null;
}

/**
 * The citation key as stored: scoped by the holder's province tree ("NQ|congress:XIV|r:12"), since
 * every province registers its own copy of a named central resolution.
 */
export function storedCitationKeyOf(citationKey: string, rootOrgId: number): string {
  return `${citationKey}|r:${rootOrgId}`;
}

/** The citation key of a stored one, without its tree. */
export function citationKeyOfStored(stored: string): string {
  return stored.replace(/\|r:\d+$/, "");
}

/** The canonical way to cite a named document: "Nghị quyết Trung ương 4 (khóa XII)", "Nghị quyết Đại hội XIV". */
export function canonicalCitation(
  typeName: string,
  reference: Pick<DocumentReference, "plenum" | "term" | "congress">,
): string | null {
  if (reference.congress !== null) return `${typeName} Đại hội ${reference.congress}`;
  if (reference.plenum !== null) {
    const term = reference.term === null ? "" : ` (khóa ${reference.term})`;
    return `${typeName} Trung ương ${reference.plenum}${term}`;
  }
  return null;
}

/** How a found reference is looked up among registered documents. */
export type ReferenceLookup =
  | { kind: "party"; typeAbbreviation: string; number: string; leadIssuer: string }
  | { kind: "state"; symbol: string }
  | { kind: "named"; citationKey: string };

export function referenceLookupOf(reference: DocumentReference): ReferenceLookup | null {
  if (reference.number === null) {
    const citationKey = citationKeyOf(reference);
    return citationKey === null ? null : { kind: "named", citationKey };
  }
  if (reference.issuer === null) return null;
  if (reference.system === "state") {
    return { kind: "state", symbol: `${reference.number}/${reference.type}-${reference.issuer}` };
  }
  const [leadIssuer = ""] = reference.issuer.split("-");
  return {
    kind: "party",
    typeAbbreviation: reference.type,
    number: padDocumentNumber(reference.number),
    leadIssuer,
  };
}

/** "30/2020/NĐ-CP" → its type and number as stored ("NĐ", "30/2020"), what documents_symbol indexes. */
export function stateSymbolParts(symbol: string): { typeAbbreviation: string; number: string } {
  const slash = symbol.lastIndexOf("/");
  return { number: symbol.slice(0, slash), typeAbbreviation: symbol.slice(slash + 1).split("-")[0] ?? "" };
}

/** One string per lookup, for grouping references that point at the same document. */
export function lookupKey(lookup: ReferenceLookup): string {
  switch (lookup.kind) {
    case "party":
      return `p|${lookup.typeAbbreviation}|${lookup.number}|${lookup.leadIssuer}`;
    case "state":
      return `s|${lookup.symbol}`;
    case "named":
      return `n|${lookup.citationKey}`;
  }
}

export interface MatchCandidate {
  id: number;
  issuedOn: string | null;
  termStartsOn: string | null;
  termEndsOn: string | null;
  visible: boolean;
  /** Levels between the candidate's holder and the citing document's (its ancestor or descendant). */
  holderDistance: number;
}

/**
 * The registered document a reference means when several share its number (numbers restart each
 * term, and every province holds its own copy of a central one): one the reader may see before one
 * they may not, then the one held nearest the citing document, then the one issued on the reference's
 * date, then the one whose term contains that date, then the latest.
 */
export function chooseCandidate(
  candidates: readonly MatchCandidate[],
  date: string | null,
): MatchCandidate | null {
  const score = (c: MatchCandidate): number[] => [
    c.visible ? 1 : 0,
    -c.holderDistance,
    date !== null && c.issuedOn === date ? 1 : 0,
    date !== null && c.termStartsOn !== null && c.termStartsOn <= date && (c.termEndsOn ?? "9999") >= date
      ? 1
      : 0,
  ];
  let best: MatchCandidate | null = null;
  let bestScore: number[] = [];
  for (const candidate of candidates) {
    const s = score(candidate);
    const better =
      best === null ||
      compareScores(s, bestScore) > 0 ||
      (compareScores(s, bestScore) === 0 && (candidate.issuedOn ?? "") > (best.issuedOn ?? ""));
    if (better) {
      best = candidate;
      bestScore = s;
    }
  }
  return best;
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
