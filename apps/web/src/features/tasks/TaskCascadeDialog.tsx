// "Giao cho cấp dưới": assign the task to subordinate organisations at once — picked, or every
// organisation of some types under a root — each getting its own child task. A numeric target can be
// divided equally or per unit (a live sum that must equal the target). The server previews who the
// choice reaches, and the share each gets, before anything is created.
import { TASK_ROUTES, type TaskDetail } from "@namro/contracts";
import { useQuery } from "@tanstack/react-query";
import { Alert, App, DatePicker, Form, InputNumber, Modal, Radio, Table } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall, isApiError } from "../../lib/api.ts";
import { DATE_FORMAT, formatNumber, fromIsoDate, toIsoDate } from "../../lib/dates.ts";
import { applyFieldErrors, errorText } from "../../lib/errors.ts";
import { CascadeSelectionFields } from "../../ui/CascadeSelectionFields.tsx";
import { type CascadeChoice, isChoiceComplete, selectionOf } from "../../ui/cascade-selection.ts";
import { checkDivision, type DivisionMode, divisionOf } from "./task-cascade.ts";
import { TASKS_KEY, useTaskSaved } from "./task-queries.ts";

interface Values extends CascadeChoice {
  division: DivisionMode;
  dueDate?: Dayjs | null;
}

interface Props {
  task: TaskDetail;
  open: boolean;
  onClose: () => void;
}

function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [key, delayMs]);
  return debounced;
}

export function TaskCascadeDialog({ task, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const saved = useTaskSaved();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [parts, setParts] = useState<Record<number, number | null>>({});
  const root = task.leadOrg ?? task.ownerOrg;
  const hasTarget = task.targetValue !== null;

  const mode = Form.useWatch("mode", form) ?? "types";
  const orgIds = Form.useWatch("orgIds", form) ?? [];
  const typeCodes = Form.useWatch("typeCodes", form) ?? [];
  const rootOrgId = Form.useWatch("rootOrgId", form);
  const divisionMode: DivisionMode = Form.useWatch("division", form) ?? (hasTarget ? "equal" : "none");

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setParts({});
    setError(null);
  }, [open, form]);

  const choice: CascadeChoice = { mode, orgIds, typeCodes, ...(rootOrgId ? { rootOrgId } : {}) };
  const selection = useDebouncedValue(open && isChoiceComplete(choice) ? selectionOf(choice) : null, 300);
  // The preview divides equally when there is a target: its shares prefill the parts typed per unit.
  const previewDivision = hasTarget ? ({ mode: "equal" } as const) : ({ mode: "none" } as const);
  const preview = useQuery({
    queryKey: [...TASKS_KEY, "cascade-preview", task.id, selection, previewDivision.mode],
    queryFn: () =>
      apiCall(TASK_ROUTES.previewCascade, {
        params: { id: task.id },
        body: {
          version: task.version,
          selection: selection ?? { kind: "orgs", orgIds: [] },
          division: previewDivision,
        },
      }),
    enabled: selection !== null,
    retry: false,
  });
  const previewOrgs = selection ? (preview.data?.orgs ?? []) : [];
  const previewIds = previewOrgs.map((org) => org.id);
  const check = hasTarget ? checkDivision(task.targetValue ?? 0, previewIds, parts) : null;

  // Explicit parts start from the equal shares; what was typed for an organisation stays.
  useEffect(() => {
    if (divisionMode !== "explicit" || !preview.data) return;
    setParts((previous) => {
      const next: Record<number, number | null> = {};
      for (const org of preview.data.orgs)
        next[org.id] = org.id in previous ? (previous[org.id] ?? null) : org.targetValue;
      return next;
    });
  }, [divisionMode, preview.data]);

  const blocked =
    previewOrgs.length === 0 || (divisionMode === "explicit" && !(check?.ok ?? false)) || preview.isFetching;

  const submit = async (values: Values) => {
    if (!isChoiceComplete(values)) return;
    setSaving(true);
    setError(null);
    try {
      const result = await apiCall(TASK_ROUTES.cascade, {
        params: { id: task.id },
        body: {
          version: task.version,
          selection: selectionOf(values),
          division: divisionOf({ mode: values.division, parts }, previewIds),
          dueDate: values.dueDate ? toIsoDate(values.dueDate) : null,
        },
      });
      await saved(null);
      message.success(
        result.skipped > 0
          ? t("tasks.cascade.createdSkipped", {
              n: formatNumber(result.created),
              skipped: formatNumber(result.skipped),
            })
          : t("tasks.cascade.created", { n: formatNumber(result.created) }),
      );
      onClose();
    } catch (caught) {
      if (isApiError(caught, "TASK_VERSION_CONFLICT")) await saved(null);
      // A due date refused (before the start, after the task's own) is shown under the date too.
      applyFieldErrors(form, caught, ["dueDate"]);
      setError(errorText(caught, t));
    } finally {
      setSaving(false);
    }
  };

  const unit = task.targetUnit ? ` ${task.targetUnit}` : "";

  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={
        previewOrgs.length > 0
          ? t("tasks.cascade.submitCount", { n: formatNumber(previewOrgs.length) })
          : t("tasks.cascade.submit")
      }
      okButtonProps={{
        disabled: blocked,
        ...({ "data-testid": "task-cascade-ok" } as Record<string, string>),
      }}
      cancelText={t("common.close")}
      confirmLoading={saving}
      title={t("tasks.cascade.title")}
      width={720}
      destroyOnHidden
      data-testid="task-cascade-dialog"
    >
      <p className="muted" style={{ marginTop: 0 }}>
        {t("tasks.cascade.intro", { title: task.title })}
      </p>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          mode: "types",
          rootOrgId: root.id,
          typeCodes: [],
          division: hasTarget ? "equal" : "none",
          dueDate: task.dueDate ? fromIsoDate(task.dueDate) : null,
        }}
        onFinish={(values) => void submit(values)}
        onValuesChange={() => setError(null)}
      >
        <CascadeSelectionFields mode={mode} owner={root} whoLabel={t("tasks.cascade.who")} />
        <Form.Item name="dueDate" label={t("tasks.cascade.dueDate")} extra={t("tasks.cascade.dueDateHelp")}>
          <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} data-testid="task-cascade-due" />
        </Form.Item>
        {hasTarget && (
          <Form.Item
            name="division"
            label={t("tasks.cascade.division", { target: `${formatNumber(task.targetValue ?? 0)}${unit}` })}
          >
            <Radio.Group
              data-testid="task-cascade-division"
              options={[
                { value: "equal", label: t("tasks.cascade.divisionEqual") },
                { value: "explicit", label: t("tasks.cascade.divisionExplicit") },
                { value: "none", label: t("tasks.cascade.divisionNone") },
              ]}
            />
          </Form.Item>
        )}
      </Form>
      {selection && preview.isError && (
        <Alert
          type="warning"
          showIcon
          title={errorText(preview.error, t)}
          data-testid="task-cascade-preview"
        />
      )}
      {selection && preview.data && (
        <>
          <Alert
            type={preview.data.orgs.length === 0 ? "warning" : "info"}
            showIcon
            style={{ marginBottom: 8 }}
            data-testid="task-cascade-preview"
            title={
              preview.data.orgs.length === 0
                ? t("tasks.cascade.previewNone")
                : t("tasks.cascade.preview", { n: formatNumber(preview.data.orgs.length) })
            }
            description={
              preview.data.alreadyAssigned > 0
                ? t("tasks.cascade.alreadyAssigned", { n: formatNumber(preview.data.alreadyAssigned) })
                : undefined
            }
          />
          {preview.data.orgs.length > 0 && (
            <Table
              size="small"
              rowKey="id"
              dataSource={preview.data.orgs}
              pagination={preview.data.orgs.length > 10 ? { pageSize: 10, size: "small" } : false}
              data-testid="task-cascade-orgs"
              columns={[
                { title: t("tasks.cascade.org"), dataIndex: "name" },
                ...(hasTarget && divisionMode !== "none"
                  ? [
                      {
                        title: t("tasks.cascade.part"),
                        key: "part",
                        width: 170,
                        render: (
                          _: unknown,
                          org: { id: number; name: string; targetValue: number | null },
                        ) =>
                          divisionMode === "explicit" ? (
                            <InputNumber<number>
                              min={0}
                              value={parts[org.id] ?? null}
                              onChange={(value) => setParts((previous) => ({ ...previous, [org.id]: value }))}
                              aria-label={t("tasks.cascade.partOf", { name: org.name })}
                              data-testid="task-cascade-part"
                              style={{ width: "100%" }}
                            />
                          ) : (
                            `${formatNumber(org.targetValue ?? 0)}${unit}`
                          ),
                      },
                    ]
                  : []),
              ]}
            />
          )}
          {check && divisionMode === "explicit" && previewOrgs.length > 0 && (
            <Alert
              style={{ marginTop: 8 }}
              type={check.ok ? "success" : "error"}
              showIcon
              aria-live="polite"
              data-testid="task-cascade-sum"
              title={t("tasks.cascade.sum", {
                sum: formatNumber(check.sum),
                target: formatNumber(task.targetValue ?? 0),
              })}
              description={
                check.ok
                  ? t("tasks.cascade.sumOk")
                  : check.unfilled > 0
                    ? t("tasks.cascade.sumUnfilled", { n: check.unfilled })
                    : check.difference > 0
                      ? t("tasks.cascade.sumOver", { n: formatNumber(check.difference) })
                      : t("tasks.cascade.sumUnder", { n: formatNumber(-check.difference) })
              }
            />
          )}
        </>
      )}
      {error && (
        <Alert
          style={{ marginTop: 8 }}
          type="error"
          showIcon
          title={error}
          role="alert"
          data-testid="task-cascade-error"
        />
      )}
    </Modal>
  );
}
