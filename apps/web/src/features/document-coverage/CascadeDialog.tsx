// Requiring subordinate organisations to make a document concrete: named organisations (chosen with
// the organisation picker), or every organisation of some types under a root ("tất cả Đảng ủy
// xã/phường trực thuộc Tỉnh ủy …"), by a deadline, with a note. The same dialog changes the deadline
// and note of an existing requirement (its organisations stay as they were set).
import { type DocumentCascade, type DocumentDetail, documentCascadeRoutes } from "@namro/contracts";
import { Alert, App, DatePicker, Form, Input, Modal, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, apiCall, isApiError } from "../../lib/api.ts";
import { DATE_FORMAT, formatNumber, fromIsoDate, toIsoDate } from "../../lib/dates.ts";
import { applyFieldErrors, errorText } from "../../lib/errors.ts";
import { CascadeSelectionFields } from "../../ui/CascadeSelectionFields.tsx";
import {
  type CascadeChoice,
  formFieldOfIssue,
  isChoiceComplete,
  selectionOf,
} from "../../ui/cascade-selection.ts";
import { useCascadePreview, useCascadesChanged } from "./coverage-queries.ts";

interface Values extends CascadeChoice {
  deadline?: Dayjs;
  note?: string;
}

const FIELD_NAMES = ["orgIds", "rootOrgId", "typeCodes", "deadline", "note"] as const;

interface Props {
  document: Pick<DocumentDetail, "id" | "ownerOrgId" | "ownerOrgName">;
  /** The requirement to change, as the query has it now (its version is fresh after a conflict); null to create one. */
  cascade: DocumentCascade | null;
  open: boolean;
  onClose: () => void;
}

/** How many organisations the selection addresses now, asked of the server as the person chooses. */
function PreviewNote({ preview }: { preview: ReturnType<typeof useCascadePreview> }) {
  const { t } = useTranslation();
  if (preview.isError)
    return (
      <Alert
        type="warning"
        showIcon
        title={errorText(preview.error, t)}
        data-testid="cascade-preview"
        style={{ marginBottom: 12 }}
      />
    );
  if (!preview.data)
    return (
      <Alert
        type="info"
        showIcon
        title={t("common.loading")}
        data-testid="cascade-preview-loading"
        style={{ marginBottom: 12 }}
      />
    );
  return (
    <Alert
      type={preview.data.targets === 0 ? "warning" : "info"}
      showIcon
      title={
        preview.data.targets === 0
          ? t("documentCoverage.dialog.previewNone", { who: preview.data.selectionLabel })
          : t("documentCoverage.dialog.preview", {
              n: formatNumber(preview.data.targets),
              who: preview.data.selectionLabel,
            })
      }
      data-testid="cascade-preview"
      style={{ marginBottom: 12 }}
    />
  );
}

export function CascadeDialog({ document, cascade, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const changed = useCascadesChanged();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const editing = cascade !== null;

  const mode = Form.useWatch("mode", form) ?? "types";
  const orgIds = Form.useWatch("orgIds", form) ?? [];
  const typeCodes = Form.useWatch("typeCodes", form) ?? [];

  // Only when the dialog opens (or turns to another requirement): a refetched requirement after a
  // conflict must not wipe what the person typed nor the conflict's message.
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setError(null);
    if (cascade) {
      form.setFieldsValue({ deadline: fromIsoDate(cascade.deadline), note: cascade.note ?? "" });
    }
  }, [open, form, cascade?.id]);

  const rootOrgId = Form.useWatch("rootOrgId", form);
  // Asked of the server only once the choice is complete.
  const choice: CascadeChoice = { mode, orgIds, typeCodes, ...(rootOrgId ? { rootOrgId } : {}) };
  const selection = !editing && isChoiceComplete(choice) ? selectionOf(choice) : null;
  const preview = useCascadePreview(document.id, open ? selection : null);

  const submit = async (values: Values) => {
    if (!values.deadline) return;
    setSaving(true);
    setError(null);
    try {
      const note = values.note?.trim() ? values.note.trim() : null;
      if (cascade) {
        await apiCall(documentCascadeRoutes.updateDocumentCascade, {
          params: { id: cascade.id },
          body: { version: cascade.version, deadline: toIsoDate(values.deadline), note },
        });
        message.success(t("documentCoverage.dialog.updated"));
      } else {
        const created = await apiCall(documentCascadeRoutes.createDocumentCascade, {
          params: { id: document.id },
          body: { deadline: toIsoDate(values.deadline), selection: selectionOf(values), note },
        });
        message.success(t("documentCoverage.dialog.created", { n: formatNumber(created.totals.targets) }));
      }
      await changed();
      onClose();
    } catch (caught) {
      // Someone else changed it first: refetch it, so saving again goes over their version.
      if (isApiError(caught, "DOCUMENT_CASCADE_VERSION_CONFLICT")) await changed();
      const leftover = isApiError(caught)
        ? applyFieldErrors(
            form,
            new ApiError(
              caught.status,
              caught.code,
              caught.message,
              caught.issues.map((item) => ({ ...item, path: formFieldOfIssue(item.path) })),
            ),
            FIELD_NAMES,
          )
        : [];
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
      okText={editing ? t("common.save") : t("documentCoverage.dialog.create")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      title={editing ? t("documentCoverage.dialog.editTitle") : t("documentCoverage.dialog.createTitle")}
      destroyOnHidden
      data-testid="cascade-dialog"
      okButtonProps={{ "data-testid": "cascade-dialog-ok" } as Record<string, string>}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ mode: "types", rootOrgId: document.ownerOrgId, typeCodes: [] }}
        onFinish={(values) => void submit(values)}
        onValuesChange={() => setError(null)}
      >
        {editing ? (
          <Typography.Paragraph data-testid="cascade-dialog-selection">
            {t("documentCoverage.dialog.addressed", { who: cascade.selectionLabel })}
          </Typography.Paragraph>
        ) : (
          <CascadeSelectionFields
            mode={mode}
            owner={{ id: document.ownerOrgId, name: document.ownerOrgName }}
            whoLabel={t("documentCoverage.dialog.who")}
          />
        )}
        <Form.Item
          name="deadline"
          label={t("documentCoverage.dialog.deadline")}
          rules={[{ required: true, message: t("documentCoverage.dialog.deadlineRequired") }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: "100%" }}
            data-testid="cascade-deadline"
            placeholder={t("documentCoverage.dialog.deadlinePlaceholder")}
          />
        </Form.Item>
        <Form.Item name="note" label={t("documentCoverage.dialog.note")}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="cascade-note" />
        </Form.Item>
        {selection && <PreviewNote preview={preview} />}
        {error && <Alert type="error" showIcon title={error} data-testid="cascade-dialog-error" />}
      </Form>
    </Modal>
  );
}
