// The one member filter (MemberFilter) as SQL, shared by the list, the export and the statistics, so
// the three always agree on who is "in the list". No HTTP here; the caller resolves scope and today.
import { ACTIVE_MEMBER_STATUSES, type AgeBand, type MemberFilter } from "@namro/contracts";
import { addMonths, canonicalCardNumber, toSearchKey } from "@namro/domain";
import {
  type Expression,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
  type Transaction,
} from "kysely";
import type { Database, MembersTable, OrganisationsTable } from "../../db/schema.ts";

export type Executor = Kysely<Database> | Transaction<Database>;

/** Tables a filtered member query reads: `m` the member, `o` the cell (now, or on `asOf`). */
export type MemberFilterTables = Database & { m: MembersTable; o: OrganisationsTable };
export type FilteredMembersQuery = SelectQueryBuilder<MemberFilterTables, "m" | "o", object>;

export interface MemberFilterOptions {
  filter: MemberFilter;
  /** ltree paths of the subtrees the actor may read members in (scopePaths(actor, "member.read")). */
  scopePaths: readonly string[];
  /** Today in Vietnam (ISO date): age bands and "holds a post now" are computed against it. */
  today: string;
  /** Whether `q` may match citizen ID numbers (the actor holds member.sensitive over the scope). */
  canSearchCitizenId: boolean;
  /**
   * The ltree path of `filter.orgId`, when the caller has it (MembersService.filterOptions does). As a
   * constant the planner can estimate the subtree's size and start from its cells for a small subtree;
   * without it the path is looked up in a subquery, which is correct but plans as if the subtree were
   * the whole scope.
   */
  subtreePath?: string | undefined;
  /**
   * Every organisation id in the subtree (or the whole scope) when there are few — MembersService
   * resolves them up to MEMBER_FILTER_ORG_ID_LIMIT. When given, `org_id = ANY(ids)` replaces the path
   * conditions (the ids are already their intersection): the planner then reads the members of those
   * cells once, combined with the name index, instead of probing the name index once per cell.
   */
  orgIds?: readonly number[] | undefined;
}

/** Above this many organisations a scope is filtered by path instead of by a list of ids. */
export const MEMBER_FILTER_ORG_ID_LIMIT = 3000;

/**
 * How a caller that knows more than the filter tunes the SQL; the rows are the same either way.
 * listMembers (members.list.repository.ts) decides these for name searches over the whole country.
 */
export interface MemberFilterPlan {
  /**
   * The scope paths hold every root organisation, so every member is in scope: no scope condition,
   * which the planner would otherwise estimate as selective and plan around.
   */
  scopeIsEverything?: boolean;
  /**
   * "scan": a name is matched by the regular expression alone, so the query can only walk the
   * members in index or table order and stop at its LIMIT — cheaper than the name index when the
   * name matches a large share of the members ("quang", "qu"). Default "index".
   *
   * "prefix" is the exception to "the same rows": only names that START with the text ("nguyen kim…"),
   * a subset of the matches read off the search_key btree. listMembers counts those first: when they
   * alone pass the cap, the total is known without reading the other matches.
   */
  nameMatch?: "index" | "scan" | "prefix";
}

/**
 * A select over `members as m` joined to `organisations as o`, restricted by the filter and the actor's
 * scope, with nothing selected yet: add `.select(...)`, ordering and paging (or aggregates) yourself.
 *
 * - `o` is the member's current cell (`m.org_id`); with `filter.asOf` it is the cell the member belonged
 *   to on that date (member_cells `[valid_from, valid_to)`), so "members of cell C on D" is
 *   `{ orgId: C, asOf: D }`.
 * - `orgId` restricts to that organisation's subtree (the caller checks it is visible: an invisible
 *   one simply yields nothing here, because the scope paths still apply).
 * - Without `status` the list holds active members only (probationary and full) — except with `asOf`,
 *   where the cell history alone says who belonged, whatever their status is today.
 * - `q`: digits (spaces, dots and dashes ignored) match the Party card number exactly, or the citizen
 *   ID exactly when `canSearchCitizenId`; anything else is a name without diacritics matched where a
 *   word of `search_key` starts ("quang" finds "Bùi Ngọc Quang", "kim qu" finds "Nguyễn Kim Quang").
 * - `ageBand` is the age on `today`; `postType` means holding such a post on `asOf` (or today).
 */
export function selectFilteredMembers(
  executor: Executor,
  options: MemberFilterOptions,
  plan: MemberFilterPlan = {},
): FilteredMembersQuery {
  const { filter, scopePaths } = options;
  let query: FilteredMembersQuery;
  if (filter.asOf) {
    const on = filter.asOf;
    query = executor
      .selectFrom("members as m")
      .innerJoin("memberCells as mc", (join) =>
        join
          .onRef("mc.memberId", "=", "m.id")
          .on(sql<SqlBool>`mc.valid_from <= ${on} AND (mc.valid_to IS NULL OR mc.valid_to > ${on})`),
      )
      .innerJoin("organisations as o", "o.id", "mc.orgId") as unknown as FilteredMembersQuery;
  } else {
    query = executor.selectFrom("members as m").innerJoin("organisations as o", "o.id", "m.orgId");
  }
  for (const condition of filterConditions(options, plan)) query = query.where(condition);
  if (options.orgIds) {
    if (options.orgIds.length === 0) return query.where(sql<SqlBool>`false`);
    const cellColumn = filter.asOf ? sql.raw("mc.org_id") : sql.raw("m.org_id");
    return query.where(sql<SqlBool>`${cellColumn} = ANY(${[...options.orgIds]}::bigint[])`);
  }
  if (scopePaths.length === 0) return query.where(sql<SqlBool>`false`);
  if (plan.scopeIsEverything) return query;
  return query.where(sql<SqlBool>`o.path <@ ANY(${[...scopePaths]}::ltree[])`);
}

function filterConditions(options: MemberFilterOptions, plan: MemberFilterPlan): Expression<SqlBool>[] {
  const { filter, today } = options;
  const conditions: Expression<SqlBool>[] = [];
  if (options.orgIds) {
    // The subtree is already in the ids.
  } else if (options.subtreePath !== undefined) {
    conditions.push(sql<SqlBool>`o.path <@ ${options.subtreePath}::ltree`);
  } else if (filter.orgId !== undefined) {
    conditions.push(
      sql<SqlBool>`o.path <@ (SELECT s.path FROM organisations s WHERE s.id = ${filter.orgId})`,
    );
  }
  const statuses = filter.status?.length ? filter.status : filter.asOf ? null : ACTIVE_MEMBER_STATUSES;
  if (statuses) conditions.push(sql<SqlBool>`m.status IN (${sql.join([...statuses])})`);
  if (filter.sex) conditions.push(sql<SqlBool>`m.sex = ${filter.sex}`);
  if (filter.ethnicity) conditions.push(sql<SqlBool>`m.ethnicity = ${filter.ethnicity}`);
  if (filter.religion) conditions.push(sql<SqlBool>`m.religion = ${filter.religion}`);
  if (filter.educationProfessional?.length) {
    conditions.push(sql<SqlBool>`m.education_professional IN (${sql.join(filter.educationProfessional)})`);
  }
  if (filter.theoryLevel?.length) {
    conditions.push(sql<SqlBool>`m.theory_level IN (${sql.join(filter.theoryLevel)})`);
  }
  if (filter.ageBand?.length) {
    conditions.push(
      sql<SqlBool>`(${sql.join(
        filter.ageBand.map((band) => ageBandCondition(band, today)),
        sql` OR `,
      )})`,
    );
  }
  if (filter.postType) {
    const on = filter.asOf ?? today;
    conditions.push(sql<SqlBool>`EXISTS (SELECT 1 FROM member_posts p
      WHERE p.member_id = m.id AND p.post_type = ${filter.postType}
        AND p.started_on <= ${on} AND (p.ended_on IS NULL OR p.ended_on > ${on}))`);
  }
  const q = filter.q?.trim();
  if (q) conditions.push(queryCondition(q, options.canSearchCitizenId, plan.nameMatch ?? "index"));
  return conditions;
}

/** Ages (whole years on `today`) of each band, inclusive; `null` means unbounded. */
export const AGE_BAND_RANGES: Record<AgeBand, [number | null, number | null]> = {
  under_31: [null, 30],
  "31_40": [31, 40],
  "41_50": [41, 50],
  "51_60": [51, 60],
  "61_70": [61, 70],
  over_70: [71, null],
};

/** The last birth date of someone aged at least `years` on `today`. */
function bornBy(today: string, years: number): string {
  return addMonths(today, -12 * years);
}

function ageBandCondition(band: AgeBand, today: string) {
  const [min, max] = AGE_BAND_RANGES[band];
  // Age ≥ min ⇔ born on or before bornBy(min); age ≤ max ⇔ born after bornBy(max + 1).
  const parts = [
    ...(min === null ? [] : [sql`m.birth_date <= ${bornBy(today, min)}`]),
    ...(max === null ? [] : [sql`m.birth_date > ${bornBy(today, max + 1)}`]),
  ];
  return sql`(${sql.join(parts, sql` AND `)})`;
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function regexEscape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The search key of `q` when it is a name search (not a card or citizen ID number), else null. A `q`
 * of nothing but marks and spaces is no condition at all, also null.
 */
export function nameSearchKey(q: string | undefined): string | null {
  const trimmed = q?.trim();
  if (!trimmed || isNumberQuery(trimmed)) return null;
  const key = toSearchKey(trimmed);
  return key === "" ? null : key;
}

/** The regular expression for "`key` where a word of the name starts", on search_key. */
export function nameStartsPattern(key: string): string {
  return `(^| )${regexEscape(key)}`;
}

function numberDigits(q: string): string {
  return q.replace(/[\s.\-\u00a0]/g, "");
}

function isNumberQuery(q: string): boolean {
  return /^\d+$/.test(numberDigits(q));
}

/** `q` as card number / citizen ID (digits) or as a diacritics-free name. */
function queryCondition(
  q: string,
  canSearchCitizenId: boolean,
  nameMatch: "index" | "scan" | "prefix",
): Expression<SqlBool> {
  if (isNumberQuery(q)) {
    const digits = numberDigits(q);
    const card = sql<SqlBool>`m.card_number = ${canonicalCardNumber(digits)}`;
    return canSearchCitizenId ? sql<SqlBool>`(${card} OR m.citizen_id = ${digits})` : card;
  }
  const key = nameSearchKey(q);
  if (key === null) return sql<SqlBool>`true`;
  // regexp_like rather than `~`: the operator would also reach the trigram index, and the planner
  // would AND that (slow on common syllables) with the word index.
  const pattern = sql<SqlBool>`regexp_like(m.search_key, ${nameStartsPattern(key)})`;
  if (nameMatch === "scan") return pattern;
  if (nameMatch === "prefix") return sql<SqlBool>`m.search_key LIKE ${`${likeEscape(key)}%`}`;
  return sql<SqlBool>`(member_name_starts(m.search_key) @@ ${nameStartsLexeme(key)}::tsquery AND ${pattern})`;
}

/**
 * `key` where a word of the name starts, then on across words ("kim qu" finds "Nguyễn Kim Quang"), as
 * a prefix lexeme for the members_name_starts index (migration 0008), which holds every word suffix
 * of search_key. Quotes and backslashes are escaped: the lexeme is the plain text of the key.
 */
function nameStartsLexeme(key: string): string {
  return `'${key.replace(/[\\']/g, (c) => `\\${c}`)}':*`;
}
