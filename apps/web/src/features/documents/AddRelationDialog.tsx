// Relating this document to another one the person chooses: what this document does to it
// (implements, replaces, amends, guides, refers to).
import { type DocumentRelationKind, documentRoutes } from "@namro/contracts";
import { Alert, App, Form, Modal, Select } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall } from "../../lib/api.ts";
import { applyFieldErrors, errorText } from "../../lib/errors.ts";
import { DocumentPicker } from "./DocumentPicker.tsx";
import { relationKindOptions } from "./document-labels.ts";
import { useDocumentSaved } from "./document-queries.ts";

interface Values {
  kind: DocumentRelationKind;
  toDocumentId?: number;
}

export function AddRelationDialog({
  documentId,
  open,
  onClose,
}: {
  documentId: number;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const saved = useDocumentSaved();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setError(null);
  }, [open, form]);

  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      const detail = await apiCall(documentRoutes.addDocumentRelation, {
        params: { id: documentId },
        body: { kind: values.kind, toDocumentId: values.toDocumentId ?? 0 },
      });
      await saved(detail);
      message.success(t("documents.relations.added"));
      onClose();
    } catch (caught) {
      const leftover = applyFieldErrors(form, caught, ["kind", "toDocumentId"]);
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
      okText={t("documents.relations.add")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      title={t("documents.relations.addTitle")}
      destroyOnHidden
      data-testid="relation-dialog"
      okButtonProps={{ "data-testid": "relation-dialog-ok" } as Record<string, string>}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: "implements" }}
        onFinish={(values) => void submit(values)}
        onValuesChange={() => setError(null)}
      >
        <Form.Item name="kind" label={t("documents.relations.kind")} rules={[{ required: true }]}>
          <Select options={relationKindOptions(t)} data-testid="relation-kind" />
        </Form.Item>
        <Form.Item
          name="toDocumentId"
          label={t("documents.relations.target")}
          rules={[{ required: true, message: t("documents.relations.chooseDocument") }]}
        >
          <DocumentPicker excludeIds={[documentId]} testId="relation-target" />
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" title={error} data-testid="relation-error" />}
      </Form>
    </Modal>
  );
}
