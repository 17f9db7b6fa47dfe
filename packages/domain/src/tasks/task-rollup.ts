// Roll-up formulas of tasks (issue 5, item 4): a set of tasks' progress by the plan's formula (mean of
// the percentages, weighted by weight, or the share done), the on-time rate, and each figure's
// explanation — its inputs and the formula written out in Vietnamese and English, so a leader can check
// how every number on the screen was reached. The server sums the inputs in SQL (one row per scope or
// group); `rollupInputsOf` sums them from task rows, so a test can recompute a roll-up independently.
import { formatDateVi } from "../dates.ts";
import { toSearchKey } from "../vietnamese-text.ts";
import { isDone, type TaskStatus, type TaskStatusFacts, taskStatus } from "./task-status.ts";

export type ProgressFormula = "average" | "weighted" | "status";

export interface LocalizedText {
  vi: string;
  en: string;
}

export interface ExplainedValue {
  /** Rounded to one decimal; null when there is nothing to compute it from. */
  value: number | null;
  explanation: LocalizedText;
}

/** What the figures of a set of tasks are computed from. */
export interface RollupInputs {
  /** Tasks counted for progress: every task but the cancelled ones. */
  tasks: number;
  /** Σ progress percent over those tasks (a finished task counts 100). */
  sumPercent: number;
  /** Σ weight over those tasks. */
  sumWeight: number;
  /** Σ weight × progress percent over those tasks. */
  sumWeightedPercent: number;
  /** Tasks finished (on time or late). */
  done: number;
  doneOnTime: number;
  /** Cancelled tasks, left out of progress. */
  cancelled: number;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** 8340 → "8.340" (vi) / "8,340" (en); at most two decimals, trailing zeros dropped. */
export function formatNumber(value: number, locale: "vi" | "en"): string {
  const rounded = Math.round(value * 100) / 100;
  const [whole = "0", fraction] = Math.abs(rounded)
    .toFixed(2)
    .replace(/0+$/, "")
    .replace(/\.$/, "")
    .split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, locale === "vi" ? "." : ",");
  const sign = rounded < 0 ? "-" : "";
  return fraction ? `${sign}${grouped}${locale === "vi" ? "," : "."}${fraction}` : `${sign}${grouped}`;
}

const both = (render: (locale: "vi" | "en") => string): LocalizedText => ({
  vi: render("vi"),
  en: render("en"),
});

function cancelledNote(inputs: RollupInputs, locale: "vi" | "en"): string {
  if (inputs.cancelled === 0) return "";
  const n = formatNumber(inputs.cancelled, locale);
  return locale === "vi" ? ` (không tính ${n} nhiệm vụ đã hủy)` : ` (${n} cancelled tasks left out)`;
}

/** A set's progress in percent by `formula`, and how it was computed. */
export function rollupProgress(formula: ProgressFormula, inputs: RollupInputs): ExplainedValue {
  const f = formatNumber;
  if (inputs.tasks === 0) {
    return {
      value: null,
      explanation: both((l) =>
        l === "vi"
          ? `Chưa có nhiệm vụ nào để tính tiến độ${cancelledNote(inputs, l)}.`
          : `No task to compute progress from${cancelledNote(inputs, l)}.`,
      ),
    };
  }
  if (formula === "weighted") {
    const value = round1(inputs.sumWeightedPercent / inputs.sumWeight);
    return {
      value,
      explanation: both((l) =>
        l === "vi"
          ? `Bình quân gia quyền tiến độ của ${f(inputs.tasks, l)} nhiệm vụ theo trọng số: Σ(trọng số × tiến độ) ${f(inputs.sumWeightedPercent, l)} / Σ trọng số ${f(inputs.sumWeight, l)} = ${f(value, l)}%${cancelledNote(inputs, l)}`
          : `Progress of ${f(inputs.tasks, l)} tasks weighted by their weight: Σ(weight × progress) ${f(inputs.sumWeightedPercent, l)} / Σ weight ${f(inputs.sumWeight, l)} = ${f(value, l)}%${cancelledNote(inputs, l)}`,
      ),
    };
  }
  if (formula === "status") {
    const value = round1((inputs.done * 100) / inputs.tasks);
    return {
      value,
      explanation: both((l) =>
        l === "vi"
          ? `Tỷ lệ nhiệm vụ đã hoàn thành: ${f(inputs.done, l)} / ${f(inputs.tasks, l)} nhiệm vụ = ${f(value, l)}%${cancelledNote(inputs, l)}`
          : `Share of tasks done: ${f(inputs.done, l)} / ${f(inputs.tasks, l)} tasks = ${f(value, l)}%${cancelledNote(inputs, l)}`,
      ),
    };
  }
  const value = round1(inputs.sumPercent / inputs.tasks);
  return {
    value,
    explanation: both((l) =>
      l === "vi"
        ? `Trung bình cộng tiến độ của ${f(inputs.tasks, l)} nhiệm vụ: ${f(inputs.sumPercent, l)} / ${f(inputs.tasks, l)} = ${f(value, l)}%${cancelledNote(inputs, l)}`
        : `Mean progress of ${f(inputs.tasks, l)} tasks: ${f(inputs.sumPercent, l)} / ${f(inputs.tasks, l)} = ${f(value, l)}%${cancelledNote(inputs, l)}`,
    ),
  };
}

/** Percent of finished tasks finished by their due date. */
export function onTimeRate(inputs: Pick<RollupInputs, "done" | "doneOnTime">): ExplainedValue {
  const f = formatNumber;
  if (inputs.done === 0) {
    return {
      value: null,
      explanation: { vi: "Chưa có nhiệm vụ nào hoàn thành.", en: "No task has been finished yet." },
    };
  }
  const value = round1((inputs.doneOnTime * 100) / inputs.done);
  return {
    value,
    explanation: both((l) =>
      l === "vi"
        ? `Hoàn thành đúng hạn ${f(inputs.doneOnTime, l)} / ${f(inputs.done, l)} nhiệm vụ đã hoàn thành = ${f(value, l)}%`
        : `Finished on time: ${f(inputs.doneOnTime, l)} of ${f(inputs.done, l)} finished tasks = ${f(value, l)}%`,
    ),
  };
}

/** Achieved against planned in percent (rounded to one decimal); null when nothing is planned. */
export function targetPercent(planned: number, achieved: number): number | null {
  return planned > 0 ? round1((achieved * 100) / planned) : null;
}

/** The progress a task contributes: 100 once finished, else its reported percent. */
export function taskProgressForRollup(progressPercent: number, completedOn: string | null): number {
  return completedOn !== null ? 100 : progressPercent;
}

/** The facts of a task a roll-up reads (the status facts plus weight). */
export interface RollupTaskFacts extends TaskStatusFacts {
  weight: number;
}

/** Sums a roll-up's inputs from task rows (leaf tasks only: the caller picks them). */
export function rollupInputsOf(
  tasks: readonly RollupTaskFacts[],
  today: string,
): RollupInputs & { statuses: Record<TaskStatus, number> } {
  const statuses: Record<TaskStatus, number> = {
    not_started: 0,
    in_progress: 0,
    done_on_time: 0,
    done_late: 0,
    overdue: 0,
    paused: 0,
    cancelled: 0,
  };
  const inputs: RollupInputs = {
    tasks: 0,
    sumPercent: 0,
    sumWeight: 0,
    sumWeightedPercent: 0,
    done: 0,
    doneOnTime: 0,
    cancelled: 0,
  };
  for (const task of tasks) {
    const status = taskStatus(task, today);
    statuses[status] += 1;
    if (status === "cancelled") {
      inputs.cancelled += 1;
      continue;
    }
    const percent = taskProgressForRollup(task.progressPercent, task.completedOn);
    inputs.tasks += 1;
    inputs.sumPercent += percent;
    inputs.sumWeight += task.weight;
    inputs.sumWeightedPercent += task.weight * percent;
    if (isDone(status)) inputs.done += 1;
    if (status === "done_on_time") inputs.doneOnTime += 1;
  }
  return { ...inputs, statuses };
}

/** Which tasks a roll-up counts, said once for the screen and the workbook. */
export function rollupCountingRule(orgName: string, today: string): LocalizedText {
  return {
    vi: `Tính các nhiệm vụ thuộc ${orgName} và các tổ chức trực thuộc, theo đơn vị chủ trì (chưa có đơn vị chủ trì thì theo đơn vị giao). Nhiệm vụ đã giao xuống cấp dưới được tính qua các nhiệm vụ con, không tính hai lần. Nhiệm vụ đã hoàn thành tính tiến độ 100%; nhiệm vụ đã hủy không tính vào tiến độ. Trạng thái tính đến ngày ${formatDateVi(today)}.`,
    en: `Counts the tasks of ${orgName} and the organisations under it, by lead organisation (the assigning one while no lead is set). A task assigned further down counts through its child tasks, never twice. A finished task counts as 100% progress; cancelled tasks are left out of progress. Statuses as of ${formatDateVi(today)}.`,
  };
}

/** The period rule: tasks running during [from, to]. */
export function rollupPeriodRule(from: string | null, to: string | null): LocalizedText | null {
  if (from === null && to === null) return null;
  const span = () => `${from ? formatDateVi(from) : "…"} – ${to ? formatDateVi(to) : "…"}`;
  return {
    vi: `Chỉ tính nhiệm vụ thực hiện trong kỳ ${span()}: đã bắt đầu (ngày bắt đầu, hoặc ngày giao) trước khi kỳ kết thúc và chưa kết thúc trước khi kỳ bắt đầu — nhiệm vụ đã hoàn thành thì theo ngày hoàn thành, nhiệm vụ chưa hoàn thành vẫn đang thực hiện (kể cả quá hạn), nhiệm vụ tạm dừng hoặc đã hủy thì theo hạn hoàn thành.`,
    en: `Only tasks running during ${span()}: begun (start date, else the day assigned) by the end of the period and not ended before it began — a finished task ends on the day it was finished, an unfinished one is still running (overdue included), a paused or cancelled one ends on its due date.`,
  };
}

/** Whether a task runs during [from, to] (either end open): the rule rollupPeriodRule states. */
export function taskRunsDuring(task: TaskStatusFacts, from: string | null, to: string | null): boolean {
  const begins = task.startDate ?? task.createdOn;
  if (to !== null && begins > to) return false;
  if (from === null) return true;
  if (task.completedOn !== null) return task.completedOn >= from;
  if (task.state === "active") return true;
  return task.dueDate === null || task.dueDate >= from;
}

export interface UnitTotals {
  unit: string;
  tasks: number;
  planned: number;
  achieved: number;
}

/**
 * Targets summed per unit, merging spellings that differ only by case, diacritics or spaces
 * ("Đảng viên", "đảng viên ", "dang vien"); the unit reads as its most used spelling. Most tasks first.
 */
export function mergeTargetsByUnit(rows: readonly UnitTotals[]): (UnitTotals & { percent: number | null })[] {
  const merged = new Map<string, UnitTotals & { spellings: Map<string, number> }>();
  for (const row of rows) {
    const spelling = row.unit.trim().replace(/\s+/g, " ");
    const key = toSearchKey(spelling);
    const entry = merged.get(key) ?? {
      unit: spelling,
      tasks: 0,
      planned: 0,
      achieved: 0,
      spellings: new Map(),
    };
    entry.tasks += row.tasks;
    entry.planned += row.planned;
    entry.achieved += row.achieved;
    entry.spellings.set(spelling, (entry.spellings.get(spelling) ?? 0) + row.tasks);
    merged.set(key, entry);
  }
  const byCount = (a: [string, number], b: [string, number]) =>
    b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  return [...merged.values()]
    .map(({ spellings, ...totals }) => ({
      ...totals,
      unit: [...spellings].sort(byCount)[0]?.[0] ?? totals.unit,
      planned: Math.round(totals.planned * 100) / 100,
      achieved: Math.round(totals.achieved * 100) / 100,
      percent: targetPercent(totals.planned, totals.achieved),
    }))
    .sort((a, b) => b.tasks - a.tasks || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
}
