// Creating a task: in a plan (the address may name it, from the plan's page), on its own, or split
// from a task. The clears are graded live beside the form; a task lacking one is still saved, marked
// "chưa đủ 5 rõ".
import { TASK_ROUTES } from "@namro/contracts";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { Alert, App, Breadcrumb, Button, Card, Col, Form, Row, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCurrentScope } from "../../app/scope.ts";
import { apiCall } from "../../lib/api.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { hasPermission, useMe } from "../auth/session.ts";
import { useDocument } from "../documents/document-queries.ts";
import { useDocumentNaming } from "../documents/document-symbol.ts";
import { useOrg } from "../organisations/org-queries.ts";
import { LiveClearsPanel } from "./ClearsList.tsx";
import { TaskFormFields } from "./TaskFormFields.tsx";
import { clearFieldsOf, type TaskFormValues, taskBodyOf } from "./task-form.ts";
import { showTaskErrors } from "./task-form-errors.ts";
import { useTask, useTaskSaved } from "./task-queries.ts";

export function NewTaskPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const search = useSearch({ from: "/shell/tasks/new" });
  const navigate = useNavigate();
  const saved = useTaskSaved();
  const scope = useCurrentScope();
  const plan = useDocument(search.plan);
  const parent = useTask(search.parent);
  const { nameOf } = useDocumentNaming();
  const defaultOwner =
    search.ownerOrgId ?? parent.data?.leadOrg?.id ?? plan.data?.ownerOrgId ?? scope ?? me?.roles[0]?.orgId;
  const owner = useOrg(defaultOwner);
  const [form] = Form.useForm<TaskFormValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [touched, setTouched] = useState(false);
  const values = Form.useWatch([], form) as TaskFormValues | undefined;

  const waiting = (search.plan && plan.isPending) || (search.parent && parent.isPending);
  if (!hasPermission(me, "task.manage"))
    return <Alert type="warning" showIcon title={t("errors.forbidden")} />;
  if (waiting) return null;

  const submit = async (submitted: TaskFormValues) => {
    setSaving(true);
    setError(null);
    try {
      const body = taskBodyOf(submitted);
      const created = await apiCall(TASK_ROUTES.create, {
        body: {
          ...body,
          ownerOrgId: submitted.ownerOrgId ?? 0,
          ...(search.parent ? { parentId: search.parent } : {}),
        },
      });
      await saved(created);
      message.success(t("tasks.form.created"));
      void navigate({ to: "/tasks/$id", params: { id: String(created.id) } });
    } catch (caught) {
      setError(showTaskErrors(form, caught, t));
    } finally {
      setSaving(false);
    }
  };

  const knownOrgLabels: Record<number, string> = {};
  if (owner.data) knownOrgLabels[owner.data.id] = owner.data.name;
  const knownPlan = plan.data ? { id: plan.data.id, label: nameOf(plan.data) } : undefined;

  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { key: "list", title: <Link to="/tasks">{t("tasks.title")}</Link> },
          { key: "self", title: <span aria-current="page">{t("tasks.form.newTitle")}</span> },
        ]}
      />
      <PageHeader title={t("tasks.form.newTitle")} titleTestId="task-new-title" />
      {parent.data && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("tasks.form.splitFrom", { title: parent.data.title })}
        />
      )}
      <Form<TaskFormValues>
        form={form}
        layout="vertical"
        initialValues={{
          ownerOrgId: defaultOwner,
          planDocumentId: search.plan ?? parent.data?.plan?.id ?? null,
          schedule: "once",
          weight: 1,
          milestones: [],
        }}
        onFinish={(submitted) => void submit(submitted)}
        onFinishFailed={({ errorFields }) => {
          setTouched(true);
          setError(t("tasks.form.invalidSummary", { n: errorFields.length }));
        }}
        // On a phone the first wrong field is often above the screen: bring it into view.
        scrollToFirstError={{ block: "center", focus: true }}
        onValuesChange={() => {
          setTouched(true);
          setError(null);
        }}
        data-testid="task-form"
      >
        <Row gutter={[16, 16]}>
          <Col xs={{ span: 24, order: 2 }} lg={{ span: 16, order: 1 }}>
            <Card size="small">
              <TaskFormFields form={form} creating knownOrgLabels={knownOrgLabels} knownPlan={knownPlan} />
              {error && (
                <Alert type="error" showIcon title={error} role="alert" data-testid="task-form-error" />
              )}
              <Space wrap style={{ marginTop: 12 }}>
                <Button
                  type="primary"
                  onClick={() => form.submit()}
                  loading={saving}
                  data-testid="task-form-save"
                >
                  {t("tasks.form.create")}
                </Button>
                <Button onClick={() => window.history.back()}>{t("tasks.dialog.back")}</Button>
              </Space>
            </Card>
          </Col>
          <Col xs={{ span: 24, order: 1 }} lg={{ span: 8, order: 2 }}>
            <div style={{ position: "sticky", top: 8 }}>
              <LiveClearsPanel
                ownerOrgId={values?.ownerOrgId ?? defaultOwner}
                fields={clearFieldsOf(values ?? {})}
                touched={touched}
              />
            </div>
          </Col>
        </Row>
      </Form>
    </div>
  );
}
