// Progress by subordinate organisation: a bar per organisation with tasks (the same groups as the
// roll-up), lowest first so the ones lagging behind stand out, and a table with the exact figures —
// tasks, progress, on-time rate, overdue — each name a link one level down (sortable by each figure).
import type { RollupGroup } from "@namro/contracts";
import { Card, Col, Grid, Row, Table } from "antd";
import { type ReactNode, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/dates.ts";
import { CardHeading } from "../document-coverage/CoverageGroups.tsx";
import type { ChartOption } from "../member-statistics/StatisticsChart.tsx";
import { LazyChart } from "./LazyChart.tsx";
import { GroupList } from "./RollupGroups.tsx";
import { canDrill, lowestProgress, percentText, STATUS_COLORS } from "./rollup-figures.ts";

const CHART_BARS = 20;

export function GroupProgressChart({
  groups,
  drillLink,
}: {
  groups: readonly RollupGroup[];
  drillLink: (orgId: number, children: ReactNode) => ReactNode;
}) {
  const { t } = useTranslation();
  const title = t("taskDashboard.charts.byOrg");
  const withTasks = useMemo(() => groups.filter((group) => group.figures.counts.total > 0), [groups]);
  // A province has dozens of communes: the chart shows those furthest behind, the table all of them.
  const lowestFirst = useMemo(() => lowestProgress(groups, CHART_BARS), [groups]);
  const isDesktop = Grid.useBreakpoint().md ?? true;
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
        data: lowestFirst.map(name),
        // On a phone the names go above their bars (full width) instead of beside them.
        axisLabel: isDesktop ? { width: 170, overflow: "truncate" } : { show: false },
        axisTick: { show: isDesktop },
      },
      series: [
        {
          type: "bar",
          name: t("taskDashboard.figures.progress"),
          barMaxWidth: isDesktop ? 18 : 10,
          itemStyle: { color: STATUS_COLORS.in_progress },
          ...(isDesktop
            ? {}
            : {
                label: {
                  show: true,
                  position: [0, -15] as [number, number],
                  color: "#262626",
                  formatter: (params: { name: string; value: unknown }) =>
                    `${params.name}: ${percentText(Number(params.value))}`,
                },
              }),
          data: lowestFirst.map((group) => group.figures.progress.value ?? 0),
        },
      ],
    }),
    [lowestFirst, t, isDesktop],
  );
  const empty = groups.length - withTasks.length;
  return (
    <Card
      size="small"
      title={<CardHeading>{title}</CardHeading>}
      style={{ height: "100%" }}
      data-testid="chart-by-org"
    >
      <Row gutter={[16, 12]}>
        <Col xs={24} xl={10}>
          {withTasks.length > CHART_BARS && (
            <div className="muted" style={{ marginBottom: 4 }} data-testid="chart-by-org-note">
              {t("taskDashboard.groups.lowest", { n: CHART_BARS, total: formatNumber(withTasks.length) })}
            </div>
          )}
          {withTasks.length > 0 ? (
            <LazyChart
              option={option}
              label={title}
              height={Math.max(200, lowestFirst.length * (isDesktop ? 22 : 36) + 40)}
              testId="chart-by-org-canvas"
            />
          ) : (
            <div className="muted">{t("taskDashboard.noTasks")}</div>
          )}
        </Col>
        <Col xs={24} xl={14}>
          {isDesktop ? (
            <Table<RollupGroup>
              size="small"
              rowKey="orgId"
              pagination={
                withTasks.length > 20 ? { pageSize: 20, size: "small", showSizeChanger: false } : false
              }
              dataSource={withTasks}
              scroll={{ x: "max-content" }}
              aria-label={title}
              data-testid="by-org-table"
              columns={[
                {
                  title: t("taskDashboard.groups.org"),
                  key: "org",
                  render: (_, group) => (canDrill(group) ? drillLink(group.orgId, name(group)) : name(group)),
                },
                {
                  title: t("taskDashboard.figures.total"),
                  key: "total",
                  align: "right",
                  sorter: (a, b) => a.figures.counts.total - b.figures.counts.total,
                  render: (_, group) => formatNumber(group.figures.counts.total),
                },
                {
                  title: t("taskDashboard.figures.progress"),
                  key: "progress",
                  align: "right",
                  sorter: (a, b) => (a.figures.progress.value ?? -1) - (b.figures.progress.value ?? -1),
                  render: (_, group) => percentText(group.figures.progress.value),
                },
                {
                  title: t("taskDashboard.figures.onTimeRate"),
                  key: "onTime",
                  align: "right",
                  sorter: (a, b) => (a.figures.onTimeRate.value ?? -1) - (b.figures.onTimeRate.value ?? -1),
                  render: (_, group) => percentText(group.figures.onTimeRate.value),
                },
                {
                  title: t("taskDashboard.figures.overdue"),
                  key: "overdue",
                  align: "right",
                  sorter: (a, b) => a.figures.counts.overdue - b.figures.counts.overdue,
                  render: (_, group) => formatNumber(group.figures.counts.overdue),
                },
              ]}
            />
          ) : (
            <GroupList groups={withTasks} drillLink={drillLink} />
          )}
        </Col>
      </Row>
      {empty > 0 && (
        <div className="muted" style={{ marginTop: 6 }}>
          {t("taskDashboard.groups.withoutTasks", { n: formatNumber(empty) })}
        </div>
      )}
    </Card>
  );
}
