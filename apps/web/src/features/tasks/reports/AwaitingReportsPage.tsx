// "Báo cáo chờ duyệt": progress reports sent to the organisations the person follows up, oldest first,
// each with its task, period, percent and value against the target; accept or return it here, or open
// the task. A table on a computer, one card per report on a phone.
import type { AwaitingTaskReport } from "@namro/contracts";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { Alert, Card, Col, Form, Grid, List, Row, Space, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime, formatNumber, formatPercent } from "../../../lib/dates.ts";
import { errorText } from "../../../lib/errors.ts";
import { OrgPicker } from "../../../ui/OrgPicker.tsx";
import { PageHeader } from "../../../ui/PageHeader.tsx";
import { hasPermission, useMe } from "../../auth/session.ts";
import { periodLabel } from "./period-label.ts";
import { ReviewActions } from "./ReviewActions.tsx";
import { AWAITING_PAGE_SIZE, useAwaitingReports } from "./report-queries.ts";

function TaskLink({ item }: { item: AwaitingTaskReport }) {
  return (
    <Link
      to="/tasks/$id"
      params={{ id: String(item.task.id) }}
      search={{ tab: "reports" }}
      data-testid="awaiting-task-link"
    >
      {item.task.title}
    </Link>
  );
}

function useReportText() {
  const { t } = useTranslation();
  return {
    period: (item: AwaitingTaskReport) => {
      const { key, values } = periodLabel(item.periodKey);
      return t(key, values);
    },
    value: (item: AwaitingTaskReport) =>
      item.actualValue === null
        ? ""
        : `${formatNumber(item.actualValue)}${item.task.targetValue !== null ? ` / ${formatNumber(item.task.targetValue)}` : ""} ${item.task.targetUnit ?? ""}`.trim(),
    org: (item: AwaitingTaskReport) => (item.task.leadOrg ?? item.task.ownerOrg).name,
  };
}

export function AwaitingReportsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const search = useSearch({ from: "/shell/task-reports/awaiting" });
  const navigate = useNavigate();
  const isDesktop = Grid.useBreakpoint().md ?? true;
  const allowed = hasPermission(me, "task.read");
  const list = useAwaitingReports(search);
  const text = useReportText();

  if (!allowed) return <Alert type="warning" showIcon title={t("errors.forbidden")} />;

  const subject = (item: AwaitingTaskReport) =>
    t("taskReports.review.subject", { period: text.period(item), task: item.task.title });
  const review = (item: AwaitingTaskReport) => (
    <ReviewActions
      taskId={item.task.id}
      reportId={item.id}
      version={item.version}
      subject={subject(item)}
      size={isDesktop ? "small" : "middle"}
    />
  );
  const pagination =
    (list.data?.total ?? 0) > AWAITING_PAGE_SIZE
      ? {
          current: search.page ?? 1,
          pageSize: AWAITING_PAGE_SIZE,
          total: list.data?.total ?? 0,
          size: isDesktop ? ("small" as const) : ("middle" as const),
          showSizeChanger: false,
          onChange: (page: number) =>
            void navigate({
              to: "/task-reports/awaiting",
              search: { ...(search.orgId ? { orgId: search.orgId } : {}), ...(page > 1 ? { page } : {}) },
            }),
        }
      : false;

  return (
    <div data-testid="awaiting-reports-page" className="touch-page">
      <PageHeader title={t("taskReports.awaiting.title")} titleTestId="awaiting-reports-title" />
      <Form layout="vertical">
        <Row gutter={12}>
          <Col xs={24} md={12} lg={8}>
            <Form.Item label={t("taskReports.awaiting.org")} htmlFor="awaiting-org">
              <OrgPicker
                id="awaiting-org"
                testId="awaiting-org"
                suggestRoleOrgs
                allowClear
                placeholder={t("taskReports.awaiting.allOrgs")}
                ariaLabel={t("taskReports.awaiting.org")}
                value={search.orgId}
                onChange={(orgId) =>
                  void navigate({
                    to: "/task-reports/awaiting",
                    search: orgId ? { orgId } : {},
                    replace: true,
                  })
                }
                style={{ width: "100%" }}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {list.isError && (
        <Alert type="error" showIcon title={errorText(list.error, t)} style={{ marginBottom: 12 }} />
      )}
      <Card size="small">
        {/* No count until the list has come: "0 đang chờ" while loading would be wrong. */}
        <div className="muted" style={{ marginBottom: 8, minHeight: 22 }} data-testid="awaiting-total">
          {list.data
            ? t("taskReports.awaiting.total", { n: formatNumber(list.data.total) })
            : list.isError
              ? ""
              : t("common.loading")}
        </div>
        {isDesktop ? (
          <Table<AwaitingTaskReport>
            size="small"
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            pagination={pagination}
            scroll={{ x: "max-content" }}
            data-testid="awaiting-table"
            locale={{ emptyText: t("taskReports.awaiting.empty") }}
            onRow={() => ({ "data-testid": "awaiting-report" }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: t("taskReports.awaiting.task"),
                key: "task",
                render: (_, item) => (
                  <div style={{ maxWidth: 360 }}>
                    <TaskLink item={item} />
                    <div className="org-path">{text.org(item)}</div>
                  </div>
                ),
              },
              {
                title: t("taskReports.awaiting.report"),
                key: "report",
                render: (_, item) => (
                  <div>
                    <div>{text.period(item)}</div>
                    <strong>{formatPercent(item.percent)}</strong>
                    {text.value(item) && <span> · {text.value(item)}</span>}
                    {item.completedOn && (
                      <div className="org-path">
                        {t("taskReports.report.completedOn")}: {formatDate(item.completedOn)}
                      </div>
                    )}
                  </div>
                ),
              },
              {
                title: t("taskReports.awaiting.sent"),
                key: "sent",
                render: (_, item) => (
                  <div>
                    {formatDateTime(item.submittedAt)}
                    {item.submittedByName && <div className="org-path">{item.submittedByName}</div>}
                    {item.fileCount > 0 && (
                      <div className="org-path">
                        {t("taskReports.awaiting.fileCount", { n: formatNumber(item.fileCount) })}
                      </div>
                    )}
                  </div>
                ),
              },
              { title: t("taskReports.awaiting.actions"), key: "actions", render: (_, item) => review(item) },
            ]}
          />
        ) : (
          <List<AwaitingTaskReport>
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            pagination={pagination}
            locale={{ emptyText: t("taskReports.awaiting.empty") }}
            data-testid="awaiting-cards"
            renderItem={(item) => (
              <List.Item data-testid="awaiting-report" style={{ display: "block" }}>
                <div style={{ fontWeight: 500 }}>
                  <TaskLink item={item} />
                </div>
                <div className="org-path">{text.org(item)}</div>
                <Space wrap size={[4, 4]} style={{ margin: "4px 0" }}>
                  <Tag>{text.period(item)}</Tag>
                  <Tag color="blue">{formatPercent(item.percent)}</Tag>
                  {text.value(item) && <Tag>{text.value(item)}</Tag>}
                  {item.fileCount > 0 && (
                    <Tag>{t("taskReports.awaiting.fileCount", { n: formatNumber(item.fileCount) })}</Tag>
                  )}
                </Space>
                <div className="muted" style={{ fontSize: 12, marginBottom: 6 }}>
                  {formatDateTime(item.submittedAt)}
                  {item.submittedByName ? ` · ${item.submittedByName}` : ""}
                </div>
                {review(item)}
              </List.Item>
            )}
          />
        )}
      </Card>
    </div>
  );
}
