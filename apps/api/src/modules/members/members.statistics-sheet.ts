// The member statistics as one worksheet: used by the statistics export and as the statistics sheet
// of a member-list export. Works on an in-memory ExcelJS Workbook and on the streaming WorkbookWriter
// (rows are committed as they are written, the sheet at the end), and on the platform's XlsxWriter.
import {
  MEMBER_STATISTICS_LABELS,
  type MemberLossKind,
  MemberLossKindSchema,
  type MemberStatistics,
  type StatisticsCount,
} from "@namro/contracts";
import type ExcelJS from "exceljs";
import type { XlsxWriter } from "../../platform/spreadsheets/spreadsheet-writer.ts";

type Labels = (typeof MEMBER_STATISTICS_LABELS)["vi" | "en"];

/** What the writer needs of a workbook: `new ExcelJS.Workbook()` or `new ExcelJS.stream.xlsx.WorkbookWriter(…)`. */
export interface WorksheetHost {
  addWorksheet(name?: string, options?: Partial<ExcelJS.AddWorksheetOptions>): ExcelJS.Worksheet;
}

export interface StatisticsSheetOptions {
  locale: "vi" | "en";
  /** Defaults to "Thống kê" / "Statistics". */
  sheetName?: string;
  /** Name of the scope when the statistics cover the actor's whole scope (orgName null). */
  scopeName?: string;
}

type Cell = string | number;
type RowStyle = "title" | "pair" | "header" | "count" | "plain";
interface SheetRow {
  cells: Cell[];
  style: RowStyle;
}

/**
 * Adds a worksheet with every table of `statistics` (totals, each breakdown with shares, posts,
 * concurrent posts, admissions and losses per period), ended (committed) when the target streams.
 *
 * `target` is either an ExcelJS workbook (`new ExcelJS.Workbook()` or the streaming
 * `ExcelJS.stream.xlsx.WorkbookWriter`) — bold headings and number formats — or the platform's
 * `XlsxWriter` (createXlsxWriter), whose sheets take plain rows.
 */
export function writeMemberStatisticsSheet(
  target: WorksheetHost | XlsxWriter,
  statistics: MemberStatistics,
  options: StatisticsSheetOptions,
): void {
  const name = options.sheetName ?? MEMBER_STATISTICS_LABELS[options.locale].sheet;
  const [first, ...rows] = memberStatisticsRows(statistics, options);
  if ("addSheet" in target) {
    const sheet = target.addSheet(name, (first?.cells ?? []).map(String), { widths: COLUMN_WIDTHS });
    for (const row of rows) sheet.addRow(row.cells);
    sheet.end();
    return;
  }
  const sheet = target.addWorksheet(name);
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));
  let next = 1;
  for (const { cells, style } of first ? [first, ...rows] : rows) {
    const row = sheet.getRow(next);
    next += 1;
    row.values = cells;
    if (style === "title") row.font = { bold: true, size: 14 };
    if (style === "header") row.font = { bold: true };
    if (style === "pair") row.getCell(1).font = { bold: true };
    if (style === "count") {
      row.getCell(2).numFmt = "#,##0";
      row.getCell(3).numFmt = "0.0";
    }
    row.commit();
  }
  // Only the streaming writer's worksheets have (and need) commit().
  const commit = (sheet as { commit?: () => void }).commit;
  if (typeof commit === "function") commit.call(sheet);
}

const COLUMN_WIDTHS = [48, 14, 14, 14, 14, 14, 14, 14, 14, 14];

/** The sheet's rows, top to bottom; the first is the title. */
export function memberStatisticsRows(
  statistics: MemberStatistics,
  options: StatisticsSheetOptions,
): SheetRow[] {
  const labels = MEMBER_STATISTICS_LABELS[options.locale];
  const out: SheetRow[] = [];
  const add = (style: RowStyle, ...cells: Cell[]) => out.push({ cells, style });
  const countRow = (label: string, value: number, total: number) =>
    add("count", label, value, total > 0 ? Math.round((value / total) * 1000) / 10 : 0);
  const table = (
    title: string,
    items: readonly StatisticsCount[],
    total: number,
    label: (key: string) => string,
  ) => {
    add("header", title, labels.count, labels.percent);
    for (const item of items) countRow(label(item.key), item.count, total);
    add("plain");
  };

  add("title", labels.title);
  add("pair", labels.scope, statistics.orgName ?? options.scopeName ?? labels.wholeScope);
  add("pair", labels.referenceDate, formatDate(statistics.referenceDate));
  add("plain");

  const total = statistics.totals.members;
  add("header", labels.totals, labels.count, labels.percent);
  countRow(labels.members, total, total);
  countRow(labels.probationary, statistics.totals.probationary, total);
  countRow(labels.full, statistics.totals.full, total);
  countRow(labels.female, statistics.totals.female, total);
  countRow(labels.under31, statistics.totals.under31, total);
  add("plain");

  table(labels.byStatus, statistics.byStatus, sum(statistics.byStatus), (key) => labelOf(labels.status, key));
  table(labels.bySex, statistics.bySex, total, (key) => labelOf(labels.sex, key));
  table(labels.byAgeBand, statistics.byAgeBand, total, (key) => labelOf(labels.ageBand, key));
  table(labels.byEducation, statistics.byEducation, total, (key) => labelOf(labels.education, key));
  table(labels.byTheoryLevel, statistics.byTheoryLevel, total, (key) => labelOf(labels.theory, key));
  table(labels.byMembershipYears, statistics.byMembershipYears, total, (key) => labelOf(labels.years, key));
  table(
    labels.byEthnicity,
    withOther(statistics.byEthnicity, statistics.ethnicityOther, labels),
    total,
    (key) => key,
  );
  if (statistics.byReligion) {
    const religions = withOther(statistics.byReligion, statistics.religionOther ?? 0, labels);
    table(labels.byReligion, religions, total, (key) => key);
  }

  const name = (item: { nameVi: string; nameEn: string }) =>
    options.locale === "vi" ? item.nameVi : item.nameEn;
  add("header", labels.posts, labels.count);
  for (const post of statistics.posts) add("plain", name(post), post.count);
  add("plain");
  add("header", labels.postCombinations, labels.count);
  for (const combo of statistics.postCombinations) add("plain", name(combo), combo.count);
  add("plain");

  const lossKinds = MemberLossKindSchema.options;
  const { flows } = statistics;
  add("header", `${labels.flows} (${formatDate(flows.from)} – ${formatDate(flows.to)})`);
  add(
    "header",
    labels.period,
    labels.admissions,
    ...lossKinds.map((kind) => labels.loss[kind]),
    labels.lossesTotal,
    labels.transfersIn,
    labels.transfersOut,
  );
  for (const item of flows.items) {
    add(
      "plain",
      item.key,
      item.admissions,
      ...lossKinds.map((kind: MemberLossKind) => item.losses[kind]),
      item.lossesTotal,
      item.transfersIn,
      item.transfersOut,
    );
  }
  return out;
}

function sum(items: readonly StatisticsCount[]): number {
  return items.reduce((total, item) => total + item.count, 0);
}

function withOther(items: readonly StatisticsCount[], other: number, labels: Labels): StatisticsCount[] {
  return other > 0 ? [...items, { key: labels.other, count: other }] : [...items];
}

function labelOf(catalogue: Readonly<Record<string, string>>, key: string): string {
  return catalogue[key] ?? key;
}

function formatDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
