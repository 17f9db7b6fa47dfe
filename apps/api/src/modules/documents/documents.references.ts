// References found in a document's text, resolved against the register. matchReferences says, for
// each reference, whether a registered document matches and — only when the reader may see it — which
// one. linkReferences turns chosen references into relations of the citing document, creating a
// placeholder for a document not registered yet (once: a second citation finds the same placeholder
// by its number or citation key). A document outside the reader's scope is linked without being
// revealed: the relation exists, the reader sees only the quote.
import type { DocumentRelationKind, FoundReference, Locale } from "@namro/contracts";
import { type DocumentReference, formatDocumentSymbol } from "@namro/domain";
import { type SqlBool, sql } from "kysely";
import { type AuditContext, type AuditEntryInput, recordAudits } from "../../platform/audit/audit-writer.ts";
import type { Actor } from "../../platform/auth/actor.ts";
import {
  canonicalCitation,
  chooseCandidate,
  citationKeyOf,
  citationKeyOfStored,
  lookupKey,
  type MatchCandidate,
  numberKeyOf,
  type ReferenceLookup,
  referenceLookupOf,
  rootOrgIdOf,
  stateSymbolParts,
  storedCitationKeyOf,
} from "./documents.keys.ts";
import { presentDocumentSummary } from "./documents.presenter.ts";
import {
  findDocumentIssuer,
  findTermContaining,
  findTypeByAbbreviation,
} from "./documents.reference-data.repository.ts";
import {
  type Executor,
  findByCitationKey,
  findByNumberKey,
  insertDocument,
  insertRelation,
  listVisibleSummaries,
} from "./documents.repository.ts";
import { refreshSearchVectors } from "./documents.search.repository.ts";
import { type DocumentScope, documentScopeOf, documentVisibleSql } from "./documents.visibility.ts";

/**
 * Registered documents each lookup may mean, keyed by lookupKey: only those held in the citing
 * holder's lineage — by one of its ancestors (or itself) or inside its subtree — so a commune's
 * "01-NQ/ĐU" means its own committee's, and one province never links another's documents.
 */
async function findCandidates(
  executor: Executor,
  scope: DocumentScope,
  lineagePaths: readonly string[],
  lookups: readonly ReferenceLookup[],
): Promise<Map<string, MatchCandidate[]>> {
  const party = lookups.flatMap((l) => (l.kind === "party" ? [l] : []));
  const state = lookups.flatMap((l) => (l.kind === "state" ? [l.symbol] : []));
  const roots = [...new Set(lineagePaths.map(rootOrgIdOf))];
  const named = lookups.flatMap((l) =>
    l.kind === "named" ? roots.map((root) => storedCitationKeyOf(l.citationKey, root)) : [],
  );
  const conditions = [
    party.length === 0
      ? null
      : sql<SqlBool>`(d.system = 'party' AND (d.type_abbreviation, d.number, d.issuer_codes[1]) IN (${sql.join(
          party.map((l) => sql`(${l.typeAbbreviation}, ${l.number}, ${l.leadIssuer})`),
        )}))`,
    // By type and number first, which documents_symbol indexes, then the whole symbol.
    state.length === 0
      ? null
      : sql<SqlBool>`(d.system = 'state' AND (d.type_abbreviation, d.number, d.symbol) IN (${sql.join(
          state.map((symbol) => {
            const { typeAbbreviation, number } = stateSymbolParts(symbol);
            return sql`(${typeAbbreviation}, ${number}, ${symbol})`;
          }),
        )}))`,
    named.length === 0 ? null : sql<SqlBool>`d.citation_key = ANY(${named}::text[])`,
  ].filter((c) => c !== null);
  const found = new Map<string, MatchCandidate[]>();
  if (conditions.length === 0 || lineagePaths.length === 0) return found;
  const lineage = sql`${[...lineagePaths]}::ltree[]`;
  const rows = await executor
    .selectFrom("documents as d")
    .innerJoin("organisations as oo", "oo.id", "d.ownerOrgId")
    .leftJoin("committeeTerms as ct", "ct.id", "d.termId")
    .select([
      "d.id",
      "d.system",
      "d.typeAbbreviation",
      "d.number",
      "d.symbol",
      "d.citationKey",
      "d.issuedOn",
      "ct.startsOn as termStartsOn",
      "ct.endsOn as termEndsOn",
      sql<string | null>`d.issuer_codes[1]`.as("leadIssuer"),
      sql<boolean>`${documentVisibleSql("d", scope)}`.as("visible"),
      sql<number>`(SELECT min(abs(nlevel(oo.path) - nlevel(p))) FROM unnest(${lineage}) p
        WHERE oo.path @> p OR oo.path <@ p)`.as("holderDistance"),
    ])
    .where(sql<SqlBool>`(${sql.join(conditions, sql` OR `)})`)
    .where(sql<SqlBool>`(oo.path @> ANY(${lineage}) OR oo.path <@ ANY(${lineage}))`)
    .execute();
  const add = (key: string, candidate: MatchCandidate) =>
    found.set(key, [...(found.get(key) ?? []), candidate]);
  for (const row of rows) {
    const candidate: MatchCandidate = {
      id: row.id,
      issuedOn: row.issuedOn,
      termStartsOn: row.termStartsOn,
      termEndsOn: row.termEndsOn,
      visible: row.visible === true,
      holderDistance: Number(row.holderDistance),
    };
    if (row.citationKey !== null) {
      add(lookupKey({ kind: "named", citationKey: citationKeyOfStored(row.citationKey) }), candidate);
    }
    if (row.system === "state" && row.symbol !== null)
      add(lookupKey({ kind: "state", symbol: row.symbol }), candidate);
    if (row.system === "party" && row.number !== null && row.leadIssuer !== null) {
      add(
        lookupKey({
          kind: "party",
          typeAbbreviation: row.typeAbbreviation,
          number: row.number,
          leadIssuer: row.leadIssuer,
        }),
        candidate,
      );
    }
  }
  return found;
}

/**
 * The registered document each reference means (null: none), whether or not the reader may see it,
 * among those held in the lineage of `lineagePaths` (the citing document's holder).
 */
async function resolveReferences(
  executor: Executor,
  scope: DocumentScope,
  lineagePaths: readonly string[],
  refs: readonly DocumentReference[],
): Promise<(MatchCandidate | null)[]> {
  const lookups = refs.map(referenceLookupOf);
  // A long plan cites the same few documents hundreds of times: look each one up once.
  const distinct = new Map(lookups.flatMap((l) => (l === null ? [] : [[lookupKey(l), l] as const])));
  const candidates = await findCandidates(executor, scope, lineagePaths, [...distinct.values()]);
  return refs.map((ref, i) => {
    const lookup = lookups[i];
    if (!lookup) return null;
    return chooseCandidate(candidates.get(lookupKey(lookup)) ?? [], ref.date);
  });
}

/**
 * Each reference with what it resolves to: `matched` when a registered document matches, `document`
 * its summary only when the scope may see it. `proposedKind` is "refers_to"; the caller may propose
 * another kind (an upload proposes "implements" for what a plan carries out). `lineagePaths`: the
 * citing document's holder; a text not registered yet (an upload) is read from the reader's scope.
 */
export async function matchReferences(
  executor: Executor,
  scope: DocumentScope,
  refs: readonly DocumentReference[],
  locale: Locale = "vi",
  lineagePaths: readonly string[] = scope.readPaths,
): Promise<FoundReference[]> {
  const resolved = await resolveReferences(executor, scope, lineagePaths, refs);
  const visibleIds = [...new Set(resolved.flatMap((c) => (c?.visible ? [c.id] : [])))];
  const summaries = new Map(
    (await listVisibleSummaries(executor, scope, visibleIds)).map((row) => [
      row.id,
      presentDocumentSummary(row, locale),
    ]),
  );
  return refs.map((ref, i) => {
    const match = resolved[i] ?? null;
    return {
      text: ref.text,
      start: ref.start,
      end: ref.end,
      system: ref.system,
      type: ref.type,
      number: ref.number,
      issuer: ref.issuer,
      date: ref.date,
      plenum: ref.plenum,
      term: ref.term,
      congress: ref.congress,
      matched: match !== null,
      document: match === null ? null : (summaries.get(match.id) ?? null),
      proposedKind: "refers_to",
    };
  });
}

export interface ChosenReference {
  reference: DocumentReference;
  kind: DocumentRelationKind;
}

export interface LinkContext {
  audit: AuditContext;
  now: Date;
}

export interface LinkResult {
  /** Placeholders created for documents not registered yet. */
  placeholderIds: number[];
  /** Relations created (an existing identical relation is kept, not repeated). */
  relationIds: number[];
}

/**
 * Relates the citing document to each chosen reference's document (origin "text", the first citation's
 * quote and offsets), creating placeholders held by the citing document's owner for those not
 * registered. A reference to the citing document itself (its own number in its header) is skipped.
 * Runs inside the caller's transaction and audits what it creates.
 */
export async function linkReferences(
  trx: Executor,
  actor: Actor,
  documentId: number,
  chosen: readonly ChosenReference[],
  context: LinkContext,
): Promise<LinkResult> {
  const result: LinkResult = { placeholderIds: [], relationIds: [] };
  if (chosen.length === 0) return result;
  const citing = await trx
    .selectFrom("documents as d")
    .innerJoin("organisations as o", "o.id", "d.ownerOrgId")
    .select(["d.ownerOrgId", "o.path as ownerOrgPath"])
    .where("d.id", "=", documentId)
    .executeTakeFirstOrThrow();
  const holder: Holder = { orgId: citing.ownerOrgId, path: citing.ownerOrgPath };
  const ordered = [...chosen].sort((a, b) => a.reference.start - b.reference.start);
  const resolved = await resolveReferences(
    trx,
    documentScopeOf(actor),
    [holder.path],
    ordered.map((c) => c.reference),
  );
  const targetsByLookup = new Map<string, number | null>();
  const audits: AuditEntryInput[] = [];
  for (const [i, { reference, kind }] of ordered.entries()) {
    const lookup = referenceLookupOf(reference);
    if (!lookup) continue;
    const key = lookupKey(lookup);
    let target = targetsByLookup.get(key);
    if (target === undefined) {
      target = resolved[i]?.id ?? (await createPlaceholder(trx, actor, holder, reference, result));
      targetsByLookup.set(key, target);
    }
    if (target === null || target === documentId) continue;
    const relationId = await insertRelation(trx, {
      fromDocumentId: documentId,
      toDocumentId: target,
      kind,
      origin: "text",
      quote: reference.text,
      quoteStart: reference.start,
      quoteEnd: reference.end,
      createdBy: actor.accountId,
    });
    if (relationId === null) continue;
    result.relationIds.push(relationId);
    audits.push({
      action: "document.relation_add",
      entityType: "document",
      entityId: documentId,
      orgId: citing.ownerOrgId,
      after: { relationId, toDocumentId: target, kind, origin: "text", quote: reference.text },
    });
  }
  await refreshSearchVectors(trx, result.placeholderIds);
  const placeholderAudits: AuditEntryInput[] = result.placeholderIds.map((id) => ({
    action: "document.create",
    entityType: "document",
    entityId: id,
    orgId: citing.ownerOrgId,
    after: { placeholder: true, citedBy: documentId },
  }));
  await recordAudits(trx, context.audit, [...placeholderAudits, ...audits], context.now);
  return result;
}

const PLACEHOLDER_LOCK_NAMESPACE = 7_240_404;

/** The organisation holding the citing document. */
interface Holder {
  orgId: number;
  path: string;
}

/**
 * A placeholder held by the citing document's holder for a cited document not registered yet; null
 * when its type is not in the table.
 */
async function createPlaceholder(
  trx: Executor,
  actor: Actor,
  holder: Holder,
  reference: DocumentReference,
  result: LinkResult,
): Promise<number | null> {
  const ownerOrgId = holder.orgId;
  const rootOrgId = rootOrgIdOf(holder.path);
  const type = await findTypeByAbbreviation(trx, reference.system, reference.type);
  if (!type) return null;
  // Two documents citing the same unregistered document at once: the second waits, then finds the
  // first one's placeholder instead of making another.
  const lookup = referenceLookupOf(reference);
  if (lookup) {
    const lockKey = `${rootOrgId}|${lookupKey(lookup)}`;
    await sql`SELECT pg_advisory_xact_lock(${PLACEHOLDER_LOCK_NAMESPACE}, hashtext(${lockKey}))`.execute(trx);
    const [again] = await resolveReferences(trx, documentScopeOf(actor), [holder.path], [reference]);
    if (again) return again.id;
  }
  const issuers = reference.issuer === null ? [] : reference.issuer.split("-");
  let number: string | null = null;
  let symbol: string | null = null;
  let numberKey: string | null = null;
  let termId: number | null = null;
  let citation: string | null = null;
  let citationKey: string | null = null;
  const lead = issuers[0] ?? null;
  if (reference.number !== null && lead !== null) {
    if (reference.system === "party") {
      symbol = formatDocumentSymbol({ number: reference.number, type: reference.type, issuers });
      number = symbol.slice(0, symbol.indexOf("-"));
      if (reference.date !== null) {
        termId = (await findTermContaining(trx, { issuerCode: lead }, reference.date))?.id ?? null;
      }
    } else {
      number = reference.number;
      symbol = `${reference.number}/${reference.type}-${reference.issuer}`;
    }
    const local = reference.system === "party" && (await findDocumentIssuer(trx, lead))?.level !== "central";
    numberKey = numberKeyOf({
      system: reference.system,
      typeAbbreviation: reference.type,
      number,
      leadIssuer: lead,
      termId,
      issuedOn: reference.date,
      holderOrgId: local ? ownerOrgId : null,
      rootOrgId,
    });
    // The number is registered in this province tree under another spelling of the lookup (a term
    // or year the lookup could not see) or by an organisation outside the lineage: link that document.
    const existing = numberKey === null ? undefined : await findByNumberKey(trx, numberKey);
    if (existing) return existing.id;
  } else {
    const key = citationKeyOf(reference);
    if (key === null) return null;
    citationKey = storedCitationKeyOf(key, rootOrgId);
    citation = canonicalCitation(type.nameVi, reference);
    const existing = await findByCitationKey(trx, citationKey);
    if (existing) return existing.id;
  }
  const id = await insertDocument(trx, {
    ownerOrgId,
    issuingOrgId: null,
    system: reference.system,
    typeId: type.id,
    typeAbbreviation: type.abbreviation,
    number,
    issuerCodes: issuers,
    symbol,
    termId,
    numberKey,
    issuedOn: reference.date,
    place: null,
    signer: null,
    isPlaceholder: true,
    citation,
    citationKey,
    textSource: null,
    createdBy: actor.accountId,
  });
  result.placeholderIds.push(id);
  return id;
}
