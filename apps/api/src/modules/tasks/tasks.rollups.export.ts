// The roll-up as an .xlsx workbook: a summary (scope, rules, figures with how they were computed,
// tasks by status), one row per child organisation, targets per unit, the overdue tasks and the trend
// of the last twelve months. Written through the streaming writer into memory (the overdue sheet is
// capped by the service).
import { PassThrough } from "node:stream";
import type {
  Locale,
  RollupFigures,
  RollupGroup,
  RollupScope,
  RollupTarget,
  RollupTask,
  TaskStatusValue,
  TrendMonth,
} from "@namro/contracts";
import { formatDateVi } from "@namro/domain";
import { createXlsxWriter } from "../../platform/spreadsheets/spreadsheet-writer.ts";

const STATUS_KEYS: readonly TaskStatusValue[] = [
  "not_started",
  "in_progress",
  "done_on_time",
  "done_late",
  "overdue",
  "paused",
  "cancelled",
];

const LABELS = {
  vi: {
    summarySheet: "Tổng hợp",
    groupsSheet: "Theo đơn vị",
    targetsSheet: "Chỉ tiêu",
    overdueSheet: "Quá hạn",
    trendSheet: "Xu hướng",
    summary: ["Mục", "Giá trị", "Cách tính"],
    scope: "Phạm vi",
    plan: "Kế hoạch",
    directive: "Chỉ thị, nghị quyết",
    period: "Kỳ",
    today: "Ngày lập",
    rule: "Cách đếm",
    periodRule: "Kỳ tính",
    total: "Tổng số nhiệm vụ",
    progress: "Tiến độ (%)",
    onTime: "Tỷ lệ hoàn thành đúng hạn (%)",
    status: {
      not_started: "Chưa bắt đầu",
      in_progress: "Đang thực hiện",
      done_on_time: "Hoàn thành đúng hạn",
      done_late: "Hoàn thành trễ hạn",
      overdue: "Quá hạn",
      paused: "Tạm dừng",
      cancelled: "Đã hủy",
    } as Record<TaskStatusValue, string>,
    org: "Tổ chức",
    self: " (nhiệm vụ của chính đơn vị)",
    targets: ["Đơn vị tính", "Số nhiệm vụ", "Kế hoạch", "Đạt được", "Tỷ lệ đạt (%)"],
    noUnit: "(không ghi đơn vị)",
    overdue: [
      "Nhiệm vụ",
      "Đơn vị",
      "Kế hoạch",
      "Hạn hoàn thành",
      "Số ngày quá hạn",
      "Tiến độ (%)",
      "Ghi chú",
    ],
    reportLate: "Thiếu báo cáo định kỳ",
    truncated: (shown: number, total: number) => `Chỉ liệt kê ${shown} / ${total} nhiệm vụ quá hạn.`,
    trend: ["Tháng", "Hoàn thành", "Trong đó trễ hạn", "Quá hạn cuối tháng"],
  },
  en: {
    summarySheet: "Summary",
    groupsSheet: "By organisation",
    targetsSheet: "Targets",
    overdueSheet: "Overdue",
    trendSheet: "Trend",
    summary: ["Item", "Value", "How computed"],
    scope: "Scope",
    plan: "Plan",
    directive: "Directive",
    period: "Period",
    today: "Drawn up on",
    rule: "What is counted",
    periodRule: "Period rule",
    total: "Tasks",
    progress: "Progress (%)",
    onTime: "Finished on time (%)",
    status: {
      not_started: "Not started",
      in_progress: "In progress",
      done_on_time: "Done on time",
      done_late: "Done late",
      overdue: "Overdue",
      paused: "Paused",
      cancelled: "Cancelled",
    } as Record<TaskStatusValue, string>,
    org: "Organisation",
    self: " (its own tasks)",
    targets: ["Unit", "Tasks", "Planned", "Achieved", "Achieved (%)"],
    noUnit: "(no unit)",
    overdue: ["Task", "Organisation", "Plan", "Due", "Days overdue", "Progress (%)", "Note"],
    reportLate: "Periodic report missing",
    truncated: (shown: number, total: number) => `Only ${shown} of ${total} overdue tasks are listed.`,
    trend: ["Month", "Finished", "Of which late", "Overdue at month end"],
  },
} as const;

export interface RollupWorkbook {
  locale: Locale;
  scope: RollupScope;
  figures: RollupFigures;
  groups: readonly RollupGroup[];
  targets: readonly RollupTarget[];
  overdue: readonly RollupTask[];
  overdueTotal: number;
  trend: readonly TrendMonth[];
}

const documentLabel = (document: { symbol: string | null; subject: string }) =>
  document.symbol ? `${document.symbol} — ${document.subject}` : document.subject;

export async function writeRollupWorkbook(workbook: RollupWorkbook): Promise<Buffer> {
  const labels = LABELS[workbook.locale];
  const { scope, figures } = workbook;
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    output.on("end", resolve);
    output.on("error", reject);
  });
  const writer = createXlsxWriter(output);

  const summary = writer.addSheet(labels.summarySheet, labels.summary, { widths: [32, 48, 90] });
  summary.addRow([labels.scope, scope.breadcrumb.map((org) => org.name).join(" / ") || scope.orgName, null]);
  if (scope.plan) summary.addRow([labels.plan, documentLabel(scope.plan), null]);
  if (scope.directive) summary.addRow([labels.directive, documentLabel(scope.directive), null]);
  if (scope.from || scope.to) {
    const span = `${scope.from ? formatDateVi(scope.from) : "…"} – ${scope.to ? formatDateVi(scope.to) : "…"}`;
    summary.addRow([labels.period, span, scope.periodRule?.[workbook.locale] ?? null]);
  }
  summary.addRow([labels.today, formatDateVi(scope.today), null]);
  summary.addRow([labels.rule, null, scope.countingRule[workbook.locale]]);
  summary.addRow([labels.total, figures.counts.total, null]);
  for (const key of STATUS_KEYS) summary.addRow([labels.status[key], figures.counts[key], null]);
  summary.addRow([labels.progress, figures.progress.value, figures.progress.explanation[workbook.locale]]);
  summary.addRow([labels.onTime, figures.onTimeRate.value, figures.onTimeRate.explanation[workbook.locale]]);
  summary.end();

  const groups = writer.addSheet(
    labels.groupsSheet,
    [
      labels.org,
      labels.total,
      ...STATUS_KEYS.map((key) => labels.status[key]),
      labels.progress,
      labels.onTime,
    ],
    { widths: [40, 12, 14, 14, 14, 14, 12, 12, 12, 12, 14] },
  );
  for (const group of workbook.groups) {
    groups.addRow([
      group.isSelf ? `${group.orgName}${labels.self}` : group.orgName,
      group.figures.counts.total,
      ...STATUS_KEYS.map((key) => group.figures.counts[key]),
      group.figures.progress.value,
      group.figures.onTimeRate.value,
    ]);
  }
  groups.end();

  const targets = writer.addSheet(labels.targetsSheet, labels.targets, { widths: [24, 12, 14, 14, 14] });
  for (const target of workbook.targets) {
    targets.addRow([
      target.unit || labels.noUnit,
      target.tasks,
      target.planned,
      target.achieved,
      target.percent,
    ]);
  }
  targets.end();

  const overdue = writer.addSheet(labels.overdueSheet, labels.overdue, {
    widths: [60, 32, 20, 14, 14, 12, 24],
  });
  for (const task of workbook.overdue) {
    overdue.addRow([
      task.title,
      task.orgName,
      task.plan?.symbol ?? null,
      task.dueDate ? formatDateVi(task.dueDate) : null,
      task.daysUntilDue !== null && task.daysUntilDue < 0 ? -task.daysUntilDue : null,
      task.progressPercent,
      task.reportLate ? labels.reportLate : null,
    ]);
  }
  if (workbook.overdue.length < workbook.overdueTotal) {
    overdue.addRow([labels.truncated(workbook.overdue.length, workbook.overdueTotal)]);
  }
  overdue.end();

  const trend = writer.addSheet(labels.trendSheet, labels.trend, { widths: [12, 14, 16, 20] });
  for (const month of workbook.trend) {
    trend.addRow([
      `${month.month.slice(5, 7)}/${month.month.slice(0, 4)}`,
      month.done,
      month.doneLate,
      month.overdueAtEnd,
    ]);
  }
  trend.end();

  await writer.finish();
  await ended;
  return Buffer.concat(chunks);
}
