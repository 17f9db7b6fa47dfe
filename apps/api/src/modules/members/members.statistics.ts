// Member statistics for a subtree (issue 3, part 6): resolves scope, the reference day and the window
// of admissions and losses, runs the one statistics query and shapes the answer. Religion is counted
// only for an actor who may see it over the whole subtree counted.
import {
  AgeBandSchema,
  type Locale,
  MAX_STATISTICS_PERIODS,
  MEMBER_POST_COMBINATIONS,
  type MemberFlowPeriod,
  type MemberLossKind,
  MemberLossKindSchema,
  MemberSexSchema,
  type MemberStatistics,
  type MemberStatisticsQuery,
  MemberStatusSchema,
  MembershipYearsBandSchema,
  ProfessionalEducationSchema,
  STATISTICS_TOP_VALUES,
  type StatisticsCount,
  type StatisticsPeriod,
  TheoryLevelSchema,
} from "@namro/contracts";
import { addMonths, todayInVietnam } from "@namro/domain";
import ExcelJS from "exceljs";
import { type Actor, scopePaths } from "../../platform/auth/actor.ts";
import { VersionedCache } from "../../platform/cache/versioned-cache.ts";
import { AppError } from "../../platform/errors.ts";
import { readsOf, type ServiceDeps } from "../../platform/service-deps.ts";
import type { OrganisationsService } from "../organisations/organisations.service.ts";
import { maySeeSensitiveOver } from "./members.policy.ts";
import type { MembersService } from "./members.service.ts";
import {
  queryMemberStatistics,
  type StatisticsCombinationRow,
  type StatisticsRows,
} from "./members.statistics.repository.ts";
import { writeMemberStatisticsSheet } from "./members.statistics-sheet.ts";

/** Answers kept (a few kB each): every subtree of a province with a few filters. */
const STATISTICS_CACHE_ENTRIES = 2000;

/** Five calendar years up to the reference day, when the caller names no window. */
const DEFAULT_WINDOW_YEARS = 5;

export class MemberStatisticsService {
  readonly #deps: ServiceDeps;
  readonly #organisations: Pick<OrganisationsService, "requireVisible">;
  readonly #members: Pick<MembersService, "filterOptions">;
  /** The statistics' rows per input: a scope's page is opened again and again between changes. */
  readonly #cache = new VersionedCache<StatisticsRows>("members", STATISTICS_CACHE_ENTRIES);

  constructor(
    deps: ServiceDeps,
    organisations: Pick<OrganisationsService, "requireVisible">,
    members: Pick<MembersService, "filterOptions">,
  ) {
    this.#deps = deps;
    this.#organisations = organisations;
    this.#members = members;
  }

  /** How often the cache answered (tests, diagnostics). */
  get cacheCounts() {
    return this.#cache.counts;
  }

  /** The statistics of the members matching `query` in the actor's member.read scope. */
  async getStatistics(actor: Actor, query: MemberStatisticsQuery): Promise<MemberStatistics> {
    const readScope = scopePaths(actor, "member.read");
    const org =
      query.orgId === undefined
        ? null
        : await this.#organisations.requireVisible(actor, "member.read", query.orgId);
    const today = todayInVietnam(this.#deps.clock.now());
    const referenceDate = query.asOf ?? today;
    const window = statisticsWindow(query, referenceDate);
    // Sensitive over everything counted: the chosen subtree, or every subtree of the read scope.
    const canSeeSensitive = maySeeSensitiveOver(actor, org ? [org.path] : readScope);

    const { religion, ...rest } = query;
    const filter = {
      ...rest,
      ...(canSeeSensitive && religion !== undefined ? { religion } : {}),
      // Every status for the breakdown by status; the other breakdowns keep to the active members.
      ...(query.status?.length || query.asOf ? {} : { status: [...MemberStatusSchema.options] }),
    };
    // The same options the member list uses, so the list, the export and the statistics agree.
    const filterOptions = await this.#members.filterOptions(actor, filter);
    const input = {
      filterOptions: { ...filterOptions, canSearchCitizenId: canSeeSensitive },
      referenceDate,
      countAllStatuses: Boolean(query.status?.length || query.asOf),
      withReligion: canSeeSensitive,
      flowSubtree: org ? { path: org.path } : { scopePaths: readScope },
      window,
    };
    // A report: on the read replica when there is one (ADR 0009). The same numbers again while the
    // registry is unchanged (ADR 0010): the input — scope, filter, day — is the whole key.
    const rows = await readsOf(this.#deps).run(actor, (db) =>
      this.#cache.get(db, input, () => queryMemberStatistics(db, input)),
    );
    return presentStatistics(rows, {
      org: org ? { id: org.id, name: org.name } : null,
      referenceDate,
      window,
      canSeeSensitive,
    });
  }

  /** The statistics as an .xlsx workbook of one sheet (an ASCII file name, safe in any header). */
  async exportStatistics(
    actor: Actor,
    query: MemberStatisticsQuery,
    locale: Locale,
  ): Promise<{ fileName: string; content: Buffer }> {
    const statistics = await this.getStatistics(actor, query);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = "Năm Rõ";
    writeMemberStatisticsSheet(workbook, statistics, { locale });
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    return { fileName: `thong-ke-dang-vien-${statistics.referenceDate}.xlsx`, content };
  }
}

export interface StatisticsWindow {
  from: string;
  to: string;
  period: StatisticsPeriod;
}

function statisticsWindow(query: MemberStatisticsQuery, referenceDate: string): StatisticsWindow {
  const to = query.to ?? referenceDate;
  const from = query.from ?? `${Number(to.slice(0, 4)) - (DEFAULT_WINDOW_YEARS - 1)}-01-01`;
  const window = { from, to, period: query.period };
  if (from > to) {
    throw new AppError("MEMBER_STATISTICS_PERIOD_INVALID", {
      issues: [{ path: "querystring.from", message: "MEMBER_STATISTICS_PERIOD_INVALID" }],
    });
  }
  if (periodStarts(window).length > MAX_STATISTICS_PERIODS) {
    throw new AppError("MEMBER_STATISTICS_PERIOD_INVALID", {
      issues: [{ path: "querystring.period", message: "MEMBER_STATISTICS_PERIOD_INVALID" }],
    });
  }
  return window;
}

const PERIOD_MONTHS: Record<StatisticsPeriod, number> = { month: 1, quarter: 3, year: 12 };

function periodStart(date: string, period: StatisticsPeriod): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (period === "year") return `${year}-01-01`;
  const first = period === "quarter" ? month - ((month - 1) % 3) : month;
  return `${year}-${String(first).padStart(2, "0")}-01`;
}

/** First days of the periods the window touches, in order (at most one more than the limit). */
function periodStarts(window: StatisticsWindow): string[] {
  const starts: string[] = [];
  for (
    let start = periodStart(window.from, window.period);
    start <= window.to && starts.length <= MAX_STATISTICS_PERIODS;
    start = addMonths(start, PERIOD_MONTHS[window.period])
  ) {
    starts.push(start);
  }
  return starts;
}

function periodKey(start: string, period: StatisticsPeriod): string {
  if (period === "year") return start.slice(0, 4);
  if (period === "month") return start.slice(0, 7);
  return `${start.slice(0, 4)}-Q${(Number(start.slice(5, 7)) + 2) / 3}`;
}

function dayBefore(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

interface PresentContext {
  org: { id: number; name: string } | null;
  referenceDate: string;
  window: StatisticsWindow;
  canSeeSensitive: boolean;
}

export function presentStatistics(rows: StatisticsRows, context: PresentContext): MemberStatistics {
  /** Per value of one closed list: members counted in totals (or, for statuses, every filtered member). */
  const rollUp = (pick: (row: StatisticsCombinationRow) => string, all = false) => {
    const totals = new Map<string, number>();
    for (const row of rows.combinations) {
      const key = pick(row);
      totals.set(key, (totals.get(key) ?? 0) + (all ? row.all : row.counted));
    }
    return totals;
  };
  /** Every value of a closed list, zeros included, in catalogue order. */
  const listed = (totals: Map<string, number>, keys: readonly string[]): StatisticsCount[] =>
    keys.map((key) => ({ key, count: totals.get(key) ?? 0 }));
  /** An open list: most frequent first, the tail summed. */
  const ranked = (values: { key: string; counted: number }[]) => {
    const all = values
      .map((value) => ({ key: value.key, count: value.counted }))
      .filter((item) => item.count > 0)
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key, "vi"));
    const top = all.slice(0, STATISTICS_TOP_VALUES);
    const other = all.slice(STATISTICS_TOP_VALUES).reduce((sum, item) => sum + item.count, 0);
    return { top, other };
  };

  const statuses = rollUp((row) => row.status, true);
  const countedStatuses = rollUp((row) => row.status);
  const sexes = rollUp((row) => row.sex);
  const ageBands = rollUp((row) => row.ageBand);
  const bySex = listed(sexes, MemberSexSchema.options);
  const ethnicity = ranked(rows.ethnicities);
  const religion = context.canSeeSensitive ? ranked(rows.religions) : null;

  return {
    orgId: context.org?.id ?? null,
    orgName: context.org?.name ?? null,
    referenceDate: context.referenceDate,
    totals: {
      members: bySex.reduce((sum, item) => sum + item.count, 0),
      probationary: countedStatuses.get("probationary") ?? 0,
      full: countedStatuses.get("full") ?? 0,
      female: sexes.get("female") ?? 0,
      under31: ageBands.get("under_31") ?? 0,
    },
    byStatus: listed(statuses, MemberStatusSchema.options),
    bySex,
    byAgeBand: listed(ageBands, AgeBandSchema.options),
    byEducation: listed(
      rollUp((row) => row.education),
      ProfessionalEducationSchema.options,
    ),
    byTheoryLevel: listed(
      rollUp((row) => row.theory),
      TheoryLevelSchema.options,
    ),
    byMembershipYears: listed(
      rollUp((row) => row.years),
      MembershipYearsBandSchema.options,
    ),
    byEthnicity: ethnicity.top,
    ethnicityOther: ethnicity.other,
    byReligion: religion?.top ?? null,
    religionOther: religion?.other ?? null,
    posts: rows.postTypes.map((type) => ({
      postType: type.code,
      kind: type.kind,
      nameVi: type.nameVi,
      nameEn: type.nameEn,
      count: type.n,
    })),
    postCombinations: MEMBER_POST_COMBINATIONS.map((combo, index) => ({
      code: combo.code,
      postTypes: [...combo.postTypes],
      nameVi: combo.nameVi,
      nameEn: combo.nameEn,
      count: rows.postCombinations[index] ?? 0,
    })),
    flows: {
      period: context.window.period,
      from: context.window.from,
      to: context.window.to,
      items: flowPeriods(rows, context.window),
    },
    canSeeSensitive: context.canSeeSensitive,
  };
}

function flowPeriods(rows: StatisticsRows, window: StatisticsWindow): MemberFlowPeriod[] {
  const starts = periodStarts(window);
  const items = new Map<string, MemberFlowPeriod>();
  starts.forEach((start, index) => {
    const next = starts[index + 1];
    const end = next ? dayBefore(next) : window.to;
    const losses = Object.fromEntries(MemberLossKindSchema.options.map((kind) => [kind, 0])) as Record<
      MemberLossKind,
      number
    >;
    items.set(start, {
      key: periodKey(start, window.period),
      start: start < window.from ? window.from : start,
      end,
      admissions: 0,
      losses,
      lossesTotal: 0,
      transfersIn: 0,
      transfersOut: 0,
    });
  });
  for (const flow of rows.flows) {
    const item = items.get(flow.bucket);
    if (!item) continue;
    if (flow.kind === "admission") item.admissions += flow.n;
    else {
      item.losses[flow.kind] += flow.n;
      item.lossesTotal += flow.n;
    }
  }
  for (const transfer of rows.transfers) {
    const item = items.get(transfer.bucket);
    if (!item) continue;
    if (transfer.direction === "in") item.transfersIn += transfer.n;
    else item.transfersOut += transfer.n;
  }
  return [...items.values()];
}
