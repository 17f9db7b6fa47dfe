// Pausing, cancelling (each with a reason, after a confirmation) and resuming a task — and with it the
// tasks under it, which the confirmation counts.
import { PauseCircleOutlined, PlayCircleOutlined, StopOutlined } from "@ant-design/icons";
import { TASK_ROUTES, type TaskDetail } from "@namro/contracts";
import { Alert, App, Form, Input, Modal } from "antd";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall, isApiError } from "../../lib/api.ts";
import { applyFieldErrors, errorText } from "../../lib/errors.ts";
import { useTaskSaved } from "./task-queries.ts";

type Target = "paused" | "cancelled" | "active";

export interface TaskAction {
  key: string;
  label: string;
  icon: ReactNode;
  danger?: boolean;
  testId: string;
  onClick: () => void;
}

/** A finished task is not paused, cancelled or given further down; it can still be edited. */
export function isTaskFinished(task: Pick<TaskDetail, "status">): boolean {
  return task.status === "done_on_time" || task.status === "done_late";
}

/**
 * Pause and cancel (an active, unfinished task) or resume (a paused or cancelled one), as actions the
 * page shows as buttons or, on a phone, as menu items; `dialog` asks for the reason and confirms.
 */
export function useTaskStateActions(task: TaskDetail): { actions: TaskAction[]; dialog: ReactNode } {
  const { t } = useTranslation();
  const [target, setTarget] = useState<Target | null>(null);
  const dialog = task.canEdit ? (
    <StateDialog task={task} target={target} onClose={() => setTarget(null)} />
  ) : null;
  if (!task.canEdit) return { actions: [], dialog };
  if (task.state !== "active")
    return {
      actions: [
        {
          key: "resume",
          label: t("tasks.state.resume"),
          icon: <PlayCircleOutlined />,
          testId: "task-resume",
          onClick: () => setTarget("active"),
        },
      ],
      dialog,
    };
  if (isTaskFinished(task)) return { actions: [], dialog };
  return {
    actions: [
      {
        key: "pause",
        label: t("tasks.state.pause"),
        icon: <PauseCircleOutlined />,
        testId: "task-pause",
        onClick: () => setTarget("paused"),
      },
      {
        key: "cancel",
        label: t("tasks.state.cancel"),
        icon: <StopOutlined />,
        danger: true,
        testId: "task-cancel",
        onClick: () => setTarget("cancelled"),
      },
    ],
    dialog,
  };
}

function StateDialog({
  task,
  target,
  onClose,
}: {
  task: TaskDetail;
  target: Target | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const saved = useTaskSaved();
  const [form] = Form.useForm<{ reason?: string }>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const needsReason = target === "paused" || target === "cancelled";

  const submit = async ({ reason }: { reason?: string }) => {
    if (!target) return;
    setSaving(true);
    setError(null);
    try {
      const detail = await apiCall(TASK_ROUTES.changeState, {
        params: { id: task.id },
        body: { version: task.version, state: target, reason: needsReason ? (reason?.trim() ?? null) : null },
      });
      await saved(detail);
      message.success(t(`tasks.state.done.${target}`));
      form.resetFields();
      onClose();
    } catch (caught) {
      if (isApiError(caught, "TASK_VERSION_CONFLICT")) await saved(null);
      const leftover = applyFieldErrors(form, caught, ["reason"]);
      setError([errorText(caught, t), ...leftover].join(" "));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={target ? t(`tasks.state.confirm.${target}`) : undefined}
      okButtonProps={{
        danger: target === "cancelled",
        ...({ "data-testid": "task-state-ok" } as Record<string, string>),
      }}
      cancelText={t("common.close")}
      confirmLoading={saving}
      title={target ? t(`tasks.state.title.${target}`) : undefined}
      destroyOnHidden
      data-testid="task-state-dialog"
    >
      <p>{target ? t(`tasks.state.explain.${target}`, { title: task.title }) : null}</p>
      {/* The state carries to the tasks under it (the API's tasks.state.ts): say so before it happens. */}
      {target && task.childCount > 0 ? (
        <Alert
          type={target === "cancelled" ? "warning" : "info"}
          showIcon
          title={t(`tasks.state.subtree.${target}`, { count: task.childCount })}
          data-testid="task-state-subtree"
        />
      ) : null}
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        {needsReason && (
          <Form.Item
            name="reason"
            label={t("tasks.state.reason")}
            rules={[{ required: true, whitespace: true, message: t("tasks.state.reasonRequired") }]}
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="task-state-reason" />
          </Form.Item>
        )}
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" data-testid="task-state-error" />}
    </Modal>
  );
}
