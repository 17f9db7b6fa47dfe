// Tasks by status as a ring chart, with the exact counts in a table under it (the accessible version).
import type { TaskStatusCounts } from "@namro/contracts";
import type { TaskStatus } from "@namro/domain";
import { Card, Table, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/dates.ts";
import { CardHeading } from "../document-coverage/CoverageGroups.tsx";
import type { ChartOption } from "../member-statistics/StatisticsChart.tsx";
import { share } from "../member-statistics/StatisticsTables.tsx";
import { LazyChart } from "./LazyChart.tsx";
import { STATUS_COLORS, statusCounts } from "./rollup-figures.ts";

interface Row {
  status: TaskStatus;
  label: string;
  count: number;
}

export function StatusChart({ counts }: { counts: TaskStatusCounts }) {
  const { t } = useTranslation();
  const title = t("taskDashboard.charts.status");
  const rows = useMemo<Row[]>(
    () =>
      statusCounts(counts).map((row) => ({
        status: row.status,
        label: t(`tasks.status.${row.status}`),
        count: row.count,
      })),
    [counts, t],
  );
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: "item", valueFormatter: (v) => formatNumber(Number(v)) },
      series: [
        {
          type: "pie",
          name: title,
          radius: ["38%", "66%"],
          center: ["50%", "50%"],
          label: { formatter: (params: { value?: unknown }) => formatNumber(Number(params.value ?? 0)) },
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
        <LazyChart option={option} label={title} height={260} />
      ) : (
        <div className="muted">{t("taskDashboard.noTasks")}</div>
      )}
      <Table<Row>
        size="small"
        pagination={false}
        rowKey="status"
        dataSource={rows}
        aria-label={title}
        data-testid="status-table"
        columns={[
          {
            title: t("taskDashboard.status.label"),
            key: "label",
            render: (_, row) => (
              <span>
                <span
                  aria-hidden
                  style={{
                    display: "inline-block",
                    width: 10,
                    height: 10,
                    borderRadius: 2,
                    background: STATUS_COLORS[row.status],
                    marginInlineEnd: 6,
                  }}
                />
                {row.label}
              </span>
            ),
          },
          {
            title: t("taskDashboard.figures.total"),
            dataIndex: "count",
            align: "right",
            render: (value: number) => formatNumber(value),
          },
          {
            title: t("taskDashboard.status.share"),
            key: "share",
            align: "right",
            render: (_, row) => share(row.count, counts.total),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t("taskDashboard.status.total")}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Typography.Text strong>{formatNumber(counts.total)}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} />
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}
