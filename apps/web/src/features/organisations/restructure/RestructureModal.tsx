// The frame every restructuring form shares: effective date (today by default, never in the future),
// decision reference and reason; confirmation for destructive changes; server errors at their fields.
import { useQueryClient } from "@tanstack/react-query";
import type { FormInstance } from "antd";
import { Alert, App, Button, DatePicker, Form, Input, Modal } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../lib/api.ts";
import { DATE_FORMAT, isAfterToday, toIsoDate } from "../../../lib/dates.ts";
import { applyFieldErrors, errorText } from "../../../lib/errors.ts";

export interface BasisValues {
  effectiveDate: Dayjs;
  decisionRef?: string;
  reason?: string;
}

export interface Basis {
  effectiveDate: string;
  decisionRef?: string;
  reason?: string;
}

export function toBasis(values: BasisValues): Basis {
  const basis: Basis = { effectiveDate: toIsoDate(values.effectiveDate) };
  const decisionRef = values.decisionRef?.trim();
  const reason = values.reason?.trim();
  if (decisionRef) basis.decisionRef = decisionRef;
  if (reason) basis.reason = reason;
  return basis;
}

const BASIS_FIELDS = ["effectiveDate", "decisionRef", "reason"] as const;

interface Props<V extends BasisValues> {
  open: boolean;
  onClose: () => void;
  title: string;
  testId: string;
  form: FormInstance<V>;
  /** Top-level form fields that server issues may point at (besides the basis fields). */
  fieldNames: readonly string[];
  /** Server issue field → form field, e.g. newParentId → parent. */
  renameFields?: Record<string, string>;
  initialValues?: Partial<V>;
  children: ReactNode;
  okText: string;
  danger?: boolean;
  /** Text of the confirmation that names the organisations affected; none → no confirmation. */
  confirmText?: (values: V) => ReactNode;
  submit: (values: V, basis: Basis) => Promise<unknown>;
  successText: string;
  onDone?: () => void;
}

export function RestructureModal<V extends BasisValues>(props: Props<V>) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [stale, setStale] = useState(false);
  const { open, form } = props;

  useEffect(() => {
    if (open) {
      setErrors([]);
      setStale(false);
      form.resetFields();
    }
  }, [open, form]);

  const run = async (values: V) => {
    setSaving(true);
    setErrors([]);
    setStale(false);
    try {
      await props.submit(values, toBasis(values));
      message.success(props.successText);
      await queryClient.invalidateQueries({ queryKey: ["organisations"] });
      props.onClose();
      props.onDone?.();
    } catch (caught) {
      if (isApiError(caught, "CONFLICT_STALE_VERSION")) setStale(true);
      const leftover = applyFieldErrors(
        form,
        caught,
        [...BASIS_FIELDS, ...props.fieldNames],
        props.renameFields,
      );
      const hasFieldIssues = isApiError(caught) && caught.issues.length > leftover.length;
      setErrors(hasFieldIssues && leftover.length === 0 ? [] : [errorText(caught, t), ...leftover]);
    } finally {
      setSaving(false);
    }
  };

  const onFinish = (values: V) => {
    const confirmText = props.confirmText?.(values);
    if (!confirmText) {
      void run(values);
      return;
    }
    modal.confirm({
      title: t("restructure.confirmTitle"),
      content: <div data-testid="restructure-confirm-text">{confirmText}</div>,
      okText: props.okText,
      okButtonProps: { danger: true, "data-testid": "restructure-confirm-ok" },
      cancelText: t("common.cancel"),
      onOk: () => run(values),
    });
  };

  return (
    <Modal
      open={open}
      title={props.title}
      onCancel={props.onClose}
      destroyOnHidden
      width={640}
      modalRender={(node) => <div data-testid={props.testId}>{node}</div>}
      footer={[
        <Button key="cancel" onClick={props.onClose}>
          {t("common.cancel")}
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger={props.danger ?? false}
          loading={saving}
          onClick={() => form.submit()}
          data-testid="restructure-submit"
        >
          {props.okText}
        </Button>,
      ]}
    >
      <Form<V>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ effectiveDate: dayjs(), ...props.initialValues } as never}
        scrollToFirstError
      >
        {props.children}
        <Form.Item
          name="effectiveDate"
          label={t("restructure.effectiveDate")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            disabledDate={isAfterToday}
            allowClear={false}
            data-testid="restructure-effective-date"
          />
        </Form.Item>
        <Form.Item
          name="decisionRef"
          label={t("restructure.decisionRef")}
          extra={t("restructure.decisionRefHint")}
        >
          <Input maxLength={200} data-testid="restructure-decision-ref" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("restructure.reason")}
          dependencies={["decisionRef"]}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                value?.trim() || String(getFieldValue("decisionRef") ?? "").trim()
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("restructure.basisRequired"))),
            }),
          ]}
        >
          <Input.TextArea rows={2} maxLength={2000} data-testid="restructure-reason" />
        </Form.Item>
        {errors.length > 0 && (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="restructure-error"
            title={errors[0]}
            description={errors.length > 1 ? errors.slice(1).join(" ") : undefined}
            action={
              stale ? (
                <Button size="small" onClick={() => window.location.reload()}>
                  {t("common.reload")}
                </Button>
              ) : undefined
            }
          />
        )}
      </Form>
    </Modal>
  );
}
