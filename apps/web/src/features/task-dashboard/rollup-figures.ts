// Turning roll-up figures into what the charts and tables show: statuses in one order with one colour
// each, percentages written the Vietnamese way, the explanation in the reader's language.
import { TASK_STATUSES, type TaskStatus } from "@namro/domain";
import { formatPercent } from "../../lib/dates.ts";

export const STATUS_COLORS: Record<TaskStatus, string> = {
  not_started: "#bfbfbf",
  in_progress: "#1677ff",
  done_on_time: "#389e0d",
  done_late: "#d48806",
  overdue: "#cf1322",
  paused: "#8c8c8c",
  cancelled: "#595959",
};

export interface StatusCount {
  status: TaskStatus;
  count: number;
}

/** The counts in the status rule's order (every status, zeros included: the table shows them all). */
export function statusCounts(counts: Record<TaskStatus, number>): StatusCount[] {
  return TASK_STATUSES.map((status) => ({ status, count: counts[status] }));
}

/** "37,5 %"; a figure with nothing to compute it from is "–". */
export function percentText(value: number | null): string {
  return value === null ? "–" : formatPercent(value);
}

/** A figure's explanation in the page's language. */
export function localized(text: { vi: string; en: string }, language: string): string {
  return language.startsWith("en") ? text.en : text.vi;
}

/** "2026-06" → "06/2026" (how months are written here). */
export function monthLabel(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  return match ? `${match[2]}/${match[1]}` : month;
}

/**
 * A progress bar's colour: finished work green, the rest blue. Overdue tasks are shown by their own red
 * tag (nearly every commune has one; a red bar everywhere would say nothing).
 */
export function progressColor(value: number | null): string {
  return value !== null && value >= 100 ? STATUS_COLORS.done_on_time : STATUS_COLORS.in_progress;
}

/**
 * A child organisation can be opened when it has tasks of its own or below (a cell with tasks opens on
 * its own roll-up); the organisation's own tasks are the page itself.
 */
export function canDrill(group: {
  isSelf: boolean;
  hasTasksBelow: boolean;
  figures: { counts: { total: number } };
}): boolean {
  return !group.isSelf && (group.hasTasksBelow || group.figures.counts.total > 0);
}

/** The `n` groups with tasks furthest behind (lowest progress first; none computed counts as 0). */
export function lowestProgress<
  G extends { figures: { counts: { total: number }; progress: { value: number | null } } },
>(groups: readonly G[], n: number): G[] {
  return groups
    .filter((group) => group.figures.counts.total > 0)
    .sort((a, b) => (a.figures.progress.value ?? 0) - (b.figures.progress.value ?? 0))
    .slice(0, n);
}
