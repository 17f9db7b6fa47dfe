// Editing a task. Only the fields the person changed are sent, with the task's version; when someone
// else saved first (409 TASK_VERSION_CONFLICT) the form stays open, fields only the other person
// changed take their value, and fields both changed are listed side by side: keep mine or take theirs.

import { TASK_ROUTES, type TaskDetail } from "@namro/contracts";
import { Alert, App, Button, Col, Drawer, Form, Grid, Row, Space } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall, isApiError } from "../../lib/api.ts";
import { formatDate, formatNumber } from "../../lib/dates.ts";
import { changesOf, resolveConflict } from "../../lib/edit-changes.ts";
import { errorText } from "../../lib/errors.ts";
import { EditConflictAlert } from "../../ui/EditConflictAlert.tsx";
import { LiveClearsPanel } from "./ClearsList.tsx";
import { TaskFormFields } from "./TaskFormFields.tsx";
import {
  clearFieldsOf,
  formValuesOfTask,
  type TaskBody,
  type TaskFormValues,
  taskBodyOf,
} from "./task-form.ts";
import { showTaskErrors } from "./task-form-errors.ts";
import { useTaskSaved } from "./task-queries.ts";

interface Props {
  task: TaskDetail;
  open: boolean;
  onClose: () => void;
}

interface Difference {
  field: keyof TaskBody;
  mine: string;
  theirs: string;
}

function orgNames(task: TaskDetail): Record<number, string> {
  const names: Record<number, string> = { [task.ownerOrg.id]: task.ownerOrg.name };
  if (task.leadOrg) names[task.leadOrg.id] = task.leadOrg.name;
  for (const org of task.supportOrgs) names[org.id] = org.name;
  return names;
}

export function EditTaskDrawer({ task, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const saved = useTaskSaved();
  const [form] = Form.useForm<TaskFormValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [latest, setLatest] = useState<TaskDetail | null>(null);
  const [conflictRows, setConflictRows] = useState<Difference[]>([]);
  const base = useRef<{ version: number; body: TaskBody }>({
    version: task.version,
    body: taskBodyOf(formValuesOfTask(task)),
  });
  const conflictAlert = useRef<HTMLDivElement>(null);
  const values = Form.useWatch([], form) as TaskFormValues | undefined;

  // Only when the drawer opens: later refreshes of the task must not wipe what is being typed.
  useEffect(() => {
    if (!open) return;
    const initial = formValuesOfTask(task);
    form.resetFields();
    form.setFieldsValue(initial);
    base.current = { version: task.version, body: taskBodyOf(initial) };
    setError(null);
    setLatest(null);
    setConflictRows([]);
  }, [open]);

  useEffect(() => {
    const alert = conflictAlert.current;
    if (!latest || !alert) return;
    alert.closest(".ant-drawer-body")?.scrollTo({ top: 0 });
    alert.focus({ preventScroll: true });
  }, [latest]);

  const describe = (current: TaskDetail) => {
    const names = { ...orgNames(task), ...orgNames(current) };
    return (field: keyof TaskBody, value: TaskBody[keyof TaskBody]): string => {
      if (value === null || value === "" || (Array.isArray(value) && value.length === 0)) return "—";
      if (field === "milestones")
        return (value as TaskBody["milestones"])
          .map((row) => `${row.title} (${formatDate(row.dueDate)})`)
          .join("; ");
      if (field === "supportOrgIds") return (value as number[]).map((id) => names[id] ?? `#${id}`).join(", ");
      // Every other field holds a text or a number.
      const scalar = value as string | number;
      if (field === "startDate" || field === "dueDate") return formatDate(String(scalar));
      if (field === "schedule") return t(`tasks.schedule.${scalar}`);
      if (field === "reportFrequency") return t(`tasks.frequency.${scalar}`);
      if (field === "leadOrgId") return names[Number(scalar)] ?? `#${scalar}`;
      if (field === "planDocumentId")
        return current.plan?.id === scalar ? (current.plan.symbol ?? current.plan.subject) : `#${scalar}`;
      if (field === "responsibleAccountId")
        return current.responsibleAccount?.id === scalar
          ? current.responsibleAccount.displayName
          : `#${scalar}`;
      return typeof scalar === "number" ? formatNumber(scalar) : scalar;
    };
  };

  const mergeTheirs = (submitted: TaskFormValues, current: TaskDetail) => {
    const theirValues = formValuesOfTask(current);
    const mine = taskBodyOf(submitted);
    const theirs = taskBodyOf(theirValues);
    const { conflicting, takeTheirs } = resolveConflict(base.current.body, mine, theirs);
    form.setFields(
      takeTheirs.map((field) => ({
        name: field,
        value: theirValues[field as keyof TaskFormValues],
        errors: [],
      })),
    );
    const label = describe(current);
    setConflictRows(
      conflicting.map((field) => ({
        field,
        mine: label(field, mine[field]),
        theirs: label(field, theirs[field]),
      })),
    );
    base.current = { version: current.version, body: theirs };
    setLatest(current);
  };

  const submit = async (submitted: TaskFormValues) => {
    setSaving(true);
    setError(null);
    try {
      const changes = changesOf(base.current.body, taskBodyOf(submitted));
      if (Object.keys(changes).length === 0) {
        onClose();
        return;
      }
      const detail = await apiCall(TASK_ROUTES.update, {
        params: { id: task.id },
        body: { ...changes, version: base.current.version },
      });
      await saved(detail);
      message.success(t("common.saved"));
      onClose();
    } catch (caught) {
      if (isApiError(caught, "TASK_VERSION_CONFLICT")) {
        try {
          const current = await apiCall(TASK_ROUTES.get, { params: { id: task.id } });
          mergeTheirs(submitted, current);
          await saved(current);
        } catch (reload) {
          setError(errorText(reload, t));
        }
        return;
      }
      setError(showTaskErrors(form, caught, t));
    } finally {
      setSaving(false);
    }
  };

  const takeTheirs = (current: TaskDetail) => {
    const theirValues = formValuesOfTask(current);
    form.setFields(
      conflictRows.map(({ field }) => ({
        name: field,
        value: theirValues[field as keyof TaskFormValues],
        errors: [],
      })),
    );
    setConflictRows([]);
    setLatest(null);
  };

  const knownOrgLabels = { ...orgNames(task), ...(latest ? orgNames(latest) : {}) };
  const knownPlan = task.plan
    ? { id: task.plan.id, label: task.plan.symbol ?? task.plan.subject }
    : undefined;

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={screens.md ? 1000 : "100%"}
      title={t("tasks.form.editTitle")}
      data-testid="task-edit-drawer"
      destroyOnHidden
      footer={
        <Space wrap>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="task-edit-save">
            {latest ? t("tasks.form.saveMine") : t("common.save")}
          </Button>
          <Button onClick={onClose}>{t("common.close")}</Button>
        </Space>
      }
    >
      {latest && (
        <EditConflictAlert
          rows={conflictRows}
          text={(key) => t(`tasks.form.${key}`)}
          testIdPrefix="task-edit"
          fieldLabel={(field) => t(`tasks.fields.${FIELD_LABELS[field as keyof TaskBody]}`)}
          onTakeTheirs={() => takeTheirs(latest)}
          focusRef={conflictAlert}
        />
      )}
      <Form<TaskFormValues>
        form={form}
        layout="vertical"
        onFinish={(submitted) => void submit(submitted)}
        onFinishFailed={({ errorFields }) =>
          setError(t("tasks.form.invalidSummary", { n: errorFields.length }))
        }
        scrollToFirstError={{ block: "center", focus: true }}
        onValuesChange={() => setError(null)}
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={16}>
            <TaskFormFields
              form={form}
              creating={false}
              knownOrgLabels={knownOrgLabels}
              knownPlan={knownPlan}
              knownAccount={task.responsibleAccount}
              assigneeOrgIds={[task.ownerOrg.id, task.leadOrg?.id ?? null]}
            />
            {error && (
              <Alert type="error" showIcon title={error} role="alert" data-testid="task-edit-error" />
            )}
          </Col>
          <Col xs={24} lg={8}>
            <LiveClearsPanel ownerOrgId={task.ownerOrg.id} fields={clearFieldsOf(values ?? {})} />
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}

/** The label key (under tasks.fields) of each field of the body. */
const FIELD_LABELS: Record<keyof TaskBody, string> = {
  title: "title",
  description: "description",
  planDocumentId: "plan",
  leadOrgId: "lead",
  supportOrgIds: "support",
  responsibleAccountId: "responsibleAccount",
  responsibleName: "responsibleName",
  schedule: "schedule",
  startDate: "startDate",
  dueDate: "dueDate",
  reportFrequency: "reportFrequency",
  deliverable: "deliverable",
  targetValue: "targetValue",
  targetUnit: "targetUnit",
  weight: "weight",
  milestones: "milestones",
};
