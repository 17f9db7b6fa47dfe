// "Việc cần làm": the first thing on the dashboard for someone who reports — what they must do now
// (late and due reports, overdue tasks, reports returned to them, tasks newly given to them), in words
// with the count, each task a link to it. Nothing to do is said too, so the card is never a puzzle.
import { TASK_TODO_GROUPS, type TaskTodo, type TaskTodoGroupKey, type TaskTodoItem } from "@namro/contracts";
import { Link } from "@tanstack/react-router";
import { Alert, Card, Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatDate, formatNumber } from "../../lib/dates.ts";
import { errorText } from "../../lib/errors.ts";
import { CardHeading } from "../document-coverage/CoverageGroups.tsx";
import { periodLabel } from "../tasks/reports/period-label.ts";
import { STATUS_COLORS } from "./rollup-figures.ts";
import { useTaskTodo } from "./rollup-queries.ts";

/** Groups whose tasks open on their reports tab. */
const ON_REPORTS: ReadonlySet<TaskTodoGroupKey> = new Set(["reportLate", "reportDue", "returned"]);
const URGENT: ReadonlySet<TaskTodoGroupKey> = new Set(["reportLate", "overdue", "returned"]);

function ItemLine({ item, group }: { item: TaskTodoItem; group: TaskTodoGroupKey }) {
  const { t } = useTranslation();
  const details = [
    item.orgName,
    item.periodKey ? t(periodLabel(item.periodKey).key, periodLabel(item.periodKey).values) : null,
    item.dueDate ? t("taskDashboard.tasks.due", { date: formatDate(item.dueDate) }) : null,
  ].filter((part): part is string => part !== null);
  return (
    <li style={{ marginBottom: 4 }} data-testid="task-todo-item">
      <Link
        to="/tasks/$id"
        params={{ id: String(item.taskId) }}
        search={ON_REPORTS.has(group) ? { tab: "reports" } : {}}
        className="touch-link"
      >
        {item.title}
      </Link>
      <div className="org-path">{details.join(" · ")}</div>
      {item.reason && (
        <div className="org-path">{t("taskDashboard.todo.reason", { reason: item.reason })}</div>
      )}
    </li>
  );
}

function allLink(group: TaskTodoGroupKey) {
  if (group === "reportLate" || group === "overdue")
    return { to: "/tasks" as const, search: { status: "overdue" as const } };
  if (group === "assigned") return { to: "/tasks" as const, search: { order: "recent" as const } };
  return null;
}

export function TodoList({ todo }: { todo: TaskTodo }) {
  const { t } = useTranslation();
  const groups = TASK_TODO_GROUPS.filter((key) => todo[key].total > 0);
  if (groups.length === 0)
    return (
      <Typography.Text type="secondary" data-testid="task-todo-none">
        {t("taskDashboard.todo.none")}
      </Typography.Text>
    );
  return (
    <>
      {groups.map((key) => {
        const group = todo[key];
        const all = group.total > group.items.length ? allLink(key) : null;
        return (
          <section key={key} data-testid="task-todo-group" data-group={key} style={{ marginBottom: 12 }}>
            <Typography.Text
              strong
              style={URGENT.has(key) ? { color: STATUS_COLORS.overdue } : {}}
              data-testid="task-todo-heading"
            >
              {t(`taskDashboard.todo.groups.${key}`, { n: formatNumber(group.total) })}
            </Typography.Text>
            <ul style={{ margin: "4px 0 0", paddingInlineStart: 20 }}>
              {group.items.map((item) => (
                <ItemLine key={`${item.taskId}-${item.periodKey ?? ""}`} item={item} group={key} />
              ))}
            </ul>
            {all && (
              <Link {...all} className="touch-link" data-testid="task-todo-all">
                {t("taskDashboard.todo.all", { n: formatNumber(group.total) })}
              </Link>
            )}
          </section>
        );
      })}
    </>
  );
}

export function TodoCard() {
  const { t } = useTranslation();
  const todo = useTaskTodo();
  // Someone who reports for no unit and is named on nothing has nothing to do here: no card.
  if (todo.data && !todo.data.reportsForUnits && TASK_TODO_GROUPS.every((key) => todo.data[key].total === 0))
    return null;
  return (
    <Card
      size="small"
      title={<CardHeading>{t("taskDashboard.todo.title")}</CardHeading>}
      style={{ marginBottom: 12 }}
      data-testid="task-todo"
    >
      {todo.isError && !todo.data ? (
        <Alert type="error" showIcon title={errorText(todo.error, t)} />
      ) : !todo.data ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      ) : (
        <TodoList todo={todo.data} />
      )}
    </Card>
  );
}
