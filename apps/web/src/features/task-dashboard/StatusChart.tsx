// Tasks by status as a ring chart, with the exact counts in a table under it (the accessible version).
import type { TaskStatusCounts } from "@namro/contracts";
import { Card } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/dates.ts";
import { CardHeading } from "../document-coverage/CoverageGroups.tsx";
import { type ChartOption, StatisticsChart } from "../member-statistics/StatisticsChart.tsx";
import { StatisticsTable } from "../member-statistics/StatisticsTables.tsx";
import { STATUS_COLORS, statusCounts } from "./rollup-figures.ts";

export function StatusChart({ counts }: { counts: TaskStatusCounts }) {
  const { t } = useTranslation();
  const title = t("taskDashboard.charts.status");
  const rows = useMemo(
    () =>
      statusCounts(counts).map((row) => ({
        key: row.status,
        status: row.status,
        label: t(`tasks.status.${row.status}`),
        count: row.count,
      })),
    [counts, t],
  );
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: "item", valueFormatter: (v) => formatNumber(Number(v)) },
      legend: { bottom: 0, type: "scroll" },
      series: [
        {
          type: "pie",
          name: title,
          radius: ["38%", "66%"],
          center: ["50%", "42%"],
          label: { formatter: "{c}" },
          data: rows
            .filter((row) => row.count > 0)
            .map((row) => ({
              name: row.label,
              value: row.count,
              itemStyle: { color: STATUS_COLORS[row.status] },
            })),
        },
      ],
    }),
    [rows, title],
  );
  return (
    <Card
      size="small"
      title={<CardHeading>{title}</CardHeading>}
      style={{ height: "100%" }}
      data-testid="chart-status"
    >
      {counts.total > 0 ? (
        <StatisticsChart option={option} label={title} height={260} />
      ) : (
        <div className="muted">{t("taskDashboard.noTasks")}</div>
      )}
      <StatisticsTable rows={rows} total={counts.total} caption={title} />
    </Card>
  );
}
