// SQL for diacritics-free organisation search, today or as of a date: candidates tier by tier
// (exact, prefix, contains), each LIMITed, then ranked. Every function takes the executor first.
import { type RawBuilder, sql } from "kysely";
import {
  AS_OF_COLUMNS,
  type AsOfOrgRow,
  type Executor,
  validOn,
  withinPaths,
} from "./organisations.repository.ts";

export interface SearchRow extends AsOfOrgRow {
  rank: number;
}

function regexEscape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Match tiers, best first; a tier runs only while fewer than `limit` candidates were found. */
const SEARCH_TIERS = ["exact", "prefix", "contains"] as const;
type SearchTier = (typeof SEARCH_TIERS)[number];

/** Where a search reads from: the current state, or the versions valid on a date. */
interface SearchSource {
  columns: RawBuilder<unknown>;
  from: RawBuilder<unknown>;
  key: RawBuilder<unknown>;
  /** The type code column of the source (current or as of the date). */
  type: RawBuilder<unknown>;
  filter: RawBuilder<unknown>;
}

interface SearchInput {
  key: string;
  code: string;
  paths: string[];
  limit: number;
  /** Only these organisation types; null for any. */
  types: readonly string[] | null;
}

function tierCondition(source: SearchSource, tier: SearchTier, key: string, code: string) {
  const k = likeEscape(key);
  const c = likeEscape(code);
  if (tier === "exact") return sql`(${source.key} = ${key} OR lower(o.code) = ${code})`;
  // Range scans of the text_pattern_ops btrees (migration 0004).
  if (tier === "prefix") return sql`(${source.key} LIKE ${`${k}%`} OR lower(o.code) LIKE ${`${c}%`})`;
  // A key shorter than three characters matches at the start of a word only. As a regular
  // expression it still reaches the trigram index through the padded word-start trigrams (" ha");
  // LIKE '% ha%' would scan the whole table when the prefix is rare.
  if (key.length < 3) return sql`${source.key} ~ ${`(^| )${regexEscape(key)}`}`;
  return sql`(${source.key} LIKE ${`%${k}%`} OR o.code ILIKE ${`%${c}%`})`;
}

/**
 * Candidates for a search, ranked by match kind (0 exact name or code, 1 name or code prefix, 2 word
 * prefix, 3 substring) then shorter names. Tier by tier, each LIMITed without sorting, so a broad
 * query ("chi bo") reads `limit` rows from an index instead of sorting every match; when a tier
 * holds more matches than the limit, the candidates are the first the index yields.
 */
async function searchByTiers(
  executor: Executor,
  source: SearchSource,
  input: SearchInput,
): Promise<SearchRow[]> {
  const code = input.code.toLowerCase();
  const k = likeEscape(input.key);
  const c = likeEscape(code);
  const rank = sql<number>`CASE WHEN ${source.key} = ${input.key} OR lower(o.code) = ${code} THEN 0
           WHEN ${source.key} LIKE ${`${k}%`} OR lower(o.code) LIKE ${`${c}%`} THEN 1
           WHEN ${source.key} LIKE ${`% ${k}%`} THEN 2
           ELSE 3 END`;
  const typeFilter = input.types ? sql`AND ${source.type} = ANY(${[...input.types]}::text[])` : sql``;
  const found = new Map<number, SearchRow>();
  for (const tier of SEARCH_TIERS) {
    if (found.size >= input.limit) break;
    const result = await sql<SearchRow>`
      SELECT ${source.columns}, ${rank} AS rank
      FROM ${source.from}
      WHERE ${tierCondition(source, tier, input.key, code)}
        AND ${withinPaths(input.paths)} ${source.filter} ${typeFilter}
      LIMIT ${input.limit}`.execute(executor);
    for (const row of result.rows) if (!found.has(row.id)) found.set(row.id, row);
  }
  return [...found.values()]
    .sort((a, b) => a.rank - b.rank || a.name.length - b.name.length || a.id - b.id)
    .slice(0, input.limit);
}

export async function searchOrganisations(
  executor: Executor,
  input: SearchInput & { includeClosed: boolean },
): Promise<SearchRow[]> {
  return searchByTiers(
    executor,
    {
      columns: sql`o.id, o.code, o.name, o.type_code, o.parent_id, o.path, o.status, o.valid_from, o.valid_to, o.version`,
      from: sql`organisations o`,
      key: sql`o.search_key`,
      type: sql`o.type_code`,
      filter: input.includeClosed ? sql`` : sql`AND o.status = 'active'`,
    },
    input,
  );
}

/** The same search over the versions valid on `date`. */
export async function searchOrganisationsAsOf(
  executor: Executor,
  input: SearchInput & { date: string },
): Promise<SearchRow[]> {
  return searchByTiers(
    executor,
    {
      columns: AS_OF_COLUMNS,
      from: sql`org_versions v JOIN organisations o ON o.id = v.org_id`,
      key: sql`v.search_key`,
      type: sql`v.type_code`,
      filter: sql`AND ${validOn(input.date)}`,
    },
    input,
  );
}
