// "Tổng quan": the first screen. For someone who reports, first what they must do now ("Việc cần làm");
// then, for the organisation chosen (by default the top of the
// person's task scope), optionally narrowed to one plan or directive and a period: headline figures
// with how each was computed, tasks by status, progress by subordinate organisation, the trend over
// twelve months, overdue and due-soon tasks, reports awaiting review and plans with tasks missing a
// clear; export to .xlsx. The trend, due-soon, review and clears lists are the organisation's whole
// (the server computes them per organisation); the rest follows every filter.
import { ApartmentOutlined, DownloadOutlined } from "@ant-design/icons";
import { addDays } from "@namro/domain";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { Alert, Button, Col, Row, Skeleton, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/dates.ts";
import { errorText } from "../../lib/errors.ts";
import { NotFoundResult } from "../../ui/NotFoundResult.tsx";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { hasPermission, useMe } from "../auth/session.ts";
import { AwaitingReviewCard, MissingClearsCard } from "./DashboardSideLists.tsx";
import { FigureCards } from "./FigureCards.tsx";
import { GroupProgressChart } from "./GroupProgressChart.tsx";
import { RefreshControls } from "./RefreshControls.tsx";
import { useTaskDashboard, useTaskRollup } from "./rollup-queries.ts";
import { applyRollupPatch, isNarrowed, type RollupSearchPatch, scopeOrgSearch } from "./rollup-search.ts";
import { ScopeCaption } from "./ScopeCaption.tsx";
import { ScopeFilters } from "./ScopeFilters.tsx";
import { StatusChart } from "./StatusChart.tsx";
import { TaskBriefList } from "./TaskBriefList.tsx";
import { TodoCard } from "./TodoCard.tsx";
import { TrendChart } from "./TrendChart.tsx";
import { useRollupExport } from "./use-rollup-export.ts";

export function TaskDashboardPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const allowed = hasPermission(me, "task.read");
  const search = useSearch({ from: "/shell/task-dashboard" });
  const navigate = useNavigate();
  const narrowed = isNarrowed(search);
  const dashboard = useTaskDashboard(search.orgId, allowed);
  const rollup = useTaskRollup(search, allowed && narrowed);
  const main = narrowed ? rollup : dashboard;
  const { exporting, exportWorkbook } = useRollupExport(search, main.data?.scope);

  const update = (patch: RollupSearchPatch) =>
    void navigate({ to: "/task-dashboard", search: applyRollupPatch(search, patch), replace: true });

  if (!allowed) return <Alert type="warning" showIcon title={t("errors.forbidden")} />;
  const failed = (dashboard.isError && !dashboard.data) || (main.isError && !main.data);
  if (failed)
    return (
      <NotFoundResult
        error={dashboard.error ?? main.error}
        notFoundTitle={t("taskDashboard.notFound")}
        backLabel={t("taskDashboard.backToOwn")}
        onBack={() => void navigate({ to: "/task-dashboard", search: {} })}
      />
    );

  const data = main.data;
  const whole = dashboard.data;
  const refresh = () => {
    void dashboard.refetch();
    if (narrowed) void rollup.refetch();
  };
  const drillLink = (orgId: number, children: ReactNode) => (
    <Link to="/task-rollup" search={applyRollupPatch(search, { orgId })} data-testid="dashboard-drill">
      {children}
    </Link>
  );

  return (
    <div data-testid="task-dashboard-page" className="touch-page">
      <PageHeader title={t("taskDashboard.title")} titleTestId="task-dashboard-title">
        <Space wrap>
          <RefreshControls
            fetching={dashboard.isFetching || (narrowed && rollup.isFetching)}
            updatedAt={Math.min(
              dashboard.dataUpdatedAt,
              narrowed ? rollup.dataUpdatedAt : Number.POSITIVE_INFINITY,
            )}
            onRefresh={refresh}
            testIdPrefix="task-dashboard"
          />
          <Button
            icon={<ApartmentOutlined />}
            onClick={() => void navigate({ to: "/task-rollup", search })}
            data-testid="task-dashboard-rollup-link"
          >
            {t("taskDashboard.openRollup")}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            disabled={!data}
            onClick={() => void exportWorkbook()}
            data-testid="task-dashboard-export"
          >
            {t("taskDashboard.export")}
          </Button>
        </Space>
      </PageHeader>
      <TodoCard />
      <ScopeFilters search={search} scope={data?.scope} onChange={update} testIdPrefix="task-dashboard" />

      {(dashboard.isError || main.isError) && (
        <Alert
          type="error"
          showIcon
          title={errorText(dashboard.error ?? main.error, t)}
          style={{ marginBottom: 12 }}
        />
      )}
      {!data || !whole ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          <ScopeCaption scope={data.scope} testId="task-dashboard-caption" />
          {narrowed && (
            <Typography.Paragraph
              type="secondary"
              style={{ marginTop: -4 }}
              data-testid="task-dashboard-whole-note"
            >
              {t("taskDashboard.wholeOrgNote", { name: whole.scope.orgName })}
            </Typography.Paragraph>
          )}
          <FigureCards
            figures={data.figures}
            extra={[
              {
                key: "due-soon",
                title: t("taskDashboard.figures.dueSoon", { n: whole.dueSoonDays }),
                value: formatNumber(whole.dueSoon.total),
              },
              {
                key: "awaiting",
                title: t("taskDashboard.figures.awaiting"),
                value: formatNumber(whole.awaitingReview.total),
              },
            ]}
          />
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={9}>
              <StatusChart counts={data.figures.counts} />
            </Col>
            <Col xs={24} lg={15}>
              <TrendChart trend={whole.trend} />
            </Col>
            <Col xs={24}>
              <GroupProgressChart groups={data.groups} drillLink={drillLink} />
            </Col>
            <Col xs={24} lg={12}>
              <TaskBriefList
                title={t("taskDashboard.lists.overdue")}
                list={data.overdue}
                testId="dashboard-overdue"
                empty={t("taskDashboard.lists.noOverdue")}
                more={
                  <Link
                    to="/tasks"
                    search={{
                      ...scopeOrgSearch(data.scope),
                      status: "overdue",
                      ...(search.planId ? { plan: search.planId } : {}),
                    }}
                    data-testid="dashboard-overdue-all"
                  >
                    {t("taskDashboard.lists.all")}
                  </Link>
                }
              />
            </Col>
            <Col xs={24} lg={12}>
              <TaskBriefList
                title={t("taskDashboard.lists.dueSoon", { n: whole.dueSoonDays })}
                list={whole.dueSoon}
                testId="dashboard-due-soon"
                empty={t("taskDashboard.lists.noDueSoon")}
                more={
                  <Link
                    to="/tasks"
                    search={{
                      ...scopeOrgSearch(whole.scope),
                      dueFrom: whole.scope.today,
                      dueTo: addDays(whole.scope.today, whole.dueSoonDays),
                    }}
                    data-testid="dashboard-due-soon-all"
                  >
                    {t("taskDashboard.lists.all")}
                  </Link>
                }
              />
            </Col>
            <Col xs={24} lg={12}>
              <AwaitingReviewCard dashboard={whole} />
            </Col>
            <Col xs={24} lg={12}>
              <MissingClearsCard dashboard={whole} />
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
