// A short list of tasks (overdue, due soon): the task (a link to it), its organisation and plan, its
// due date with days late or left, its progress. One line per task, wrapping into a card on a phone.
import type { RollupTask } from "@namro/contracts";
import { Link } from "@tanstack/react-router";
import { Card, List, Progress, Space, Tag } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, formatNumber, formatPercent } from "../../lib/dates.ts";
import { CardHeading } from "../document-coverage/CoverageGroups.tsx";
import { STATUS_COLORS } from "./rollup-figures.ts";

export function DueText({ task }: { task: RollupTask }) {
  const { t } = useTranslation();
  if (task.dueDate === null) return <span className="muted">{t("taskDashboard.tasks.noDue")}</span>;
  const days = task.daysUntilDue ?? 0;
  const date = t("taskDashboard.tasks.due", { date: formatDate(task.dueDate) });
  if (days < 0)
    return (
      <span style={{ color: STATUS_COLORS.overdue }}>
        {date} · {t("taskDashboard.tasks.lateBy", { n: formatNumber(-days) })}
      </span>
    );
  return (
    <span className="muted">
      {date} ·{" "}
      {days === 0
        ? t("taskDashboard.tasks.dueToday")
        : t("taskDashboard.tasks.dueIn", { n: formatNumber(days) })}
    </span>
  );
}

export function TaskBriefList({
  title,
  list,
  testId,
  empty,
  more,
  limit = 8,
}: {
  title: string;
  list: { items: readonly RollupTask[]; total: number };
  testId: string;
  empty: string;
  /** A link to the whole list, shown when there are more than listed. */
  more?: ReactNode;
  /** How many to show (the server sends a few more than a phone screen holds). */
  limit?: number;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={<CardHeading>{`${title} (${formatNumber(list.total)})`}</CardHeading>}
      extra={list.total > Math.min(limit, list.items.length) ? more : null}
      style={{ height: "100%" }}
      data-testid={testId}
    >
      <List<RollupTask>
        size="small"
        dataSource={list.items.slice(0, limit)}
        locale={{ emptyText: empty }}
        renderItem={(task) => (
          <List.Item data-testid={`${testId}-item`} style={{ display: "block" }}>
            <Link to="/tasks/$id" params={{ id: String(task.id) }} style={{ fontWeight: 500 }}>
              {task.title}
            </Link>
            <div className="org-path">
              {task.orgName}
              {task.plan?.symbol ? ` · ${task.plan.symbol}` : ""}
            </div>
            <Space wrap size={[8, 0]} style={{ fontSize: 13 }}>
              <DueText task={task} />
              {task.reportLate && <Tag color="red">{t("taskDashboard.tasks.reportLate")}</Tag>}
            </Space>
            <Progress
              percent={task.progressPercent}
              size="small"
              format={(value) => formatPercent(value ?? 0)}
              aria-label={t("taskDashboard.tasks.progress", { n: formatNumber(task.progressPercent) })}
              style={{ maxWidth: 260, marginBottom: 0 }}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
