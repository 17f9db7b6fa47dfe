// The last twelve months: tasks finished (and of those, late) and tasks overdue at each month's end,
// as lines, with the same numbers in a table.
import type { TrendMonth } from "@namro/contracts";
import { Card, Collapse, Table } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/dates.ts";
import { CardHeading } from "../document-coverage/CoverageGroups.tsx";
import type { ChartOption } from "../member-statistics/StatisticsChart.tsx";
import { LazyChart } from "./LazyChart.tsx";
import { monthLabel, STATUS_COLORS } from "./rollup-figures.ts";

export function TrendChart({ trend }: { trend: readonly TrendMonth[] }) {
  const { t } = useTranslation();
  const title = t("taskDashboard.charts.trend");
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: "axis", valueFormatter: (v) => formatNumber(Number(v)) },
      xAxis: { type: "category", data: trend.map((month) => monthLabel(month.month)) },
      yAxis: { type: "value", minInterval: 1, axisLabel: { formatter: (v: number) => formatNumber(v) } },
      series: [
        {
          type: "line",
          name: t("taskDashboard.trend.done"),
          data: trend.map((month) => month.done),
          itemStyle: { color: STATUS_COLORS.done_on_time },
        },
        {
          type: "line",
          name: t("taskDashboard.trend.doneLate"),
          data: trend.map((month) => month.doneLate),
          itemStyle: { color: STATUS_COLORS.done_late },
        },
        {
          type: "line",
          name: t("taskDashboard.trend.overdueAtEnd"),
          data: trend.map((month) => month.overdueAtEnd),
          itemStyle: { color: STATUS_COLORS.overdue },
        },
      ],
    }),
    [trend, t],
  );
  return (
    <Card size="small" title={<CardHeading>{title}</CardHeading>} data-testid="chart-trend">
      <LazyChart option={option} label={title} height={280} />
      <Collapse
        size="small"
        ghost
        items={[
          {
            key: "table",
            label: t("taskDashboard.trend.table"),
            children: (
              <Table<TrendMonth>
                size="small"
                rowKey="month"
                pagination={false}
                dataSource={[...trend]}
                scroll={{ x: "max-content" }}
                aria-label={title}
                columns={[
                  {
                    title: t("taskDashboard.trend.month"),
                    key: "month",
                    render: (_, month) => monthLabel(month.month),
                  },
                  {
                    title: t("taskDashboard.trend.done"),
                    dataIndex: "done",
                    align: "right",
                    render: (v: number) => formatNumber(v),
                  },
                  {
                    title: t("taskDashboard.trend.doneLate"),
                    dataIndex: "doneLate",
                    align: "right",
                    render: (v: number) => formatNumber(v),
                  },
                  {
                    title: t("taskDashboard.trend.overdueAtEnd"),
                    dataIndex: "overdueAtEnd",
                    align: "right",
                    render: (v: number) => formatNumber(v),
                  },
                ]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
