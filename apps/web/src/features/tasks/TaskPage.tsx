// One task: its five clears with grades, its fields and milestones, its parent and children, what may
// be done with it (edit, give to subordinate organisations, split, pause, cancel, resume) and its
// progress reports. Tabs are one array (taskTabs) so another part of tasks adds its own tab there; the
// tab shown is kept in the address.
import { ApartmentOutlined, ScheduleOutlined } from "@ant-design/icons";
import type { TaskDetail } from "@namro/contracts";
import { Link, useNavigate, useParams, useSearch } from "@tanstack/react-router";
import type { TabsProps } from "antd";
import { Alert, Breadcrumb, Card, Col, Descriptions, Row, Space, Spin, Tabs } from "antd";
import type { TFunction } from "i18next";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, formatNumber } from "../../lib/dates.ts";
import { NotFoundResult } from "../../ui/NotFoundResult.tsx";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { ClearsList, ClearsSummary } from "./ClearsList.tsx";
import { EditTaskDrawer } from "./EditTaskDrawer.tsx";
import { TaskReportsPanel } from "./reports/TaskReportsPanel.tsx";
import { DueText, MissingClearsBadge, TaskProgress, TaskStatusTag } from "./TaskBadges.tsx";
import { TaskCascadeDialog } from "./TaskCascadeDialog.tsx";
import { TaskHeaderActions } from "./TaskHeaderActions.tsx";
import { TaskTable } from "./TasksPage.tsx";
import { targetText } from "./task-labels.ts";
import { useTask, useTaskChildren } from "./task-queries.ts";
import type { TaskTabKey } from "./tasks-search.ts";

function FieldsCard({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const row = (label: string, value: ReactNode, testId?: string, wide?: boolean) => (
    <Descriptions.Item label={label} {...(wide ? { span: "filled" as const } : {})}>
      <span data-testid={testId}>{value === null || value === "" || value === undefined ? "—" : value}</span>
    </Descriptions.Item>
  );
  return (
    <Card size="small" title={t("tasks.page.fields")}>
      <Descriptions
        column={{ xs: 1, sm: 1, md: 1, lg: 1, xl: 1, xxl: 2 }}
        size="small"
        data-testid="task-fields"
      >
        {row(t("tasks.fields.owner"), task.ownerOrg.name)}
        {row(
          t("tasks.fields.plan"),
          task.plan ? (
            <Link to="/documents/$id" params={{ id: String(task.plan.id) }} search={{ tab: "tasks" }}>
              {task.plan.symbol ?? task.plan.subject}
            </Link>
          ) : null,
          "task-plan-link",
        )}
        {row(t("tasks.fields.lead"), task.leadOrg?.name, "task-lead-name")}
        {row(t("tasks.fields.support"), task.supportOrgs.map((org) => org.name).join(", "))}
        {row(t("tasks.fields.responsible"), task.responsible)}
        {row(t("tasks.fields.schedule"), t(`tasks.schedule.${task.schedule}`))}
        {row(t("tasks.fields.startDate"), formatDate(task.startDate))}
        {row(
          t("tasks.fields.dueDate"),
          task.dueDate ? (
            <Space size={8} wrap>
              {formatDate(task.dueDate)}
              <DueText task={task} />
            </Space>
          ) : null,
          "task-due-date",
        )}
        {row(
          t("tasks.fields.reportFrequency"),
          task.reportFrequency ? t(`tasks.frequency.${task.reportFrequency}`) : null,
        )}
        {row(t("tasks.fields.completedOn"), formatDate(task.completedOn))}
        {row(t("tasks.fields.deliverable"), task.deliverable, undefined, true)}
        {row(
          t("tasks.fields.targetValue"),
          targetText(task.targetValue, task.targetUnit, formatNumber),
          "task-target-text",
        )}
        {row(
          t("tasks.fields.actualValue"),
          targetText(task.actualValue, task.targetUnit, formatNumber),
          "task-actual",
        )}
        {row(t("tasks.fields.weight"), formatNumber(task.weight))}
        {task.stateReason &&
          row(t("tasks.fields.stateReason"), task.stateReason, "task-state-reason-text", true)}
        {row(
          t("tasks.fields.description"),
          task.description ? <span style={{ whiteSpace: "pre-wrap" }}>{task.description}</span> : null,
          undefined,
          true,
        )}
        {row(
          t("tasks.fields.createdBy"),
          [task.createdByName, formatDate(task.createdAt)].filter(Boolean).join(", "),
          undefined,
          true,
        )}
      </Descriptions>
    </Card>
  );
}

function MilestonesCard({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t("tasks.fields.milestones")} data-testid="task-milestone-list">
      {task.milestones.length === 0 ? (
        <span className="muted">{t("tasks.page.noMilestones")}</span>
      ) : (
        <ol style={{ margin: 0, paddingInlineStart: 20 }}>
          {task.milestones.map((milestone) => (
            <li key={milestone.id}>
              {milestone.title} — {formatDate(milestone.dueDate)}
              {milestone.doneOn && (
                <span className="muted">
                  {" "}
                  ({t("tasks.page.milestoneDone", { date: formatDate(milestone.doneOn) })})
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function ChildrenPanel({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const children = useTaskChildren(task.id);
  const items = children.data?.items ?? [];
  const assigned = task.childTargetsTotal;
  return (
    <div>
      {task.targetValue !== null && assigned !== null && (
        <p data-testid="task-children-target">
          {t("tasks.page.childTargets", {
            sum: targetText(assigned, task.targetUnit, formatNumber),
            target: targetText(task.targetValue, task.targetUnit, formatNumber),
          })}
        </p>
      )}
      <TaskTable
        items={items}
        loading={children.isFetching}
        emptyText={children.isPending ? t("common.loading") : t("tasks.page.noChildren")}
        testId="task-children"
        parentTitle={task.title}
      />
    </div>
  );
}

/**
 * The page's tabs, in order. Progress reports ("Báo cáo tiến độ") are their own feature
 * (./reports/), which owns the panel shown under the key "reports".
 */
export function taskTabs(task: TaskDetail, t: TFunction): NonNullable<TabsProps["items"]> {
  return [
    {
      key: "overview",
      label: t("tasks.tabs.overview"),
      children: (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={9}>
            <Card size="small" title={t("tasks.clears.title")}>
              <ClearsSummary clears={task.clears} />
              <ClearsList clears={task.clears} />
            </Card>
          </Col>
          <Col xs={24} lg={15}>
            <Space orientation="vertical" size={16} style={{ width: "100%" }}>
              <FieldsCard task={task} />
              <MilestonesCard task={task} />
            </Space>
          </Col>
        </Row>
      ),
    },
    {
      key: "children",
      label: t("tasks.tabs.children", { n: formatNumber(task.childCount) }),
      children: <ChildrenPanel task={task} />,
    },
    {
      key: "reports",
      label: t("tasks.tabs.reports"),
      children: <TaskReportsPanel task={task} />,
    },
  ];
}

export function TaskPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams({ from: "/shell/tasks/$id" });
  const search = useSearch({ from: "/shell/tasks/$id" });
  const navigate = useNavigate();
  const id = Number(idParam);
  const valid = Number.isInteger(id) && id > 0;
  const task = useTask(valid ? id : undefined);
  const [editing, setEditing] = useState(false);
  const [cascading, setCascading] = useState(false);

  if (!valid || task.isError)
    return (
      <NotFoundResult
        error={valid ? task.error : null}
        notFoundTitle={t("tasks.page.notFound")}
        backLabel={t("tasks.page.backToList")}
        onBack={() => void navigate({ to: "/tasks" })}
      />
    );
  if (task.isPending) return <Spin style={{ display: "block", margin: 48 }} />;
  const detail = task.data;
  const tabs = taskTabs(detail, t);
  const openTab = (key: TaskTabKey) =>
    void navigate({
      to: "/tasks/$id",
      params: { id: String(detail.id) },
      search: key === "overview" ? {} : { tab: key },
      replace: true,
    });
  const active: TaskTabKey =
    search.tab && tabs.some((tab) => tab.key === search.tab) ? search.tab : "overview";

  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          {
            key: "list",
            title: (
              <Link to="/tasks">
                <ScheduleOutlined /> {t("tasks.title")}
              </Link>
            ),
          },
          ...(detail.parent
            ? [
                {
                  key: "parent",
                  title: (
                    <Link
                      to="/tasks/$id"
                      params={{ id: String(detail.parent.id) }}
                      data-testid="task-parent-link"
                    >
                      {detail.parent.title}
                    </Link>
                  ),
                },
              ]
            : []),
          { key: "self", title: <span aria-current="page">{detail.title}</span> },
        ]}
      />
      <PageHeader title={detail.title} titleTestId="task-title">
        <TaskHeaderActions
          task={detail}
          onEdit={() => setEditing(true)}
          onCascade={() => setCascading(true)}
          onReport={() => openTab("reports")}
        />
      </PageHeader>
      <Space wrap size={[8, 8]} style={{ margin: "4px 0 12px" }} data-testid="task-marks">
        <TaskStatusTag status={detail.status} />
        <MissingClearsBadge missing={detail.missingClears} clears={detail.clears} />
        {detail.reportLate && <span style={{ color: "#cf1322" }}>{t("tasks.page.reportLate")}</span>}
        <span className="muted">
          <ApartmentOutlined /> {detail.leadOrg?.name ?? detail.ownerOrg.name}
        </span>
        <div style={{ minWidth: 180 }}>
          <TaskProgress task={detail} />
        </div>
      </Space>
      {detail.state !== "active" && detail.stateReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="task-state-notice"
          title={t(`tasks.page.stateNotice.${detail.state}`, { reason: detail.stateReason })}
        />
      )}
      <Tabs
        activeKey={active}
        onChange={(key) => openTab(key as TaskTabKey)}
        items={tabs}
        data-testid="task-tabs"
        destroyOnHidden
      />
      {detail.canEdit && <EditTaskDrawer task={detail} open={editing} onClose={() => setEditing(false)} />}
      {detail.canCascade && (
        <TaskCascadeDialog task={detail} open={cascading} onClose={() => setCascading(false)} />
      )}
    </div>
  );
}
