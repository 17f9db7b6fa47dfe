// Roll-up rows → DTOs: counts by status, and progress and on-time rate computed by the domain's
// formulas with their explanations (the SQL sums the inputs; the domain does the arithmetic once).
import type { RollupFigures, RollupGroup, RollupTarget, RollupTask, TaskStatusValue } from "@namro/contracts";
import { mergeTargetsByUnit, onTimeRate, type ProgressFormula, rollupProgress } from "@namro/domain";
import type { FiguresRow, GroupRow, ListedTaskRow, TargetRow } from "./tasks.rollups.repository.ts";

export function presentFigures(row: FiguresRow, formula: ProgressFormula): RollupFigures {
  const done = row.doneOnTime + row.doneLate;
  const inputs = {
    tasks: row.tasks,
    sumPercent: row.sumPercent,
    sumWeight: row.sumWeight,
    sumWeightedPercent: row.sumWeightedPercent,
    done,
    doneOnTime: row.doneOnTime,
    cancelled: row.cancelled,
  };
  return {
    counts: {
      total: row.total,
      not_started: row.notStarted,
      in_progress: row.inProgress,
      done_on_time: row.doneOnTime,
      done_late: row.doneLate,
      overdue: row.overdue,
      paused: row.paused,
      cancelled: row.cancelled,
    },
    progress: rollupProgress(formula, inputs),
    onTimeRate: onTimeRate(inputs),
  };
}

export function presentGroup(row: GroupRow, formula: ProgressFormula): RollupGroup {
  return {
    orgId: Number(row.orgId),
    orgName: row.orgName,
    orgTypeCode: row.orgTypeCode,
    isSelf: row.isSelf,
    hasTasksBelow: row.hasTasksBelow,
    figures: presentFigures(row, formula),
  };
}

/** Targets per unit; spellings are merged here, not in SQL, whose case folding depends on the locale. */
export function presentTargets(rows: readonly TargetRow[]): RollupTarget[] {
  return mergeTargetsByUnit(rows);
}

export function presentListedTask(row: ListedTaskRow): RollupTask {
  return {
    id: Number(row.id),
    title: row.title,
    orgId: Number(row.orgId),
    orgName: row.orgName,
    plan: row.planId === null ? null : { id: Number(row.planId), symbol: row.planSymbol },
    dueDate: row.dueDate,
    daysUntilDue: row.daysUntilDue,
    status: row.status as TaskStatusValue,
    progressPercent: row.progressPercent,
    reportLate: row.reportLate,
  };
}
