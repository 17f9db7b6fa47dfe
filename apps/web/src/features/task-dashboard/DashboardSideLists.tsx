// The dashboard's lists beside the charts: progress reports waiting for the leader's organisation to
// review, and plans whose tasks lack a clear ("chưa đủ 5 rõ").
import type { TaskDashboard } from "@namro/contracts";
import { Link } from "@tanstack/react-router";
import { Card, List, Progress } from "antd";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatNumber, formatPercent } from "../../lib/dates.ts";
import { CardHeading } from "../document-coverage/CoverageGroups.tsx";
import { periodLabel } from "../tasks/reports/period-label.ts";
import { scopeOrgSearch } from "./rollup-search.ts";

export function AwaitingReviewCard({ dashboard }: { dashboard: TaskDashboard }) {
  const { t } = useTranslation();
  const { items, total } = dashboard.awaitingReview;
  return (
    <Card
      size="small"
      title={<CardHeading>{`${t("taskDashboard.awaiting.title")} (${formatNumber(total)})`}</CardHeading>}
      extra={
        total > 0 ? (
          <Link
            to="/task-reports/awaiting"
            search={scopeOrgSearch(dashboard.scope)}
            data-testid="dashboard-awaiting-all"
          >
            {t("taskDashboard.awaiting.all")}
          </Link>
        ) : null
      }
      style={{ height: "100%" }}
      data-testid="dashboard-awaiting"
    >
      <List
        size="small"
        dataSource={items}
        rowKey="id"
        locale={{ emptyText: t("taskDashboard.awaiting.empty") }}
        renderItem={(item) => {
          const { key, values } = periodLabel(item.periodKey);
          return (
            <List.Item data-testid="dashboard-awaiting-item" style={{ display: "block" }}>
              <Link
                to="/tasks/$id"
                params={{ id: String(item.taskId) }}
                search={{ tab: "reports" }}
                style={{ fontWeight: 500 }}
              >
                {item.taskTitle}
              </Link>
              <div className="org-path">
                {item.orgName} · {t(key, values)} · {formatPercent(item.percent)} ·{" "}
                {formatDateTime(item.submittedAt)}
              </div>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}

export function MissingClearsCard({ dashboard }: { dashboard: TaskDashboard }) {
  const { t } = useTranslation();
  const plans = dashboard.missingClears;
  return (
    <Card
      size="small"
      title={<CardHeading>{t("taskDashboard.missingClears.title")}</CardHeading>}
      style={{ height: "100%" }}
      data-testid="dashboard-missing-clears"
    >
      <List
        size="small"
        dataSource={plans}
        rowKey={(item) => item.plan?.id ?? 0}
        locale={{ emptyText: t("taskDashboard.missingClears.empty") }}
        renderItem={(item) => (
          <List.Item data-testid="dashboard-missing-clears-item" style={{ display: "block" }}>
            <div style={{ fontWeight: 500 }}>
              <Link
                to="/tasks"
                search={{
                  ...scopeOrgSearch(dashboard.scope),
                  missing: true,
                  ...(item.plan ? { plan: item.plan.id } : {}),
                }}
                data-testid="dashboard-missing-clears-link"
              >
                {item.plan
                  ? (item.plan.symbol ?? item.plan.subject)
                  : t("taskDashboard.missingClears.noPlan")}
              </Link>
            </div>
            {item.plan?.symbol && <div className="org-path">{item.plan.subject}</div>}
            <Progress
              percent={item.tasks > 0 ? Math.round((item.tasksMissing / item.tasks) * 100) : 0}
              size="small"
              strokeColor="#d48806"
              format={() => `${formatNumber(item.tasksMissing)}/${formatNumber(item.tasks)}`}
              aria-label={t("taskDashboard.missingClears.count", {
                missing: formatNumber(item.tasksMissing),
                tasks: formatNumber(item.tasks),
              })}
              style={{ maxWidth: 300, marginBottom: 0 }}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
