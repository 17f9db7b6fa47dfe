// SQL of the register's list and full-text search (GET /api/documents): the visible documents under
// the filters, newest first or ranked by a query, a page of them, snippets for that page only, and a
// total counted exactly up to a cap.
//
// A query over a million documents. A common word ("dang", "xay dung") is in nearly every body;
// ranking every match would read a million search vectors. The search is therefore tiered:
//   0. numbered: when the query names a number, with or without its type ("ket luan 21", "kl 21",
//      "so 21"), the matching documents bearing that number (of that type), found through the
//      documents_symbol index: the document itself comes before the dozens of plans whose subjects cite
//      "Kết luận số 21-KL/TW" (its own subject need not hold the words);
//   1. head: documents whose symbol, citation, subject or type name matches (search_head, the A and B
//      weights stored apart from the body, migration 0012), the SEARCH_CAP most recent of them, ranked
//      on those weights alone;
//   2. body: documents matching only in their text, the most recent ones up to SEARCH_CAP in all.
// Only those candidates are ranked (ts_rank_cd, head before body), and the list holds at most SEARCH_CAP
// results: past that the total says "more than" and the user adds a word or a filter. The price: when
// more than SEARCH_CAP documents match in the same tier, an older one whose rank would have been higher
// is not in the list (newer documents win ties of the cheap order). The head tier keeps the cases that
// matter whole: a number ("21-KL/TW", cited in the body of hundreds of plans) or a subject phrase finds
// its document first, however many bodies also mention it.
import { type Expression, type RawBuilder, type SqlBool, sql } from "kysely";
import { pathWithinAny } from "../../platform/auth/scope-sql.ts";
import type { DocumentSummaryRow, Executor } from "./documents.repository.ts";
import { documentSummaryQuery } from "./documents.repository.ts";
import { type DocumentScope, documentVisibleSql } from "./documents.visibility.ts";

/** Totals of a list without a query are exact up to this; past it "more than". */
export const DOCUMENT_COUNT_CAP = 10_000;

/**
 * Results of a full-text search ranked and listed at most (see the header). Ranking reads each
 * candidate's whole vector: 200 cost ~15 ms on PGlite, 1,000 five times that (measured on the demo
 * province's 18,500 documents).
 */
export const SEARCH_CAP = 200;

/**
 * Documents of the register's order (newest first) the head tier of a scope over the whole register
 * looks in first. Nationally a topic ("kiem tra giam sat") is in the head of ~6% of a million
 * documents: the 201 newest matches lie in the newest ~3,500, read in ~5 ms along documents_recent,
 * where the planner, misjudging a phrase of common words as rare (48 rows estimated, 57,000 found),
 * read every match by bitmap (43,000 pages) to sort them by date (~75 ms). When the window holds fewer
 * than SEARCH_CAP + 1 matches, the whole register is searched as before.
 *
 * The window is read only when its first fifth (HEAD_WINDOW_PROBE) holds matches enough to fill it at
 * that rate: a phrase in 1.4% of the heads ("xay dung dang", 57 in the window) would pay the window's
 * 5,000 pages (~40 ms, ~110 ms on a loaded machine) and then the whole register anyway.
 */
export const HEAD_WINDOW = 5_000;
/**
 * Registers smaller than this (the planner's estimate) keep the plain forms: the head window and the
 * count by id pay off only where the register is large. On a province's 18,500 documents (PGlite) the
 * window read more rows than the bitmap of the matches (a topic's median 23 → 66 ms), and counting a
 * province covering the whole register by id took 21 ms where the set join took 4.
 */
export const LARGE_REGISTER = 100_000;
const HEAD_WINDOW_PROBE_SHARE = 5;

/** Characters of a body a snippet is looked for in (ts_headline parses all it is given). */
export const SNIPPET_PREFIX_CHARS = 20_000;

/** Marks around each match in a snippet: plain text, so the web highlights without HTML. */
export const SNIPPET_START = "«";
export const SNIPPET_STOP = "»";

const MARKS = `StartSel="${SNIPPET_START}", StopSel="${SNIPPET_STOP}"`;
/** Up to two passages of the body around matches. */
const BODY_HEADLINE = `${MARKS}, MaxFragments=2, MaxWords=24, MinWords=8, FragmentDelimiter=" … "`;
/** The whole subject (it is short), matches marked. */
const SUBJECT_HEADLINE = `${MARKS}, HighlightAll=true`;

/** ts_rank_cd weights {D, C, B, A}: subject and symbol count ten times a body word. */
const RANK_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}";

export interface DocumentListFilter {
  typeAbbreviation?: string | undefined;
  issuerCode?: string | undefined;
  year?: number | undefined;
  status?: DocumentSummaryRow["status"] | undefined;
  /** ltree path: documents held by, issued by or addressed to organisations under it. */
  subtreePath?: string | undefined;
  plansOnly?: boolean | undefined;
  includePlaceholders: boolean;
}

export interface DocumentListOptions {
  scope: DocumentScope;
  filter: DocumentListFilter;
  /** The query as typed, folded to lower case without diacritics; null lists without searching. */
  query: string | null;
  page: number;
  pageSize: number;
  /** HEAD_WINDOW on a large register unless given (tests use a small one to reach both branches; 0 turns it off). */
  headWindow?: number | undefined;
  /** Whether the register counts as large (LARGE_REGISTER) whatever its size: tests reach both forms. */
  largeRegister?: boolean | undefined;
}

export type DocumentListRow = DocumentSummaryRow & { snippet: string | null; rank: number | null };

export interface DocumentListResult {
  rows: DocumentListRow[];
  total: number;
  totalIsLowerBound: boolean;
}

/** Documents held by, issued by or addressed to an organisation under one of `paths`, by indexes. */
function reachedFromPaths(paths: readonly string[]): RawBuilder<unknown> {
  const under = sql`(SELECT o.id FROM organisations o WHERE o.path <@ ANY(${[...paths]}::ltree[]))`;
  return sql`(SELECT x.id FROM documents x WHERE x.owner_org_id IN ${under}
    UNION SELECT x.id FROM documents x WHERE x.issuing_org_id IN ${under}
    UNION SELECT r.document_id FROM document_recipients r WHERE r.org_id IN ${under})`;
}

/**
 * Documents organisations under `paths` hold, receive or are demanded an implementing document of: one
 * range of document_reach's path index per path (a province's ~49,000 documents in ~10 ms).
 */
function reachableSet(paths: readonly string[]): RawBuilder<unknown> {
  return sql`(SELECT r.document_id FROM document_reach r WHERE ${pathWithinAny(sql.ref("r.path"), paths)})`;
}

/**
 * How `d.id` is checked against a reachable set:
 * - "set": `IN (subquery)`, which the planner joins by hash or walks the recency index against; right
 *   where the other conditions read big rows (a body's search vector) or the order is the register's;
 * - "ids": `= ANY(ARRAY(subquery))`, the set computed first and probed by primary key, each row's
 *   other conditions checked after: right for the head tier, whose vectors are small — a province's
 *   topic reads its ~49,000 documents (~70 ms) instead of every head match in the register (57,000
 *   rows on 43,000 pages, ~200 ms). Not for the body tier: reading 49,000 body vectors takes ~400 ms.
 */
type ReachForm = "set" | "ids";

function inReach(paths: readonly string[], form: ReachForm): RawBuilder<unknown> {
  return form === "set" ? sql`d.id IN ${reachableSet(paths)}` : sql`d.id = ANY(ARRAY${reachableSet(paths)})`;
}

/**
 * The visibility rule of documents.visibility.ts (normal documents reachable from the read scope, any
 * reachable from the confidential scope) as sets built once per statement and probed by hash, instead
 * of three correlated subqueries per row: a province's search checks tens of thousands of matches.
 * The page's rows are checked again with documentVisibleSql itself (summariesOf).
 */
function visibleThroughSets(scope: DocumentScope, form: ReachForm): Expression<SqlBool> {
  const { readPaths, confidentialPaths } = scope;
  const same =
    readPaths.length === confidentialPaths.length &&
    readPaths.every((path) => confidentialPaths.includes(path));
  if (same) return sql<SqlBool>`${inReach(readPaths, form)}`;
  const normal = sql`(d.confidentiality = 'normal' AND ${inReach(readPaths, form)})`;
  const confidential = inReach(confidentialPaths, form);
  // No "OR false" for a reader without one of the two scopes: the planner turns `IN (subquery)` into a
  // join only at the top of the conditions, before it folds constants, so under an OR the set stays a
  // filter probed row by row — a cell's secretary walked the whole register in date order to find
  // the 4 documents their cell reaches (300 ms) instead of reading those 4 by key.
  if (confidentialPaths.length === 0)
    return readPaths.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`${normal}`;
  if (readPaths.length === 0) return sql<SqlBool>`${confidential}`;
  return sql<SqlBool>`(${normal} OR ${confidential})`;
}

interface ScopeReach {
  /** document.read covers every top-level organisation: nothing to narrow through the org indexes. */
  everything: boolean;
  /** document.confidential does too: every document is visible, the rule needs no check per row. */
  everythingConfidential: boolean;
  /** The register holds LARGE_REGISTER documents or more (pg_class.reltuples, the planner's estimate). */
  large: boolean;
}

async function scopeReach(executor: Executor, scope: DocumentScope): Promise<ScopeReach> {
  const confidential = scope.confidentialPaths.length > 0 ? scope.confidentialPaths : ["__none__"];
  const read = scope.readPaths.length > 0 ? scope.readPaths : ["__none__"];
  const { rows } = await sql<{ everything: boolean | null; confidential: boolean | null; large: boolean }>`
    SELECT bool_and(r.path <@ ANY(${read}::ltree[])) AS everything,
      bool_and(r.path <@ ANY(${confidential}::ltree[])) AS confidential,
      (SELECT c.reltuples >= ${LARGE_REGISTER} FROM pg_class c WHERE c.oid = 'documents'::regclass) AS large
    FROM organisations r WHERE r.parent_id IS NULL`.execute(executor);
  const everything = scope.readPaths.length > 0 && rows[0]?.everything === true;
  return {
    everything,
    everythingConfidential: everything && rows[0]?.confidential === true,
    large: rows[0]?.large === true,
  };
}

/** The filters and the visibility rule on `documents d`. */
function conditions(options: DocumentListOptions, reach: ScopeReach, form: ReachForm): Expression<SqlBool>[] {
  const { filter, scope } = options;
  // Every document is held by an organisation under some top-level one, so a scope over all of them
  // (read and confidential) sees everything; over all of them for reading only, the normal ones and
  // the confidential ones reachable from the confidential scope. Otherwise the rule through sets, which
  // also narrows through the organisation indexes (a commune sees a few hundred documents of a million).
  const list: Expression<SqlBool>[] = reach.everythingConfidential
    ? []
    : reach.everything
      ? [
          sql<SqlBool>`(d.confidentiality = 'normal' OR ${visibleThroughSets({ readPaths: [], confidentialPaths: scope.confidentialPaths }, form)})`,
        ]
      : [visibleThroughSets(scope, form)];
  if (filter.typeAbbreviation !== undefined)
    list.push(sql<SqlBool>`d.type_abbreviation = ${filter.typeAbbreviation}`);
  if (filter.issuerCode !== undefined) list.push(sql<SqlBool>`${filter.issuerCode} = ANY(d.issuer_codes)`);
  if (filter.year !== undefined) {
    list.push(
      sql<SqlBool>`d.issued_on >= ${`${filter.year}-01-01`}::date AND d.issued_on < ${`${filter.year + 1}-01-01`}::date`,
    );
  }
  if (filter.status !== undefined) list.push(sql<SqlBool>`d.status = ${filter.status}`);
  if (filter.plansOnly)
    list.push(sql<SqlBool>`d.type_id IN (SELECT t.id FROM document_types t WHERE t.is_plan)`);
  if (!filter.includePlaceholders) list.push(sql<SqlBool>`NOT d.is_placeholder`);
  if (filter.subtreePath !== undefined)
    list.push(sql<SqlBool>`d.id IN ${reachedFromPaths([filter.subtreePath])}`);
  return list;
}

const and = (list: Expression<SqlBool>[]) => (list.length === 0 ? sql`true` : sql.join(list, sql` AND `));

/** The year filter alone: the head window's range of the recency index (its leading column). */
function yearRange(filter: DocumentListFilter): RawBuilder<unknown> {
  if (filter.year === undefined) return sql`true`;
  return sql`d.issued_on >= ${`${filter.year}-01-01`}::date AND d.issued_on < ${`${filter.year + 1}-01-01`}::date`;
}
const RECENT = sql`d.issued_on DESC NULLS LAST, d.id DESC`;

/** The path of an organisation, or null when there is none with that id. */
export async function orgPathOf(executor: Executor, orgId: number): Promise<string | null> {
  const { rows } = await sql<{ path: string }>`
    SELECT path::text AS path FROM organisations WHERE id = ${orgId}`.execute(executor);
  return rows[0]?.path ?? null;
}

export async function listDocuments(
  executor: Executor,
  options: DocumentListOptions,
): Promise<DocumentListResult> {
  const estimated = await scopeReach(executor, options.scope);
  const reach = { ...estimated, large: options.largeRegister ?? estimated.large };
  const where = and(conditions(options, reach, "set"));
  const byIds = and(conditions(options, reach, "ids"));
  const summariesOf = (ids: readonly number[]) => visibleSummariesOf(executor, options.scope, ids);
  const offset = (options.page - 1) * options.pageSize;
  if (options.query === null) {
    const { rows } = await sql<{ id: number }>`
      SELECT d.id FROM documents d WHERE ${where}
      ORDER BY ${RECENT} LIMIT ${options.pageSize} OFFSET ${offset}`.execute(executor);
    // On a large register counted by id (the scope's set first, then the documents by primary key until
    // the cap): as a set join the planner hashed the set and scanned the whole register for it, and a
    // sequential scan of a large table starts where the last one stopped (synchronize_seqscans), so a
    // province's count read anything from a few pages to most of 700 MB (median 36 ms, p95 236 ms on a
    // million documents).
    const counted = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM documents d WHERE ${reach.large ? byIds : where}
        LIMIT ${DOCUMENT_COUNT_CAP + 1}) c`.execute(executor);
    const matches = Number(counted.rows[0]?.n ?? 0);
    const summaries = await summariesOf(rows.map((row) => row.id));
    return {
      rows: summaries.map((row) => ({ ...row, snippet: null, rank: null })),
      total: Math.min(matches, DOCUMENT_COUNT_CAP),
      totalIsLowerBound: matches > DOCUMENT_COUNT_CAP,
    };
  }
  // The window only for a scope over the whole register, and a large one: a province's documents are
  // ~5% of it, too few of the newest to fill the list, and its head tier probes its own set instead.
  const window = reach.everything ? (options.headWindow ?? (reach.large ? HEAD_WINDOW : 0)) : 0;
  const wheres = {
    head: byIds,
    body: where,
    window: window > 0 ? { rows: window, range: yearRange(options.filter) } : null,
  };
  return search(executor, options.query, wheres, options.pageSize, offset, summariesOf);
}

/** A number in a query, and the words beside it that may name its type. */
interface TypedNumber {
  /** The spellings the register may store its value in: "21", "021", "0021"; "4", "04", … */
  spellings: string[];
  /** Up to four words before (past a "so") or after the number, folded: "luan", "ket luan", "kl". */
  typePhrases: string[];
}

/** A word that is a document's number: a few digits (not a phone number or a code). */
const NUMBER_WORD = /^\d{1,6}$/;
/** Words of the longest type names ("chuong trinh hanh dong", "nghi quyet lien tich"). */
const TYPE_PHRASE_MAX_WORDS = 4;

/**
 * The one number among a query's plain words ("ket luan 21", "21 kl", "nghi quyet so 04"), or null:
 * no number, several, or search syntax (quotes, "-", a symbol typed whole) the other tiers handle.
 */
function typedNumberOf(query: string): TypedNumber | null {
  const words = query.split(/[\s,;:.]+/).filter((word) => word !== "");
  if (!words.every((word) => /^[a-z0-9]+$/.test(word))) return null;
  const positions = words.flatMap((word, index) => (NUMBER_WORD.test(word) ? [index] : []));
  const at = positions[0];
  if (at === undefined || positions.length > 1) return null;
  const value = Number.parseInt(words[at] ?? "", 10);
  if (value === 0) return null;
  const digits = String(value);
  const spellings = [...new Set([1, 2, 3, 4].map((width) => digits.padStart(width, "0")))];
  const before = words.slice(0, at);
  if (before.at(-1) === "so") before.pop();
  const after = words.slice(at + 1);
  const typePhrases: string[] = [];
  for (let length = 1; length <= TYPE_PHRASE_MAX_WORDS; length++) {
    if (before.length >= length) typePhrases.push(before.slice(-length).join(" "));
    if (after.length >= length) typePhrases.push(after.slice(0, length).join(" "));
  }
  return { spellings, typePhrases };
}

/**
 * The numbered tier's lookup by documents_symbol (type_abbreviation, number): the types the phrases
 * name, by name or abbreviation folded like the search ("ket luan", "kl", "qd"), or every type when
 * they name none ("so 21"). An empty set when nothing is numbered so.
 */
async function numberedLookup(executor: Executor, typed: TypedNumber | null): Promise<RawBuilder<unknown>> {
  if (typed === null) return sql`(SELECT x.id FROM documents x WHERE false)`;
  const { rows } = await sql<{ id: number; abbreviation: string; named: boolean }>`
    SELECT t.id, t.abbreviation,
      (lower(unaccent(t.name_vi)) = ANY(${typed.typePhrases}::text[])
        OR lower(unaccent(t.abbreviation)) = ANY(${typed.typePhrases}::text[])) AS named
    FROM document_types t`.execute(executor);
  const named = rows.filter((row) => row.named);
  const types = named.length > 0 ? named : rows;
  const abbreviations = [...new Set(types.map((row) => row.abbreviation))];
  // Two types may share an abbreviation (Quyết định and Quy định are both QĐ): the type itself decides.
  const ofType = named.length > 0 ? sql`AND x.type_id = ANY(${named.map((row) => row.id)}::bigint[])` : sql``;
  return sql`(SELECT x.id FROM documents x
    WHERE x.type_abbreviation = ANY(${abbreviations}::text[]) AND x.number = ANY(${typed.spellings}::text[])
      ${ofType} OFFSET 0)`;
}

async function search(
  executor: Executor,
  query: string,
  where: {
    head: RawBuilder<unknown>;
    body: RawBuilder<unknown>;
    /** The head window (HEAD_WINDOW): its size and the recency index's range (the year filter). */
    window: { rows: number; range: RawBuilder<unknown> } | null;
  },
  pageSize: number,
  offset: number,
  summariesOf: (ids: readonly number[]) => Promise<DocumentSummaryRow[]>,
): Promise<DocumentListResult> {
  // A query of punctuation only, or only exclusions ("-dang"), has nothing an index could look up.
  const parsed = await sql<{ text: string; nodes: number; tree: string }>`
    SELECT q::text AS text, numnode(q) AS nodes, querytree(q) AS tree
    FROM websearch_to_tsquery('namro_vi', ${query}) AS q`.execute(executor);
  const info = parsed.rows[0];
  if (!info || Number(info.nodes) === 0 || info.tree === "T" || info.tree === "") {
    return { rows: [], total: 0, totalIsLowerBound: false };
  }
  const tsquery = sql`websearch_to_tsquery('namro_vi', ${query})`;
  // A number typed whole ("21-kl/tw", "30/2020/nd-cp"): the document bearing it comes first, however
  // many more recent subjects cite it (a plan "thực hiện Quy định số 366-QĐ/TW" in every commune).
  const typedNumber = query.replace(/^so\s*:?\s*/, "");
  const numberLike = /^\d+[-/]\S+$/.test(typedNumber);
  const exact = numberLike ? sql`(lower(unaccent(coalesce(d.symbol, ''))) = ${typedNumber})` : sql`false`;
  const numbered = await numberedLookup(executor, typedNumberOf(query));
  const headAll = (
    gate: RawBuilder<unknown>,
  ) => sql`SELECT d.id, d.issued_on, ${exact} AS exact FROM documents d
      WHERE ${gate} AND d.search_head @@ ${tsquery} AND ${where.head}
      ORDER BY ${numberLike ? sql`exact DESC, ` : sql``}${RECENT} LIMIT ${SEARCH_CAP + 1}`;
  // The head window (HEAD_WINDOW; not for a number typed whole, whose own document may be older): the
  // newest documents, then the query on them. With SEARCH_CAP + 1 matches among them these are the
  // newest matches of the whole register (every document outside is older), the same list; otherwise
  // the whole register, as a one-time filter (the full search runs only then). The LIMIT keeps the
  // planner from pushing the query into the window's scan.
  const head =
    where.window === null || numberLike
      ? sql`head AS MATERIALIZED (${headAll(sql`true`)})`
      : sql`head_probe AS MATERIALIZED (
      SELECT count(*) AS n
      FROM (SELECT * FROM documents d WHERE ${where.window.range} ORDER BY ${RECENT}
        LIMIT ${Math.ceil(where.window.rows / HEAD_WINDOW_PROBE_SHARE)}) d
      WHERE d.search_head @@ ${tsquery} AND ${where.body}
    ), head_recent AS MATERIALIZED (
      SELECT d.id, d.issued_on, false AS exact
      FROM (SELECT * FROM documents d WHERE ${where.window.range} ORDER BY ${RECENT} LIMIT ${where.window.rows}) d
      WHERE (SELECT p.n FROM head_probe p) * ${HEAD_WINDOW_PROBE_SHARE} > ${SEARCH_CAP}
        AND d.search_head @@ ${tsquery} AND ${where.body}
      ORDER BY ${RECENT} LIMIT ${SEARCH_CAP + 1}
    ), head AS MATERIALIZED (
      SELECT r.id, r.issued_on, r.exact FROM head_recent r WHERE (SELECT count(*) FROM head_recent) > ${SEARCH_CAP}
      UNION ALL (${headAll(sql`(SELECT count(*) FROM head_recent) <= ${SEARCH_CAP}`)})
    )`;
  const { rows } = await sql<{ id: number; rank: number; matches: number }>`
    WITH numbered AS MATERIALIZED (
      -- The few documents bearing the number (OFFSET 0 keeps the index lookup first), then the query.
      SELECT d.id, d.issued_on FROM documents d
      WHERE d.id IN ${numbered} AND d.search_tsv @@ ${tsquery} AND ${where.body}
      ORDER BY ${RECENT} LIMIT ${SEARCH_CAP + 1}
    ), ${head}, body AS MATERIALIZED (
      -- Not run at all when the head tier fills the list (a one-time filter before any scan).
      SELECT d.id, d.issued_on FROM documents d
      WHERE (SELECT count(*) FROM head) <= ${SEARCH_CAP}
        AND d.search_tsv @@ ${tsquery} AND ${where.body} AND d.id NOT IN (SELECT h.id FROM head h)
      ORDER BY ${RECENT} LIMIT ${SEARCH_CAP + 1}
    ), candidates AS (
      SELECT n.id, n.issued_on, -1 AS tier FROM numbered n
      UNION ALL SELECT h.id, h.issued_on, CASE WHEN h.exact THEN -1 ELSE 0 END AS tier FROM head h
        WHERE h.id NOT IN (SELECT n.id FROM numbered n)
      UNION ALL SELECT b.id, b.issued_on, 1 AS tier FROM body b WHERE b.id NOT IN (SELECT n.id FROM numbered n)
    ), kept AS (
      SELECT c.* FROM candidates c ORDER BY c.tier, c.issued_on DESC NULLS LAST, c.id DESC LIMIT ${SEARCH_CAP + 1}
    )
    SELECT k.id,
      ts_rank_cd(${RANK_WEIGHTS}::float4[], CASE WHEN k.tier <= 0 THEN d.search_head ELSE d.search_tsv END,
        ${tsquery})::float8 AS rank,
      count(*) OVER ()::int AS matches
    FROM kept k JOIN documents d ON d.id = k.id
    ORDER BY k.tier, rank DESC, k.issued_on DESC NULLS LAST, k.id DESC
    LIMIT ${pageSize} OFFSET ${offset}`.execute(executor);
  let matches = rows[0] ? Number(rows[0].matches) : null;
  // An empty first page: no candidate at all. Past the last page: count the candidates alone.
  if (matches === null && offset === 0) matches = 0;
  if (matches === null) {
    const counted = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM documents d WHERE d.search_tsv @@ ${tsquery} AND ${where.body}
        LIMIT ${SEARCH_CAP + 1}) c`.execute(executor);
    matches = Number(counted.rows[0]?.n ?? 0);
  }
  const ids = rows.map((row) => row.id);
  const [summaries, snippets] = await Promise.all([summariesOf(ids), snippetsOf(executor, ids, tsquery)]);
  const rankById = new Map(rows.map((row) => [row.id, Number(row.rank)]));
  return {
    rows: summaries.map((row) => ({
      ...row,
      snippet: snippets.get(row.id) ?? null,
      rank: rankById.get(row.id) ?? null,
    })),
    total: Math.min(matches, SEARCH_CAP),
    totalIsLowerBound: matches > SEARCH_CAP,
  };
}

/** Summaries of `ids` in that order, each checked by the one visibility rule. */
async function visibleSummariesOf(
  executor: Executor,
  scope: DocumentScope,
  ids: readonly number[],
): Promise<DocumentSummaryRow[]> {
  if (ids.length === 0) return [];
  const found = await documentSummaryQuery(executor)
    .where("d.id", "in", [...ids])
    .where(documentVisibleSql("d", scope))
    .execute();
  const byId = new Map(found.map((row) => [row.id, row as DocumentSummaryRow]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The page's snippets: the matched words of the body's first SNIPPET_PREFIX_CHARS in their original
 * spelling, marked «…»; for a document whose body holds no match there, the marked subject.
 */
async function snippetsOf(
  executor: Executor,
  ids: readonly number[],
  tsquery: RawBuilder<unknown>,
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<{ id: number; body: string | null; subject: string }>`
    SELECT d.id,
      ts_headline('namro_vi', left(t.body, ${SNIPPET_PREFIX_CHARS}), ${tsquery}, ${BODY_HEADLINE}) AS body,
      ts_headline('namro_vi', d.subject, ${tsquery}, ${SUBJECT_HEADLINE}) AS subject
    FROM documents d LEFT JOIN document_texts t ON t.document_id = d.id
    WHERE d.id = ANY(${[...ids]}::bigint[])`.execute(executor);
  const snippets = new Map<number, string>();
  for (const row of rows) {
    const marked = [row.body, row.subject].find((text) => text?.includes(SNIPPET_START));
    if (marked) snippets.set(Number(row.id), marked.replace(/\s+/g, " ").trim());
  }
  return snippets;
}
