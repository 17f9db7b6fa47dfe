// "Tổng hợp nhiệm vụ": the roll-up of an organisation's subtree (× plan or directive × period) —
// tasks by status, on-time rate, progress with how each figure was computed, targets planned against
// achieved, the overdue list — and one line per child organisation to drill down, from the province to
// a cell in a few clicks. The organisation is in the address; the breadcrumb goes back up.
import { DashboardOutlined, DownloadOutlined } from "@ant-design/icons";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { Alert, Breadcrumb, Button, Col, Row, Skeleton, Space } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../../lib/errors.ts";
import { NotFoundResult } from "../../ui/NotFoundResult.tsx";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { hasPermission, useMe } from "../auth/session.ts";
import { FigureCards } from "./FigureCards.tsx";
import { RefreshControls } from "./RefreshControls.tsx";
import { RollupGroups } from "./RollupGroups.tsx";
import { RollupTargets } from "./RollupTargets.tsx";
import { useTaskRollup } from "./rollup-queries.ts";
import { applyRollupPatch, type RollupSearchPatch, scopeOrgSearch } from "./rollup-search.ts";
import { ScopeCaption } from "./ScopeCaption.tsx";
import { ScopeFilters } from "./ScopeFilters.tsx";
import { StatusChart } from "./StatusChart.tsx";
import { TaskBriefList } from "./TaskBriefList.tsx";
import { useRollupExport } from "./use-rollup-export.ts";

export function TaskRollupPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const allowed = hasPermission(me, "task.read");
  const search = useSearch({ from: "/shell/task-rollup" });
  const navigate = useNavigate();
  const rollup = useTaskRollup(search, allowed);
  const { exporting, exportWorkbook } = useRollupExport(search, rollup.data?.scope);

  const update = (patch: RollupSearchPatch) =>
    void navigate({ to: "/task-rollup", search: applyRollupPatch(search, patch) });

  if (!allowed) return <Alert type="warning" showIcon title={t("errors.forbidden")} />;
  if (rollup.isError && !rollup.data)
    return (
      <NotFoundResult
        error={rollup.error}
        notFoundTitle={t("taskDashboard.rollup.notFound")}
        backLabel={t("taskDashboard.backToOwn")}
        onBack={() => void navigate({ to: "/task-rollup", search: {} })}
      />
    );

  const data = rollup.data;
  const drillLink = (orgId: number, children: ReactNode) => (
    <Link to="/task-rollup" search={applyRollupPatch(search, { orgId })}>
      {children}
    </Link>
  );

  return (
    <div data-testid="task-rollup-page" className="touch-page">
      <PageHeader title={t("taskDashboard.rollup.title")} titleTestId="task-rollup-title">
        <Space wrap>
          <RefreshControls
            fetching={rollup.isFetching}
            updatedAt={rollup.dataUpdatedAt}
            onRefresh={() => void rollup.refetch()}
            testIdPrefix="task-rollup"
          />
          <Button
            icon={<DashboardOutlined />}
            onClick={() => void navigate({ to: "/task-dashboard", search })}
            data-testid="task-rollup-dashboard-link"
          >
            {t("taskDashboard.rollup.openDashboard")}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            disabled={!data}
            onClick={() => void exportWorkbook()}
            data-testid="task-rollup-export"
          >
            {t("taskDashboard.export")}
          </Button>
        </Space>
      </PageHeader>
      <ScopeFilters search={search} scope={data?.scope} onChange={update} testIdPrefix="task-rollup" />
      {data && (
        <nav aria-label={t("taskDashboard.rollup.treePath")}>
          <Breadcrumb
            data-testid="rollup-path"
            style={{ marginBottom: 8 }}
            items={data.scope.breadcrumb.map((step, index) => {
              const current = index === data.scope.breadcrumb.length - 1;
              return {
                key: step.id,
                title: current ? (
                  <span aria-current="page" data-testid="rollup-path-current">
                    {step.name}
                  </span>
                ) : (
                  drillLink(step.id, <span data-testid="rollup-path-step">{step.name}</span>)
                ),
              };
            })}
          />
        </nav>
      )}
      {rollup.isError && (
        <Alert type="error" showIcon title={errorText(rollup.error, t)} style={{ marginBottom: 12 }} />
      )}
      {!data ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          <ScopeCaption scope={data.scope} testId="task-rollup-caption" />
          <FigureCards figures={data.figures} />
          <RollupGroups groups={data.groups} drillLink={drillLink} />
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={10}>
              <StatusChart counts={data.figures.counts} />
            </Col>
            <Col xs={24} lg={14}>
              <RollupTargets targets={data.targets} />
            </Col>
            <Col xs={24}>
              <TaskBriefList
                title={t("taskDashboard.lists.overdue")}
                list={data.overdue}
                testId="rollup-overdue"
                empty={t("taskDashboard.lists.noOverdue")}
                limit={20}
                more={
                  <Link
                    to="/tasks"
                    search={{
                      ...scopeOrgSearch(data.scope),
                      status: "overdue",
                      ...(search.planId ? { plan: search.planId } : {}),
                    }}
                    data-testid="rollup-overdue-all"
                  >
                    {t("taskDashboard.lists.all")}
                  </Link>
                }
              />
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
