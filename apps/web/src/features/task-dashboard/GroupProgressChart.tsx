// Progress by subordinate organisation: a bar per organisation with tasks (the same groups as the
// roll-up), and a table with the exact figures — tasks, progress, on-time rate, overdue — each name a
// link one level down.
import type { RollupGroup } from "@namro/contracts";
import { Card, Table } from "antd";
import { type ReactNode, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/dates.ts";
import { CardHeading } from "../document-coverage/CoverageGroups.tsx";
import { type ChartOption, StatisticsChart } from "../member-statistics/StatisticsChart.tsx";
import { percentText, STATUS_COLORS } from "./rollup-figures.ts";

export function GroupProgressChart({
  groups,
  drillLink,
}: {
  groups: readonly RollupGroup[];
  drillLink: (group: RollupGroup, children: ReactNode) => ReactNode;
}) {
  const { t } = useTranslation();
  const title = t("taskDashboard.charts.byOrg");
  const withTasks = useMemo(() => groups.filter((group) => group.figures.counts.total > 0), [groups]);
  const name = (group: RollupGroup) =>
    group.isSelf ? t("taskDashboard.groups.self", { name: group.orgName }) : group.orgName;
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", valueFormatter: (v) => percentText(Number(v)) },
      xAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: (v: number) => `${v} %` } },
      yAxis: {
        type: "category",
        inverse: true,
        data: withTasks.map(name),
        axisLabel: { width: 130, overflow: "truncate" },
      },
      series: [
        {
          type: "bar",
          name: t("taskDashboard.figures.progress"),
          barMaxWidth: 18,
          data: withTasks.map((group) => ({
            value: group.figures.progress.value ?? 0,
            itemStyle: {
              color: group.figures.counts.overdue > 0 ? STATUS_COLORS.overdue : STATUS_COLORS.in_progress,
            },
          })),
        },
      ],
    }),
    [withTasks, t],
  );
  const empty = groups.length - withTasks.length;
  return (
    <Card
      size="small"
      title={<CardHeading>{title}</CardHeading>}
      style={{ height: "100%" }}
      data-testid="chart-by-org"
    >
      {withTasks.length > 0 ? (
        <StatisticsChart
          option={option}
          label={title}
          height={Math.min(900, Math.max(200, withTasks.length * 26 + 24))}
        />
      ) : (
        <div className="muted">{t("taskDashboard.noTasks")}</div>
      )}
      <Table<RollupGroup>
        size="small"
        rowKey="orgId"
        pagination={withTasks.length > 20 ? { pageSize: 20, size: "small", showSizeChanger: false } : false}
        dataSource={withTasks}
        scroll={{ x: "max-content" }}
        aria-label={title}
        data-testid="by-org-table"
        columns={[
          {
            title: t("taskDashboard.groups.org"),
            key: "org",
            render: (_, group) =>
              group.hasTasksBelow && !group.isSelf ? drillLink(group, name(group)) : name(group),
          },
          {
            title: t("taskDashboard.figures.total"),
            key: "total",
            align: "right",
            render: (_, group) => formatNumber(group.figures.counts.total),
          },
          {
            title: t("taskDashboard.figures.progress"),
            key: "progress",
            align: "right",
            render: (_, group) => percentText(group.figures.progress.value),
          },
          {
            title: t("taskDashboard.figures.onTimeRate"),
            key: "onTime",
            align: "right",
            render: (_, group) => percentText(group.figures.onTimeRate.value),
          },
          {
            title: t("taskDashboard.figures.overdue"),
            key: "overdue",
            align: "right",
            render: (_, group) => formatNumber(group.figures.counts.overdue),
          },
        ]}
      />
      {empty > 0 && (
        <div className="muted" style={{ marginTop: 6 }}>
          {t("taskDashboard.groups.withoutTasks", { n: formatNumber(empty) })}
        </div>
      )}
    </Card>
  );
}
