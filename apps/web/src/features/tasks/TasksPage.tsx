// "Nhiệm vụ": the tasks in the person's scope, filtered in the address, with their status, progress,
// days left or overdue and the red "chưa đủ 5 rõ" badge. A table on wide screens, cards on phones.
import { PlusOutlined } from "@ant-design/icons";
import type { TaskSummary } from "@namro/contracts";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { Alert, Button, Card, Empty, Grid, Pagination, Space, Table } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, formatNumber } from "../../lib/dates.ts";
import { errorText } from "../../lib/errors.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { SearchInput } from "../../ui/SearchInput.tsx";
import { hasPermission, useMe } from "../auth/session.ts";
import { useOrg } from "../organisations/org-queries.ts";
import { DueText, MissingClearsBadge, TaskProgress, TaskStatusTag } from "./TaskBadges.tsx";
import { TaskFilters } from "./TaskFilters.tsx";
import { TASKS_PAGE_SIZE, useTaskList } from "./task-queries.ts";
import { applyTasksPatch, type TasksSearchPatch } from "./tasks-search.ts";

export function TaskTitle({
  task,
  label,
}: {
  task: Pick<TaskSummary, "id" | "title" | "missingClears">;
  /** Shown instead of the title (a child task is named by its lead unit). */
  label?: string;
}) {
  return (
    <Space size={4} wrap>
      <Link
        to="/tasks/$id"
        params={{ id: String(task.id) }}
        data-testid="task-link"
        style={{ fontWeight: 600 }}
      >
        {label ?? task.title}
      </Link>
      <MissingClearsBadge missing={task.missingClears} />
    </Space>
  );
}

function whoLine(task: TaskSummary): string {
  return [task.leadOrg?.name ?? task.ownerOrg.name, task.responsible].filter(Boolean).join(" · ");
}

const unitOf = (task: TaskSummary) => task.leadOrg?.name ?? task.ownerOrg.name;

/**
 * Children of a task mostly repeat its long title: they are named by their lead unit, with their own
 * title below only when it differs from the parent's.
 */
function childSubLine(task: TaskSummary, parentTitle: string): string {
  return [task.title.trim() === parentTitle.trim() ? null : task.title, task.responsible]
    .filter(Boolean)
    .join(" · ");
}

function TaskCard({ task, parentTitle }: { task: TaskSummary; parentTitle?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid="task-row">
      <div style={{ display: "flex", justifyContent: "space-between", gap: 8, flexWrap: "wrap" }}>
        <TaskTitle task={task} {...(parentTitle !== undefined ? { label: unitOf(task) } : {})} />
        <TaskStatusTag status={task.status} />
      </div>
      <div className="muted" style={{ fontSize: 12, margin: "2px 0 4px" }}>
        {parentTitle !== undefined ? childSubLine(task, parentTitle) : whoLine(task)}
      </div>
      <TaskProgress task={task} />
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap", fontSize: 13 }}>
        {task.dueDate && (
          <span>
            {t("tasks.fields.dueDate")}: {formatDate(task.dueDate)}
          </span>
        )}
        <DueText task={task} />
      </div>
    </Card>
  );
}

export function TasksPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const search = useSearch({ from: "/shell/tasks" });
  const navigate = useNavigate({ from: "/tasks" });
  const canRead = hasPermission(me, "task.read");
  const canManage = hasPermission(me, "task.manage");
  const list = useTaskList(search, canRead);
  const chosenOrg = useOrg(search.orgId);

  const update = useCallback(
    (patch: TasksSearchPatch) => {
      const typing = Object.keys(patch).length === 1 && "q" in patch;
      void navigate({
        to: "/tasks",
        // A new search or filter starts again from the first page.
        search: (previous) => applyTasksPatch(previous, { ...patch, page: patch.page }),
        replace: typing,
      });
    },
    [navigate],
  );
  const commitQuery = useCallback((q: string | undefined) => update({ q }), [update]);

  if (!canRead) return <Alert type="warning" showIcon title={t("errors.forbidden")} />;

  const total = list.data?.total ?? 0;
  const items = list.data?.items ?? [];
  const page = search.page ?? 1;
  const changePage = (next: number) => update({ page: next > 1 ? next : undefined });
  const emptyText = list.isPending ? t("common.loading") : t("tasks.list.empty");
  const planInList = items.find((task) => task.plan?.id === search.plan)?.plan;

  return (
    <div>
      <PageHeader title={t("tasks.title")} titleTestId="tasks-title">
        {canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() =>
              void navigate({ to: "/tasks/new", search: search.plan ? { plan: search.plan } : {} })
            }
            data-testid="tasks-new"
          >
            {t("tasks.newAction")}
          </Button>
        )}
      </PageHeader>
      <div className="members-search-row">
        <SearchInput
          value={search.q}
          onCommit={commitQuery}
          placeholder={t("tasks.list.searchPlaceholder")}
          testId="task-search"
        />
      </div>
      <TaskFilters
        search={search}
        onChange={update}
        knownOrgLabels={chosenOrg.data ? { [chosenOrg.data.id]: chosenOrg.data.name } : {}}
        knownPlan={
          planInList ? { id: planInList.id, label: planInList.symbol ?? planInList.subject } : undefined
        }
      />
      {list.isError && (
        <Alert
          type="error"
          showIcon
          title={errorText(list.error, t)}
          style={{ marginBottom: 12 }}
          data-testid="task-list-error"
        />
      )}
      <div className="muted" style={{ marginBottom: 8 }} data-testid="task-total" aria-live="polite">
        {list.data ? t("tasks.list.found", { n: formatNumber(total) }) : t("common.loading")}
      </div>
      <TaskTable
        items={items}
        loading={list.isFetching}
        emptyText={emptyText}
        pagination={{ current: page, total, onChange: changePage }}
      />
    </div>
  );
}

/** The tasks as a table (the list page, a plan's tab, a task's children). */
export function TaskTable({
  items,
  loading,
  emptyText,
  pagination,
  testId = "task-table",
  parentTitle,
}: {
  items: TaskSummary[];
  loading: boolean;
  emptyText: string;
  pagination?: { current: number; total: number; onChange: (page: number) => void };
  testId?: string;
  /** The children of a task with this title: each is named by its lead unit first. */
  parentTitle?: string;
}) {
  const { t } = useTranslation();
  const isDesktop = Grid.useBreakpoint().md ?? true;
  if (!isDesktop)
    return (
      <div data-testid={testId} aria-busy={loading}>
        {items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
        ) : (
          <div style={{ display: "grid", gap: 8, gridTemplateColumns: "minmax(0, 1fr)" }}>
            {items.map((task) => (
              <TaskCard key={task.id} task={task} parentTitle={parentTitle} />
            ))}
          </div>
        )}
        {pagination && pagination.total > TASKS_PAGE_SIZE && (
          <Pagination
            style={{ marginTop: 12 }}
            size="small"
            simple
            current={pagination.current}
            pageSize={TASKS_PAGE_SIZE}
            total={pagination.total}
            onChange={pagination.onChange}
          />
        )}
      </div>
    );
  return (
    <Table<TaskSummary>
      data-testid={testId}
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      locale={{ emptyText }}
      onRow={() => ({ "data-testid": "task-row" }) as React.HTMLAttributes<HTMLElement>}
      pagination={
        pagination
          ? {
              current: pagination.current,
              pageSize: TASKS_PAGE_SIZE,
              total: pagination.total,
              showSizeChanger: false,
              onChange: pagination.onChange,
              size: "small",
            }
          : false
      }
      columns={[
        ...(parentTitle !== undefined
          ? [
              {
                title: t("tasks.fields.lead"),
                key: "unit",
                render: (_: unknown, task: TaskSummary) => {
                  const sub = childSubLine(task, parentTitle);
                  return (
                    <div>
                      <TaskTitle task={task} label={unitOf(task)} />
                      {sub && <div className="muted member-row-sub">{sub}</div>}
                    </div>
                  );
                },
              },
            ]
          : [
              {
                title: t("tasks.fields.title"),
                key: "title",
                render: (_: unknown, task: TaskSummary) => (
                  <div>
                    <TaskTitle task={task} />
                    {task.plan && (
                      <div className="muted member-row-sub">{task.plan.symbol ?? task.plan.subject}</div>
                    )}
                  </div>
                ),
              },
              {
                title: t("tasks.fields.lead"),
                key: "lead",
                width: 220,
                responsive: ["lg" as const],
                render: (_: unknown, task: TaskSummary) => (
                  <div>
                    <div>{task.leadOrg?.name ?? task.ownerOrg.name}</div>
                    {task.responsible && <div className="muted member-row-sub">{task.responsible}</div>}
                  </div>
                ),
              },
            ]),
        {
          title: t("tasks.fields.dueDate"),
          key: "due",
          width: 140,
          render: (_, task) => (
            <div>
              <div>{formatDate(task.dueDate) || t(`tasks.schedule.${task.schedule}`)}</div>
              <DueText task={task} />
            </div>
          ),
        },
        {
          title: t("tasks.fields.status"),
          key: "status",
          width: 160,
          render: (_, task) => <TaskStatusTag status={task.status} />,
        },
        {
          title: t("tasks.fields.progress"),
          key: "progress",
          width: 150,
          render: (_, task) => <TaskProgress task={task} />,
        },
      ]}
    />
  );
}
