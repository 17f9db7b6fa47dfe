// The marks a task carries wherever it appears: its status, the red "chưa đủ 5 rõ" badge (the
// missing clears in a tooltip), its progress bar and the days left or overdue.
import type { TaskClear, TaskStatusValue, TaskSummary } from "@namro/contracts";
import { Progress, Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { dueText, missingClearLabels, STATUS_COLOURS, statusLabel } from "./task-labels.ts";

export function TaskStatusTag({ status }: { status: TaskStatusValue }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={STATUS_COLOURS[status]}
      data-testid="task-status"
      data-status={status}
      style={status === "cancelled" ? { textDecoration: "line-through" } : {}}
    >
      {statusLabel(status, t)}
    </Tag>
  );
}

export function MissingClearsBadge({
  missing,
  clears,
}: {
  missing: readonly string[];
  clears?: readonly Pick<TaskClear, "key" | "label">[];
}) {
  const { t, i18n } = useTranslation();
  if (missing.length === 0) return null;
  const labels = missingClearLabels(missing, clears, i18n.language, t);
  const title = t("tasks.clears.missingList", { list: labels.join(", ") });
  return (
    <Tooltip title={title} trigger={["hover", "focus", "click"]}>
      {/* Focusable so keyboard and touch users reach the tooltip; the label says it in words too. */}
      <Tag color="red" tabIndex={0} aria-label={title} data-testid="task-missing-clears">
        {t("tasks.clears.missingBadge")}
      </Tag>
    </Tooltip>
  );
}

export function TaskProgress({ task }: { task: Pick<TaskSummary, "progressPercent" | "status"> }) {
  const status =
    task.status === "overdue" ? "exception" : task.status.startsWith("done") ? "success" : "normal";
  return (
    <Progress
      percent={Math.round(task.progressPercent)}
      size="small"
      status={status}
      style={{ minWidth: 90, marginBottom: 0 }}
      data-testid="task-progress"
    />
  );
}

export function DueText({ task }: { task: Pick<TaskSummary, "status" | "daysUntilDue" | "completedOn"> }) {
  const { t } = useTranslation();
  const due = dueText(task, t);
  if (!due) return null;
  return (
    <span
      className={due.late ? undefined : "muted"}
      style={due.late ? { color: "#cf1322", fontWeight: 500 } : undefined}
      data-testid="task-due"
    >
      {due.text}
    </span>
  );
}
