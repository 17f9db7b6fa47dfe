// Targets that can be counted, per unit: how many tasks carry one, planned against achieved, percent.
// A table on a computer, cards on a phone.
import type { RollupTarget } from "@namro/contracts";
import { Card, Grid, List, Progress, Table } from "antd";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/dates.ts";
import { CardHeading } from "../document-coverage/CoverageGroups.tsx";
import { percentText } from "./rollup-figures.ts";

export function RollupTargets({ targets }: { targets: readonly RollupTarget[] }) {
  const { t } = useTranslation();
  const isDesktop = Grid.useBreakpoint().md ?? true;
  const title = t("taskDashboard.rollup.targets.title");
  return (
    <Card
      size="small"
      title={<CardHeading>{title}</CardHeading>}
      style={{ height: "100%" }}
      data-testid="rollup-targets"
    >
      {isDesktop ? (
        <Table<RollupTarget>
          size="small"
          rowKey="unit"
          pagination={false}
          dataSource={[...targets]}
          aria-label={title}
          locale={{ emptyText: t("taskDashboard.rollup.targets.empty") }}
          columns={[
            { title: t("taskDashboard.rollup.targets.unit"), dataIndex: "unit" },
            {
              title: t("taskDashboard.rollup.targets.tasks"),
              dataIndex: "tasks",
              align: "right",
              render: (v: number) => formatNumber(v),
            },
            {
              title: t("taskDashboard.rollup.targets.planned"),
              dataIndex: "planned",
              align: "right",
              render: (v: number) => formatNumber(v),
            },
            {
              title: t("taskDashboard.rollup.targets.achieved"),
              dataIndex: "achieved",
              align: "right",
              render: (v: number) => formatNumber(v),
            },
            {
              title: t("taskDashboard.rollup.targets.percent"),
              key: "percent",
              align: "right",
              render: (_, target) => percentText(target.percent),
            },
          ]}
        />
      ) : (
        <List<RollupTarget>
          size="small"
          dataSource={[...targets]}
          locale={{ emptyText: t("taskDashboard.rollup.targets.empty") }}
          renderItem={(target) => (
            <List.Item style={{ display: "block" }} data-testid="rollup-target">
              <div style={{ fontWeight: 500 }}>{target.unit}</div>
              <div className="muted">
                {t("taskDashboard.rollup.targets.line", {
                  achieved: formatNumber(target.achieved),
                  planned: formatNumber(target.planned),
                  tasks: formatNumber(target.tasks),
                })}
              </div>
              <Progress
                percent={Math.min(100, target.percent ?? 0)}
                size="small"
                format={() => percentText(target.percent)}
                aria-label={`${target.unit}: ${percentText(target.percent)}`}
                style={{ maxWidth: 300, marginBottom: 0 }}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
