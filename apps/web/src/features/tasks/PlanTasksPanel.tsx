// A plan's "Nhiệm vụ" tab on its document page: the plan's tasks, a button to add one prefilled with
// the plan, and how the plan's progress is computed from its tasks (chosen by who may edit the plan).
import { PlusOutlined } from "@ant-design/icons";
import { type DocumentDetail, type ProgressFormulaValue, TASK_ROUTES } from "@namro/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { Alert, App, Button, Card, Radio, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall, isApiError } from "../../lib/api.ts";
import { formatNumber } from "../../lib/dates.ts";
import { errorText } from "../../lib/errors.ts";
import { hasPermission, useMe } from "../auth/session.ts";
import { TaskTable } from "./TasksPage.tsx";
import { TASKS_KEY, usePlanSettings, useTaskList } from "./task-queries.ts";

const FORMULAS: ProgressFormulaValue[] = ["average", "weighted", "status"];

function FormulaSetting({ documentId }: { documentId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { modal } = App.useApp();
  const settings = usePlanSettings(documentId);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The formula picked but not saved yet: a tap or an arrow key only selects; saving asks first.
  const [picked, setPicked] = useState<ProgressFormulaValue | null>(null);
  if (!settings.data) return null;
  const current = settings.data;
  const selected = picked ?? current.progressFormula;
  const changed = selected !== current.progressFormula;

  const confirmSave = () => {
    modal.confirm({
      title: t("tasks.plan.formulaConfirmTitle"),
      content: t("tasks.plan.formulaConfirm", {
        from: t(`tasks.plan.formulas.${current.progressFormula}`),
        to: t(`tasks.plan.formulas.${selected}`),
      }),
      okText: t("tasks.plan.formulaSave"),
      cancelText: t("tasks.dialog.back"),
      okButtonProps: { "data-testid": "plan-formula-confirm" } as Record<string, string>,
      onOk: () => choose(selected),
    });
  };

  const choose = async (progressFormula: ProgressFormulaValue) => {
    setSaving(true);
    setError(null);
    try {
      const next = await apiCall(TASK_ROUTES.updatePlanSettings, {
        params: { documentId },
        body: { progressFormula, version: current.version },
      });
      queryClient.setQueryData([...TASKS_KEY, "plan-settings", documentId], next);
      setPicked(null);
      // Roll-ups of the plan read the formula.
      await queryClient.invalidateQueries({
        predicate: (query) => typeof query.queryKey[0] === "string" && query.queryKey[0].startsWith("task-"),
      });
      message.success(t("common.saved"));
    } catch (caught) {
      if (isApiError(caught, "TASK_PLAN_VERSION_CONFLICT")) await settings.refetch();
      setError(errorText(caught, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      size="small"
      title={t("tasks.plan.formula")}
      style={{ marginBottom: 12 }}
      data-testid="plan-formula"
    >
      {current.canEdit ? (
        <>
          <Radio.Group
            value={selected}
            disabled={saving}
            onChange={(event) => {
              setError(null);
              setPicked(event.target.value as ProgressFormulaValue);
            }}
            data-testid="plan-formula-choice"
            style={{ display: "flex", flexDirection: "column", gap: 4 }}
            options={FORMULAS.map((formula) => ({
              value: formula,
              label: (
                <span>
                  <strong>{t(`tasks.plan.formulas.${formula}`)}</strong>
                  <span className="muted"> — {t(`tasks.plan.formulaHelp.${formula}`)}</span>
                </span>
              ),
            }))}
          />
          {changed && (
            <Space wrap style={{ marginTop: 8 }}>
              <Button type="primary" loading={saving} onClick={confirmSave} data-testid="plan-formula-save">
                {t("tasks.plan.formulaSave")}
              </Button>
              <Button onClick={() => setPicked(null)} disabled={saving} data-testid="plan-formula-revert">
                {t("tasks.plan.formulaKeep")}
              </Button>
            </Space>
          )}
        </>
      ) : (
        <span>
          <strong>{t(`tasks.plan.formulas.${current.progressFormula}`)}</strong>
          <span className="muted"> — {t(`tasks.plan.formulaHelp.${current.progressFormula}`)}</span>
        </span>
      )}
      {error && <Alert style={{ marginTop: 8 }} type="error" showIcon title={error} role="alert" />}
    </Card>
  );
}

export function PlanTasksPanel({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const list = useTaskList({ plan: document.id, ...(page > 1 ? { page } : {}) });
  const total = list.data?.total ?? 0;
  const missing = useTaskList({ plan: document.id, missing: true }, true, 1);
  return (
    <div data-testid="plan-tasks">
      <FormulaSetting documentId={document.id} />
      <Space wrap style={{ marginBottom: 12, justifyContent: "space-between", width: "100%" }}>
        <span className="muted" data-testid="plan-tasks-total">
          {list.data ? t("tasks.list.found", { n: formatNumber(total) }) : t("common.loading")}
          {missing.data && missing.data.total > 0
            ? ` · ${t("tasks.plan.missingCount", { n: formatNumber(missing.data.total) })}`
            : ""}
        </span>
        <Space wrap>
          <Button
            onClick={() => void navigate({ to: "/tasks", search: { plan: document.id } })}
            data-testid="plan-tasks-open-list"
          >
            {t("tasks.plan.openList")}
          </Button>
          {hasPermission(me, "task.manage") && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate({ to: "/tasks/new", search: { plan: document.id } })}
              data-testid="plan-task-add"
            >
              {t("tasks.plan.add")}
            </Button>
          )}
        </Space>
      </Space>
      {list.isError && (
        <Alert type="error" showIcon title={errorText(list.error, t)} style={{ marginBottom: 12 }} />
      )}
      <TaskTable
        items={list.data?.items ?? []}
        loading={list.isFetching}
        emptyText={list.isPending ? t("common.loading") : t("tasks.plan.empty")}
        pagination={{ current: page, total, onChange: setPage }}
        testId="plan-task-table"
      />
    </div>
  );
}
