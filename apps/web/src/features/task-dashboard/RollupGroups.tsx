// The drill-down: one line per child organisation (and the organisation's own tasks), with its
// progress, counts, on-time rate and how each was computed; a child with tasks further down opens one
// level down. Cards that wrap on a phone.
import { RightOutlined } from "@ant-design/icons";
import type { RollupGroup } from "@namro/contracts";
import { Card, Grid, List, Progress, Space, Tag } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/dates.ts";
import { CardHeading } from "../document-coverage/CoverageGroups.tsx";
import { HowComputed } from "./HowComputed.tsx";
import { canDrill, percentText, progressColor, STATUS_COLORS } from "./rollup-figures.ts";

const PAGE_SIZE = 20;

/** The groups as lines (cards on a phone): name, progress, counts, on-time rate, how computed. */
export function GroupList({
  groups,
  drillLink,
}: {
  groups: readonly RollupGroup[];
  drillLink: (orgId: number, children: ReactNode) => ReactNode;
}) {
  const { t } = useTranslation();
  const isDesktop = Grid.useBreakpoint().md ?? true;
  return (
    <List<RollupGroup>
      size="small"
      // On a phone the "open" link goes under the figures, not beside them.
      itemLayout={isDesktop ? "horizontal" : "vertical"}
      dataSource={groups}
      rowKey={(group) => `${group.orgId}-${group.isSelf}`}
      locale={{ emptyText: t("taskDashboard.rollup.groups.empty") }}
      pagination={
        groups.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, size: "small", showSizeChanger: false } : false
      }
      renderItem={(group) => {
        const name = group.isSelf ? t("taskDashboard.groups.self", { name: group.orgName }) : group.orgName;
        const drillable = canDrill(group);
        const { counts, progress, onTimeRate } = group.figures;
        return (
          <List.Item
            data-testid="rollup-group"
            actions={
              drillable
                ? [
                    <span key="open" data-testid="rollup-group-open">
                      {drillLink(
                        group.orgId,
                        <>
                          {t("taskDashboard.rollup.groups.open")}
                          <span className="sr-only"> {group.orgName}</span> <RightOutlined />
                        </>,
                      )}
                    </span>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                drillable ? (
                  drillLink(group.orgId, <span data-testid="rollup-group-name">{name}</span>)
                ) : (
                  <span data-testid="rollup-group-name">{name}</span>
                )
              }
              description={
                <div>
                  <Progress
                    percent={progress.value ?? 0}
                    size="small"
                    strokeColor={progressColor(progress.value)}
                    format={() => percentText(progress.value)}
                    aria-label={t("taskDashboard.rollup.groups.progress", {
                      name,
                      value: percentText(progress.value),
                    })}
                    style={{ maxWidth: 300, marginBottom: 0 }}
                  />
                  <Space wrap size={[4, 4]}>
                    <Tag data-testid="group-total">
                      {t("taskDashboard.rollup.groups.tasks", { n: formatNumber(counts.total) })}
                    </Tag>
                    <Tag color="green">
                      {t("taskDashboard.rollup.groups.done", {
                        n: formatNumber(counts.done_on_time + counts.done_late),
                      })}
                    </Tag>
                    {counts.overdue > 0 && (
                      <Tag color={STATUS_COLORS.overdue} data-testid="group-overdue">
                        {t("taskDashboard.rollup.groups.overdue", { n: formatNumber(counts.overdue) })}
                      </Tag>
                    )}
                    <span className="muted">
                      {t("taskDashboard.rollup.groups.onTime", { value: percentText(onTimeRate.value) })}
                    </span>
                    <HowComputed
                      explanation={progress.explanation}
                      figure={`${t("taskDashboard.figures.progress")} — ${name}`}
                    />
                  </Space>
                </div>
              }
            />
          </List.Item>
        );
      }}
    />
  );
}

export function RollupGroups({
  groups,
  drillLink,
}: {
  groups: readonly RollupGroup[];
  drillLink: (orgId: number, children: ReactNode) => ReactNode;
}) {
  const { t } = useTranslation();
  const shown = groups.filter((group) => group.figures.counts.total > 0 || group.hasTasksBelow);
  const empty = groups.length - shown.length;
  // A cell: no child organisations, only its own tasks — the figures above already say it all.
  if (shown.every((group) => group.isSelf) && empty === 0) return null;
  return (
    <Card
      size="small"
      title={<CardHeading>{t("taskDashboard.rollup.groups.title")}</CardHeading>}
      style={{ marginBottom: 12 }}
      data-testid="rollup-groups"
    >
      <GroupList groups={shown} drillLink={drillLink} />
      {empty > 0 && (
        <div className="muted" style={{ marginTop: 6 }}>
          {t("taskDashboard.groups.withoutTasks", { n: formatNumber(empty) })}
        </div>
      )}
    </Card>
  );
}
