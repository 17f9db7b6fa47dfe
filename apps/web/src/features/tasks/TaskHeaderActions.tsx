// What can be done with a task, at the top of its page. The progress report comes first for whoever
// reports (it opens the reports tab). On a phone only the main actions stay as buttons; adding a
// subtask, pausing, cancelling and resuming go into a "Thêm" menu so the first screen shows the task.
// A finished task is not given further down, paused or cancelled; it can still be edited.
import { DownOutlined, EditOutlined, FormOutlined, PlusOutlined, ShareAltOutlined } from "@ant-design/icons";
import type { TaskDetail } from "@namro/contracts";
import { useNavigate } from "@tanstack/react-router";
import { Button, Dropdown, Grid, Space } from "antd";
import { useTranslation } from "react-i18next";
import { isTaskFinished, type TaskAction, useTaskStateActions } from "./TaskStateActions.tsx";

interface Props {
  task: TaskDetail;
  onEdit: () => void;
  onCascade: () => void;
  onReport: () => void;
}

export function TaskHeaderActions({ task, onEdit, onCascade, onReport }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = !Grid.useBreakpoint().md;
  const state = useTaskStateActions(task);
  const mayCascade = task.canCascade && !isTaskFinished(task);

  const split: TaskAction[] = mayCascade
    ? [
        {
          key: "split",
          label: t("tasks.page.split"),
          icon: <PlusOutlined />,
          testId: "task-split",
          onClick: () => void navigate({ to: "/tasks/new", search: { parent: task.id } }),
        },
      ]
    : [];
  const secondary = [...split, ...state.actions];

  return (
    <>
      <Space wrap>
        {task.canReport && (
          <Button type="primary" icon={<FormOutlined />} onClick={onReport} data-testid="task-report-open">
            {t("tasks.page.report")}
          </Button>
        )}
        {task.canEdit && (
          <Button icon={<EditOutlined />} onClick={onEdit} data-testid="task-edit">
            {t("tasks.page.edit")}
          </Button>
        )}
        {mayCascade && (
          <Button
            type={task.canReport ? "default" : "primary"}
            icon={<ShareAltOutlined />}
            onClick={onCascade}
            data-testid="task-cascade"
          >
            {t("tasks.cascade.action")}
          </Button>
        )}
        {phone && secondary.length > 0 ? (
          <Dropdown
            trigger={["click"]}
            menu={{
              items: secondary.map((action) => ({
                key: action.key,
                label: action.label,
                icon: action.icon,
                danger: action.danger ?? false,
                "data-testid": action.testId,
              })),
              onClick: ({ key }) => secondary.find((action) => action.key === key)?.onClick(),
            }}
          >
            <Button data-testid="task-more">
              {t("tasks.page.more")} <DownOutlined />
            </Button>
          </Dropdown>
        ) : (
          secondary.map((action) => (
            <Button
              key={action.key}
              icon={action.icon}
              danger={action.danger ?? false}
              onClick={action.onClick}
              data-testid={action.testId}
            >
              {action.label}
            </Button>
          ))
        )}
      </Space>
      {state.dialog}
    </>
  );
}
