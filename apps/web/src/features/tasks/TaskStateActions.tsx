// Pausing, cancelling (each with a reason, after a confirmation) and resuming a task — and with it the
// tasks under it, which the confirmation counts.
import { PauseCircleOutlined, PlayCircleOutlined, StopOutlined } from "@ant-design/icons";
import { TASK_ROUTES, type TaskDetail } from "@namro/contracts";
import { Alert, App, Button, Form, Input, Modal } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall, isApiError } from "../../lib/api.ts";
import { applyFieldErrors, errorText } from "../../lib/errors.ts";
import { useTaskSaved } from "./task-queries.ts";

type Target = "paused" | "cancelled" | "active";

export function TaskStateActions({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<Target | null>(null);
  if (!task.canEdit) return null;
  return (
    <>
      {task.state === "active" ? (
        <>
          <Button icon={<PauseCircleOutlined />} onClick={() => setTarget("paused")} data-testid="task-pause">
            {t("tasks.state.pause")}
          </Button>
          <Button
            danger
            icon={<StopOutlined />}
            onClick={() => setTarget("cancelled")}
            data-testid="task-cancel"
          >
            {t("tasks.state.cancel")}
          </Button>
        </>
      ) : (
        <Button icon={<PlayCircleOutlined />} onClick={() => setTarget("active")} data-testid="task-resume">
          {t("tasks.state.resume")}
        </Button>
      )}
      <StateDialog task={task} target={target} onClose={() => setTarget(null)} />
    </>
  );
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
      cancelText={t("common.cancel")}
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
