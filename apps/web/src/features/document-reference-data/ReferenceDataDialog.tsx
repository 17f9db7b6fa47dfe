// The add/edit dialog every reference data table uses: resets to the row's values when it opens,
// saves through the given call, shows the server's issues at their fields, refreshes the reference
// data and the register (documents show type and issuer names) and closes. Each table supplies only its fields and its save call.
import { EditOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import type { FormInstance } from "antd";
import { Alert, App, Button, Form, Modal } from "antd";
import type { TFunction } from "i18next";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { applyFieldErrors, errorText } from "../../lib/errors.ts";
import { DOCUMENTS_KEY } from "../documents/document-queries.ts";
import { REFERENCE_DATA_KEY } from "./reference-data-queries.ts";

interface Props<V> {
  open: boolean;
  title: string;
  testId: string;
  form: FormInstance<V>;
  /** Fields the server may point an issue at. */
  fieldNames: readonly string[];
  /** Defaults of a new row. */
  initialValues?: Partial<V>;
  /** The row's values when editing; null when adding. */
  values: Partial<V> | null;
  save: (values: V) => Promise<unknown>;
  onClose: () => void;
  children: ReactNode;
}

export function ReferenceDataDialog<V extends object>({
  open,
  title,
  testId,
  form,
  fieldNames,
  initialValues,
  values,
  save,
  onClose,
  children,
}: Props<V>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // Only when it opens: a refetch of the table must not wipe what is being typed.
  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (values) form.setFieldsValue(values as Parameters<FormInstance<V>["setFieldsValue"]>[0]);
  }, [open]);

  const submit = async (submitted: V) => {
    setSaving(true);
    setError(null);
    try {
      await save(submitted);
      message.success(t("common.saved"));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: REFERENCE_DATA_KEY }),
        queryClient.invalidateQueries({ queryKey: DOCUMENTS_KEY }),
      ]);
      onClose();
    } catch (caught) {
      const leftover = applyFieldErrors(form, caught, fieldNames);
      setError([errorText(caught, t), ...leftover].join(" "));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      title={title}
      destroyOnHidden
      data-testid={testId}
    >
      <Form<V>
        form={form}
        layout="vertical"
        {...(initialValues ? { initialValues } : {})}
        onFinish={(submitted) => void submit(submitted)}
        onValuesChange={() => setError(null)}
      >
        {children}
        {error && <Alert type="error" showIcon role="alert" title={error} />}
      </Form>
    </Modal>
  );
}

/** The last column of a reference data table: edit this row. */
export function editColumn<T>(t: TFunction, onEdit: (row: T) => void, nameOf: (row: T) => string) {
  return {
    title: "",
    key: "edit",
    width: 110,
    render: (_: unknown, row: T) => (
      <Button
        size="small"
        icon={<EditOutlined />}
        onClick={() => onEdit(row)}
        aria-label={t("documentReferenceData.editAria", { name: nameOf(row) })}
      >
        {t("documentReferenceData.edit")}
      </Button>
    ),
  };
}
