// SQL of the member statistics. Three independent reads, run in parallel on a pool (one after another
// on the single PGlite connection):
// - the breakdowns: ONE scan of the filtered members with three grouping sets — every combination of
//   the small closed lists (status, sex, education, theory level, age band, years of membership: a few
//   thousand rows at most), ethnicity, religion — rolled up per dimension by the caller;
// - open posts and concurrent posts: the filtered members joined to their open posts;
// - admissions, losses and transfers per period: the events of the window matched against the ids of
//   the subtree's organisations (transfers through the subtree's organisations).
// Who is counted is decided by the shared member filter (members.filter.repository.ts).
import {
  MEMBER_POST_COMBINATIONS,
  MEMBERSHIP_YEARS_RANGES,
  type MemberLossKind,
  MemberLossKindSchema,
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

/** One combination of the closed lists; `all` counts every filtered member, `counted` those in totals. */
export interface StatisticsCombinationRow {
  status: string;
  sex: string;
  education: string;
  theory: string;
  ageBand: string;
  years: string;
  all: number;
  counted: number;
}

export interface StatisticsRows {
  combinations: StatisticsCombinationRow[];
  ethnicities: { key: string; counted: number }[];
  religions: { key: string; counted: number }[];
  postTypes: {
    code: string;
    kind: "party" | "government" | "mass";
    nameVi: string;
    nameEn: string;
    n: number;
  }[];
  /** Member counts per MEMBER_POST_COMBINATIONS entry, in that order. */
  postCombinations: number[];
  /** Admissions and losses: bucket = first day of the period. */
  flows: { bucket: string; kind: "admission" | MemberLossKind; n: number }[];
  transfers: { bucket: string; direction: "in" | "out"; n: number }[];
}

export async function queryMemberStatistics(
  db: Executor,
  input: StatisticsQueryInput,
): Promise<StatisticsRows> {
  const [breakdowns, posts, flows] = await Promise.all([
    queryBreakdowns(db, input),
    queryPosts(db, input),
    queryFlows(db, input),
  ]);
  return { ...breakdowns, ...posts, ...flows };
}

function dayAfter(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

interface Banding {
  /** width_bucket(column, thresholds): 0 for the oldest band … n−1 for the youngest. */
  bucket: RawBuilder<number>;
  /** Band name by bucket number. */
  names: string[];
}

/**
 * The band of the years elapsed from a date column to `on`, as a width_bucket number over ascending
 * thresholds (an integer per row: cheaper to compute and to group than a CASE chain giving text).
 * `ranges` go from the youngest band to the oldest, with inclusive whole-year bounds; someone is at
 * least `y` years in on `on` ⇔ date ≤ on − y years.
 */
function banding(
  column: RawBuilder<unknown>,
  ranges: Readonly<Record<string, readonly [number | null, number | null]>>,
  on: string,
): Banding {
  const bands = Object.entries(ranges);
  const thresholds = bands
    .slice(0, -1)
    .map(([band, [, max]]) => {
      if (max === null) throw new Error(`only the oldest band may be open-ended (${band})`);
      return dayAfter(addMonths(on, -12 * (max + 1)));
    })
    .reverse();
  return {
    bucket: sql<number>`width_bucket(${column}, ${thresholds}::date[])`,
    names: bands.map(([band]) => band).reverse(),
  };
}

async function queryBreakdowns(
  db: Executor,
  input: StatisticsQueryInput,
): Promise<Pick<StatisticsRows, "combinations" | "ethnicities" | "religions">> {
  const ref = input.referenceDate;
  const asOf = input.filterOptions.filter.asOf;
  // On a past day, the status is what it was then: a member in a cell was probationary until made full.
  const status = asOf
    ? sql<string>`(CASE WHEN m.full_member_on IS NOT NULL AND m.full_member_on <= ${asOf}::date THEN 'full' ELSE 'probationary' END)`
    : sql<string>`m.status`;
  const counted = input.countAllStatuses
    ? sql<boolean>`true`
    : sql<boolean>`(m.status IN ('probationary', 'full'))`;
  const age = banding(sql`m.birth_date`, AGE_BAND_RANGES, ref);
  const years = banding(sql`m.admitted_on`, MEMBERSHIP_YEARS_RANGES, ref);
  const filtered = selectFilteredMembers(db, input.filterOptions).select([
    status.as("st"),
    counted.as("counted"),
    "m.sex",
    "m.educationProfessional as edu",
    "m.theoryLevel as theory",
    age.bucket.as("age_band"),
    years.bucket.as("years"),
    "m.ethnicity",
    "m.religion",
  ]);
  // Ethnicity and religion share one set (a few hundred pairs): one hash per row instead of two.
  const religionSet = input.withReligion ? sql`, f.religion` : sql``;
  const religionColumn = input.withReligion ? sql`f.religion` : sql`NULL::text AS religion`;
  const result = await sql<{
    st: string | null;
    sex: string | null;
    edu: string | null;
    theory: string | null;
    ageBand: number | null;
    years: number | null;
    ethnicity: string | null;
    religion: string | null;
    all: number;
    counted: number;
  }>`
    SELECT f.st, f.sex, f.edu, f.theory, f.age_band, f.years, f.ethnicity, ${religionColumn},
      count(*)::int AS "all", (count(*) FILTER (WHERE f.counted))::int AS counted
    FROM (${filtered}) f
    GROUP BY GROUPING SETS ((f.st, f.sex, f.edu, f.theory, f.age_band, f.years), (f.ethnicity${religionSet}))
  `.execute(db);
  const combinations: StatisticsCombinationRow[] = [];
  const ethnicities = new Map<string, number>();
  const religions = new Map<string, number>();
  for (const row of result.rows) {
    if (row.st !== null) {
      combinations.push({
        status: row.st,
        sex: row.sex ?? "",
        education: row.edu ?? "",
        theory: row.theory ?? "",
        ageBand: age.names[row.ageBand ?? -1] ?? "",
        years: years.names[row.years ?? -1] ?? "",
        all: row.all,
        counted: row.counted,
      });
    } else if (row.ethnicity !== null) {
      ethnicities.set(row.ethnicity, (ethnicities.get(row.ethnicity) ?? 0) + row.counted);
      if (row.religion !== null)
        religions.set(row.religion, (religions.get(row.religion) ?? 0) + row.counted);
    }
  }
  const listOf = (values: Map<string, number>) => [...values].map(([key, counted]) => ({ key, counted }));
  return { combinations, ethnicities: listOf(ethnicities), religions: listOf(religions) };
}

async function queryPosts(
  db: Executor,
  input: StatisticsQueryInput,
): Promise<Pick<StatisticsRows, "postTypes" | "postCombinations">> {
  const ref = input.referenceDate;
  const counted = input.countAllStatuses
    ? sql<SqlBool>`true`
    : sql<SqlBool>`m.status IN ('probationary', 'full')`;
  // The filtered members joined to their posts open on the day: a join, not EXISTS, so the planner
  // probes the posts once per member instead of first de-duplicating ~200,000 member ids (which
  // spilled to disk); array_agg(DISTINCT) still counts a member once per post type.
  const holders = selectFilteredMembers(db, input.filterOptions)
    .innerJoin("memberPosts as p", "p.memberId", "m.id")
    .select(["p.memberId", sql<string[]>`array_agg(DISTINCT p.post_type)`.as("types")])
    .where(sql<SqlBool>`p.started_on <= ${ref}::date AND (p.ended_on IS NULL OR p.ended_on > ${ref}::date)`)
    .where(counted)
    .groupBy("p.memberId");
  const combinations = MEMBER_POST_COMBINATIONS.map(
    (combo) => sql`count(*) FILTER (WHERE types @> ARRAY[${sql.join([...combo.postTypes])}]::text[])`,
  );
  const result = await sql<{
    postTypes: StatisticsRows["postTypes"] | null;
    postCombinations: number[] | null;
  }>`
    WITH op AS MATERIALIZED (${holders}),
    pt AS (SELECT t, count(*)::int AS n FROM op, unnest(op.types) AS t GROUP BY t)
    SELECT
      (SELECT json_agg(json_build_object('code', mpt.code, 'kind', mpt.kind, 'nameVi', mpt.name_vi,
          'nameEn', mpt.name_en, 'n', COALESCE(pt.n, 0)) ORDER BY mpt.sort_order, mpt.code)
        FROM member_post_types mpt LEFT JOIN pt ON pt.t = mpt.code) AS post_types,
      (SELECT json_build_array(${sql.join(combinations)}) FROM op) AS post_combinations
  `.execute(db);
  const row = result.rows[0];
  return {
    postTypes: row?.postTypes ?? [],
    postCombinations: row?.postCombinations ?? MEMBER_POST_COMBINATIONS.map(() => 0),
  };
}

const PERIOD_UNIT: Record<StatisticsPeriod, string> = { month: "month", quarter: "quarter", year: "year" };

async function queryFlows(
  db: Executor,
  input: StatisticsQueryInput,
): Promise<Pick<StatisticsRows, "flows" | "transfers">> {
  const { from, to, period } = input.window;
  const bucket = sql`to_char(date_trunc(${PERIOD_UNIT[period]}, occurred_on::timestamp), 'YYYY-MM-DD')`;
  const scope = input.filterOptions.scopePaths;
  const inScope =
    scope.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`o.path <@ ANY(${[...scope]}::ltree[])`;
  // The organisations counted (the subtree, within the actor's scope), as ids: events are matched by
  // their organisation id against this set (a few thousand ids for a province) instead of joining every
  // event of the window to its organisations to test their paths.
  const subtree =
    "path" in input.flowSubtree
      ? sql`SELECT o.id FROM organisations o WHERE o.path <@ ${input.flowSubtree.path}::ltree AND ${inScope}`
      : sql`SELECT o.id FROM organisations o WHERE ${inScope}`;
  const window = sql<SqlBool>`e.state = 'done' AND e.occurred_on BETWEEN ${from}::date AND ${to}::date`;
  const flowKinds = ["admission", ...MemberLossKindSchema.options];
  const result = await sql<{
    flows: StatisticsRows["flows"] | null;
    transfers: StatisticsRows["transfers"] | null;
  }>`
    WITH ev AS (
      -- The organisation an event happened in: the receiving cell of an admission, the cell left for a
      -- loss; for older rows without it, the member's cell on that day (looked up only for those).
      SELECT e.kind, e.occurred_on, e.member_id,
        CASE WHEN e.kind = 'admission' THEN e.to_org_id ELSE e.from_org_id END AS org_id
      FROM member_events e
      WHERE ${window} AND e.kind IN (${sql.join(flowKinds)})
    ),
    fl AS (
      SELECT ev.kind, ev.occurred_on FROM ev WHERE ev.org_id IN (${subtree})
      UNION ALL
      SELECT ev.kind, ev.occurred_on FROM ev
      WHERE ev.org_id IS NULL AND (SELECT mc.org_id FROM member_cells mc
          WHERE mc.member_id = ev.member_id AND mc.valid_from <= ev.occurred_on
          ORDER BY mc.valid_from DESC, mc.id DESC LIMIT 1) IN (${subtree})
    ),
    -- Transfers across the subtree's edge: into it from outside, out of it to outside; driven from the
    -- subtree's organisations through the transfer indexes by receiving and by sending organisation.
    tr AS (
      SELECT e.occurred_on, 'in' AS direction FROM member_events e
      WHERE e.kind = 'transfer_internal' AND ${window} AND e.to_org_id IN (${subtree})
        AND e.from_org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM (${subtree}) s WHERE s.id = e.from_org_id)
      UNION ALL
      SELECT e.occurred_on, 'out' FROM member_events e
      WHERE e.kind = 'transfer_internal' AND ${window} AND e.from_org_id IN (${subtree})
        AND e.to_org_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM (${subtree}) s WHERE s.id = e.to_org_id)
    )
    SELECT
      (SELECT json_agg(json_build_object('bucket', bucket, 'kind', kind, 'n', n))
        FROM (SELECT ${bucket} AS bucket, kind, count(*)::int AS n FROM fl GROUP BY 1, 2) x) AS flows,
      (SELECT json_agg(json_build_object('bucket', bucket, 'direction', direction, 'n', n))
        FROM (SELECT ${bucket} AS bucket, direction, count(*)::int AS n FROM tr GROUP BY 1, 2) y) AS transfers
  `.execute(db);
  const row = result.rows[0];
  return { flows: row?.flows ?? [], transfers: row?.transfers ?? [] };
}
