// SQL of the member statistics: every breakdown, the posts and the flows in ONE statement, so the page
// costs one round trip and one scan of the filtered members (GROUPING SETS over a materialised set).
// Who is counted is decided by the shared member filter (members.filter.repository.ts).
import {
  MEMBER_POST_COMBINATIONS,
  MEMBERSHIP_YEARS_RANGES,
  type MemberLossKind,
  MemberLossKindSchema,
  type MembershipYearsBand,
  type StatisticsPeriod,
} from "@namro/contracts";
import { addMonths } from "@namro/domain";
import { type RawBuilder, type SqlBool, sql } from "kysely";
import {
  AGE_BAND_RANGES,
  type Executor,
  type MemberFilterOptions,
  selectFilteredMembers,
} from "./members.filter.repository.ts";

export interface StatisticsQueryInput {
  filterOptions: MemberFilterOptions;
  /** Ages, years of membership and open posts are taken on this day. */
  referenceDate: string;
  /**
   * Whether the breakdowns (other than by status) count every filtered member (a status filter was
   * given, or the set is "members on asOf") or only the active ones.
   */
  countAllStatuses: boolean;
  withReligion: boolean;
  /** ltree path of the subtree whose flows are counted, or the actor's scope paths. */
  flowSubtree: { path: string } | { scopePaths: readonly string[] };
  window: { from: string; to: string; period: StatisticsPeriod };
}

export type StatisticsDimension =
  | "status"
  | "sex"
  | "age_band"
  | "education"
  | "theory"
  | "years"
  | "ethnicity"
  | "religion";

export interface StatisticsRows {
  /** One row per (dimension, value): `all` counts every filtered member, `counted` those in totals. */
  groups: { dim: StatisticsDimension; key: string; all: number; counted: number }[];
  postTypes: {
    code: string;
    kind: "party" | "government" | "mass";
    nameVi: string;
    nameEn: string;
    n: number;
  }[];
  /** Member counts per MEMBER_POST_COMBINATIONS entry, in that order. */
  combinations: number[];
  /** Admissions and losses: bucket = first day of the period. */
  flows: { bucket: string; kind: "admission" | MemberLossKind; n: number }[];
  transfers: { bucket: string; direction: "in" | "out"; n: number }[];
}

const PERIOD_UNIT: Record<StatisticsPeriod, string> = { month: "month", quarter: "quarter", year: "year" };

/** The date `years` years before `on`: born (admitted) on or before it ⇔ at least `years` old. */
function yearsBefore(on: string, years: number): string {
  return addMonths(on, -12 * years);
}

/** CASE over a date column giving the band whose inclusive year range contains the years elapsed. */
function bandCase(
  column: RawBuilder<unknown>,
  ranges: [string, [number | null, number | null]][],
  on: string,
): RawBuilder<string> {
  const branches = ranges.slice(0, -1).map(([band, [, max]]) => {
    if (max === null) throw new Error(`only the last band may be open-ended (${band})`);
    return sql`WHEN ${column} > ${yearsBefore(on, max + 1)}::date THEN ${band}`;
  });
  const last = ranges.at(-1);
  if (!last) throw new Error("no bands");
  return sql<string>`(CASE ${sql.join(branches, sql` `)} ELSE ${last[0]} END)`;
}

export async function queryMemberStatistics(
  db: Executor,
  input: StatisticsQueryInput,
): Promise<StatisticsRows> {
  const ref = input.referenceDate;
  const asOf = input.filterOptions.filter.asOf;
  const filtered = selectFilteredMembers(db, input.filterOptions).select([
    "m.id",
    "m.status",
    "m.sex",
    "m.birthDate",
    "m.admittedOn",
    "m.fullMemberOn",
    "m.ethnicity",
    "m.religion",
    "m.educationProfessional",
    "m.theoryLevel",
  ]);
  // On a past day, the status is what it was then: a member in a cell was probationary until made full.
  const status = asOf
    ? sql`(CASE WHEN f.full_member_on IS NOT NULL AND f.full_member_on <= ${asOf}::date THEN 'full' ELSE 'probationary' END)`
    : sql`f.status`;
  const counted = input.countAllStatuses ? sql`true` : sql`f.status IN ('probationary', 'full')`;
  const ageBand = bandCase(sql`f.birth_date`, Object.entries(AGE_BAND_RANGES), ref);
  const yearsBand = bandCase(
    sql`f.admitted_on`,
    Object.entries(MEMBERSHIP_YEARS_RANGES) as [MembershipYearsBand, [number, number | null]][],
    ref,
  );
  const religionColumn = input.withReligion ? sql`f.religion` : sql`NULL::text`;
  const dims: [StatisticsDimension, string][] = [
    ["status", "st"],
    ["sex", "sex"],
    ["age_band", "age_band"],
    ["education", "edu"],
    ["theory", "theory"],
    ["years", "years"],
    ["ethnicity", "ethnicity"],
    ...(input.withReligion ? ([["religion", "religion"]] as [StatisticsDimension, string][]) : []),
  ];
  const dimName = sql.join(
    dims.map(([name, column]) => sql`WHEN GROUPING(${sql.ref(column)}) = 0 THEN ${name}`),
    sql` `,
  );
  const dimKey = sql.join(dims.map(([, column]) => sql.ref(column)));
  const groupingSets = sql.join(dims.map(([, column]) => sql`(${sql.ref(column)})`));

  const { from, to, period } = input.window;
  const unit = PERIOD_UNIT[period];
  const bucket = sql`to_char(date_trunc(${unit}, e.occurred_on::timestamp), 'YYYY-MM-DD')`;
  const inSubtree = (path: RawBuilder<unknown>) =>
    "path" in input.flowSubtree
      ? sql<SqlBool>`(${path} <@ ${input.flowSubtree.path}::ltree)`
      : input.flowSubtree.scopePaths.length === 0
        ? sql<SqlBool>`false`
        : sql<SqlBool>`(${path} <@ ANY(${[...input.flowSubtree.scopePaths]}::ltree[]))`;
  const flowKinds = ["admission", ...MemberLossKindSchema.options];
  const combinations = MEMBER_POST_COMBINATIONS.map(
    (combo) => sql`count(*) FILTER (WHERE types @> ARRAY[${sql.join([...combo.postTypes])}]::text[])`,
  );

  const result = await sql<{
    groups: StatisticsRows["groups"] | null;
    postTypes: StatisticsRows["postTypes"] | null;
    combinations: number[] | null;
    flows: StatisticsRows["flows"] | null;
    transfers: StatisticsRows["transfers"] | null;
  }>`
    WITH f AS (${filtered}),
    d AS MATERIALIZED (
      SELECT f.id, ${status} AS st, ${counted} AS counted, f.sex, ${ageBand} AS age_band,
        f.education_professional AS edu, f.theory_level AS theory, ${yearsBand} AS years,
        f.ethnicity, ${religionColumn} AS religion
      FROM f
    ),
    g AS (
      SELECT CASE ${dimName} END AS dim, COALESCE(${dimKey}) AS key,
        count(*)::int AS "all", (count(*) FILTER (WHERE counted))::int AS counted
      FROM d GROUP BY GROUPING SETS (${groupingSets})
    ),
    op AS (
      SELECT p.member_id, array_agg(DISTINCT p.post_type) AS types
      FROM member_posts p JOIN d ON d.id = p.member_id AND d.counted
      WHERE p.started_on <= ${ref}::date AND (p.ended_on IS NULL OR p.ended_on > ${ref}::date)
      GROUP BY p.member_id
    ),
    pt AS (SELECT t, count(*)::int AS n FROM op, unnest(op.types) AS t GROUP BY t),
    ev AS (
      SELECT e.kind, ${bucket} AS bucket, eo.path
      FROM member_events e
      JOIN members em ON em.id = e.member_id
      CROSS JOIN LATERAL (
        SELECT COALESCE(
          CASE WHEN e.kind = 'admission' THEN e.to_org_id ELSE e.from_org_id END,
          (SELECT mc.org_id FROM member_cells mc
            WHERE mc.member_id = e.member_id AND mc.valid_from <= e.occurred_on
            ORDER BY mc.valid_from DESC, mc.id DESC LIMIT 1),
          em.org_id) AS org_id
      ) eorg
      JOIN organisations eo ON eo.id = eorg.org_id
      WHERE e.state = 'done' AND e.kind IN (${sql.join(flowKinds)})
        AND e.occurred_on BETWEEN ${from}::date AND ${to}::date
    ),
    tr AS (
      SELECT ${bucket} AS bucket, fo.path AS from_path, t.path AS to_path
      FROM member_events e
      JOIN organisations fo ON fo.id = e.from_org_id
      JOIN organisations t ON t.id = e.to_org_id
      WHERE e.state = 'done' AND e.kind = 'transfer_internal'
        AND e.occurred_on BETWEEN ${from}::date AND ${to}::date
    )
    SELECT
      (SELECT json_agg(json_build_object('dim', dim, 'key', key, 'all', "all", 'counted', counted)) FROM g) AS groups,
      (SELECT json_agg(json_build_object('code', mpt.code, 'kind', mpt.kind, 'nameVi', mpt.name_vi,
          'nameEn', mpt.name_en, 'n', COALESCE(pt.n, 0)) ORDER BY mpt.sort_order, mpt.code)
        FROM member_post_types mpt LEFT JOIN pt ON pt.t = mpt.code) AS post_types,
      (SELECT json_build_array(${sql.join(combinations)}) FROM op) AS combinations,
      (SELECT json_agg(json_build_object('bucket', bucket, 'kind', kind, 'n', n))
        FROM (SELECT bucket, kind, count(*)::int AS n FROM ev
          WHERE ${inSubtree(sql`ev.path`)} AND ${scopeCheckOf(input, sql`ev.path`)} GROUP BY bucket, kind) x) AS flows,
      (SELECT json_agg(json_build_object('bucket', bucket, 'direction', direction, 'n', n))
        FROM (
          SELECT bucket, 'in' AS direction, count(*)::int AS n FROM tr
            WHERE ${inSubtree(sql`tr.to_path`)} AND NOT ${inSubtree(sql`tr.from_path`)}
              AND ${scopeCheckOf(input, sql`tr.to_path`)} GROUP BY bucket
          UNION ALL
          SELECT bucket, 'out', count(*)::int FROM tr
            WHERE ${inSubtree(sql`tr.from_path`)} AND NOT ${inSubtree(sql`tr.to_path`)}
              AND ${scopeCheckOf(input, sql`tr.from_path`)} GROUP BY bucket
        ) y) AS transfers
  `.execute(db);
  const row = result.rows[0];
  return {
    groups: row?.groups ?? [],
    postTypes: row?.postTypes ?? [],
    combinations: row?.combinations ?? MEMBER_POST_COMBINATIONS.map(() => 0),
    flows: row?.flows ?? [],
    transfers: row?.transfers ?? [],
  };
}

function scopeCheckOf(input: StatisticsQueryInput, path: RawBuilder<unknown>): RawBuilder<SqlBool> {
  const paths = input.filterOptions.scopePaths;
  return paths.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`(${path} <@ ANY(${[...paths]}::ltree[]))`;
}
