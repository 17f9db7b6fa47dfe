// How a task reads: its status as a coloured tag, the days left or overdue, the clears it lacks.
import type { TaskClear, TaskStatusValue, TaskSummary } from "@namro/contracts";
import { TASK_STATUSES } from "@namro/domain";
import type { TFunction } from "i18next";

/** Ant Design tag colours: red only for what needs attention now. */
export const STATUS_COLOURS: Record<TaskStatusValue, string> = {
  not_started: "default",
  in_progress: "processing",
  done_on_time: "success",
  done_late: "gold",
  overdue: "error",
  paused: "warning",
  cancelled: "default",
};

export function statusLabel(status: TaskStatusValue, t: TFunction): string {
  return t(`tasks.status.${status}`);
}

export function statusOptions(t: TFunction): { value: TaskStatusValue; label: string }[] {
  return TASK_STATUSES.map((status) => ({ value: status, label: statusLabel(status, t) }));
}

type Timing = Pick<TaskSummary, "status" | "daysUntilDue" | "completedOn">;

/** "Còn 5 ngày", "Quá hạn 3 ngày", "Hạn là hôm nay"; null when nothing is pending or no due date. */
export function dueText(task: Timing, t: TFunction): { text: string; late: boolean } | null {
  if (task.daysUntilDue === null) return null;
  if (task.status === "done_on_time" || task.status === "done_late" || task.status === "cancelled")
    return null;
  if (task.daysUntilDue < 0) return { text: t("tasks.due.overdue", { n: -task.daysUntilDue }), late: true };
  if (task.daysUntilDue === 0) return { text: t("tasks.due.today"), late: true };
  return { text: t("tasks.due.left", { n: task.daysUntilDue }), late: false };
}

/** The labels of the missing clears, in the reader's language, from the clear-set when known. */
export function missingClearLabels(
  missing: readonly string[],
  clears: readonly Pick<TaskClear, "key" | "label">[] | undefined,
  language: string,
  t: TFunction,
): string[] {
  const english = language.startsWith("en");
  return missing.map((key) => {
    const clear = clears?.find((item) => item.key === key);
    if (clear) return english ? clear.label.en : clear.label.vi;
    return t(`tasks.clearKeys.${key}`, { defaultValue: key });
  });
}

/** "120 đảng viên" or "—". */
export function targetText(value: number | null, unit: string | null, format: (n: number) => string): string {
  if (value === null) return "—";
  return unit ? `${format(value)} ${unit}` : format(value);
}
