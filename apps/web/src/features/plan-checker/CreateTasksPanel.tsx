// "Tạo nhiệm vụ": the chosen tasks created at once in a registered plan (KH, CTr, ĐA) of the assigning
// organisation — or a link to register the plan first, in a new tab so the check is kept. Problems the
// server finds in a task are shown on that task; the created tasks are listed with links.
import { PlusOutlined } from "@ant-design/icons";
import { PLAN_CHECK_ROUTES, type PlanCheckCreated } from "@namro/contracts";
import { Alert, Button, Card, Col, Popconfirm, Row, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, apiCall } from "../../lib/api.ts";
import { errorText } from "../../lib/errors.ts";
import { OrgPicker } from "../../ui/OrgPicker.tsx";
import { DocumentPicker } from "../documents/DocumentPicker.tsx";
import { createInputOf, type PlanTaskDraft, taskIssueOf } from "./plan-drafts.ts";

interface Props {
  drafts: readonly PlanTaskDraft[];
  defaultOwner: { id: number; name: string } | null;
  /** The plan the check came from (its page's "Kiểm tra kế hoạch"). */
  defaultPlan: { id: number; label: string } | null;
  /** Problems per task index of the check (empty when none). */
  onProblems: (byTask: Map<number, string[]>) => void;
  onCreated: (created: PlanCheckCreated) => void;
}

export function CreateTasksPanel({ drafts, defaultOwner, defaultPlan, onProblems, onCreated }: Props) {
  const { t } = useTranslation();
  const [ownerOrgId, setOwnerOrgId] = useState<number | undefined>(defaultOwner?.id);
  const [planId, setPlanId] = useState<number | undefined>(defaultPlan?.id);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { tasks, indices } = createInputOf(drafts);
  const untitled = tasks.some((task) => task.title === "");
  const ready = ownerOrgId !== undefined && planId !== undefined && tasks.length > 0 && !untitled;

  const create = async () => {
    if (!ready) return;
    setSaving(true);
    setError(null);
    onProblems(new Map());
    try {
      onCreated(
        await apiCall(PLAN_CHECK_ROUTES.createTasks, { body: { ownerOrgId, planDocumentId: planId, tasks } }),
      );
    } catch (caught) {
      const byTask = new Map<number, string[]>();
      const general: string[] = [];
      for (const issue of caught instanceof ApiError ? caught.issues : []) {
        const at = taskIssueOf(issue.path);
        const index = at ? indices[at.sent] : undefined;
        if (index === undefined) general.push(issue.message);
        else byTask.set(index, [...(byTask.get(index) ?? []), issue.message]);
      }
      onProblems(byTask);
      const summary = errorText(caught, t);
      setError(
        [
          summary,
          ...general.filter((m) => m !== summary),
          byTask.size > 0 ? t("planChecker.create.seeTasks") : "",
        ]
          .filter(Boolean)
          .join(" "),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t("planChecker.create.title")} data-testid="plan-create" style={{ marginTop: 16 }}>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <label htmlFor="plan-create-owner" style={{ display: "block", fontWeight: 500, marginBottom: 4 }}>
            {t("planChecker.create.owner")}
          </label>
          <OrgPicker
            id="plan-create-owner"
            testId="plan-create-owner"
            ariaLabel={t("planChecker.create.owner")}
            value={ownerOrgId}
            {...(defaultOwner ? { knownLabels: { [defaultOwner.id]: defaultOwner.name } } : {})}
            style={{ width: "100%", marginBottom: 12 }}
            onChange={(value) => setOwnerOrgId(value)}
          />
        </Col>
        <Col xs={24} md={12}>
          <label htmlFor="plan-create-plan" style={{ display: "block", fontWeight: 500, marginBottom: 4 }}>
            {t("planChecker.create.plan")}
          </label>
          <DocumentPicker
            plansOnly
            id="plan-create-plan"
            testId="plan-create-plan"
            ariaLabel={t("planChecker.create.plan")}
            value={planId}
            {...(defaultPlan ? { knownLabel: defaultPlan } : {})}
            onChange={(id) => setPlanId(id)}
          />
          <div className="muted" style={{ fontSize: 13, marginTop: 4 }}>
            {t("planChecker.create.planHelp")}{" "}
            <a href="/documents/new" target="_blank" rel="noopener" data-testid="plan-create-register">
              {t("planChecker.create.register")}
            </a>
          </div>
        </Col>
      </Row>
      {untitled && (
        <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t("planChecker.create.untitled")} />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 12 }}
          title={error}
          data-testid="plan-create-error"
        />
      )}
      <Popconfirm
        title={t("planChecker.create.confirm", { n: tasks.length })}
        okText={t("planChecker.create.submit")}
        cancelText={t("common.cancel")}
        onConfirm={() => void create()}
        disabled={!ready}
      >
        <Button
          type="primary"
          icon={<PlusOutlined />}
          style={{ marginTop: 16 }}
          disabled={!ready}
          loading={saving}
          data-testid="plan-create-submit"
        >
          {t("planChecker.create.submitCount", { n: tasks.length })}
        </Button>
      </Popconfirm>
    </Card>
  );
}

export function CreatedTasks({ created }: { created: PlanCheckCreated }) {
  const { t } = useTranslation();
  const lacking = created.tasks.filter((task) => task.missingClears.length > 0).length;
  return (
    <Card data-testid="plan-created" style={{ marginTop: 16 }}>
      <Alert
        type="success"
        showIcon
        title={t("planChecker.created.title", { n: created.tasks.length })}
        description={lacking > 0 ? t("planChecker.created.lacking", { n: lacking }) : undefined}
      />
      <ol style={{ marginTop: 12, paddingLeft: 20 }}>
        {created.tasks.map((task) => (
          <li key={task.id} style={{ marginBottom: 6 }} data-testid="plan-created-task">
            <a href={`/tasks/${task.id}`}>{task.title}</a>{" "}
            {task.missingClears.length > 0 && <Tag color="warning">{t("planChecker.task.lacking")}</Tag>}
          </li>
        ))}
      </ol>
    </Card>
  );
}
