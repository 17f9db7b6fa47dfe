// Editing a document's header, or completing a placeholder. The document's version travels with the
// change; when someone else saved first (409 DOCUMENT_VERSION_CONFLICT) the form stays open with what
// the person typed, the other person's values are shown beside it, and they choose: keep their own
// (saved over the new version) or take the other person's.
import { type DocumentDetail, documentRoutes } from "@namro/contracts";
import { Alert, App, Button, Drawer, Form, Grid, Space, Table } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall, isApiError } from "../../lib/api.ts";
import { formatDate } from "../../lib/dates.ts";
import { errorText } from "../../lib/errors.ts";
import { hasPermission, useMe } from "../auth/session.ts";
import {
  DOCUMENT_FIELD_NAMES,
  DocumentFormFields,
  type DocumentFormValues,
  documentFieldsOf,
  formValuesOfDocument,
} from "./DocumentFormFields.tsx";
import { showDocumentErrors } from "./document-form-errors.ts";
import { useDocumentSaved } from "./document-queries.ts";
import { useDocumentNaming } from "./document-symbol.ts";

interface Props {
  document: DocumentDetail;
  open: boolean;
  onClose: () => void;
}

type Body = ReturnType<typeof documentFieldsOf>;

interface Difference {
  field: keyof Body;
  mine: string;
  theirs: string;
}

function orgNames(detail: DocumentDetail): Map<number, string> {
  const names = new Map<number, string>();
  if (detail.issuingOrgId && detail.issuingOrgName) names.set(detail.issuingOrgId, detail.issuingOrgName);
  for (const recipient of detail.recipients) names.set(recipient.orgId, recipient.orgName);
  return names;
}

/** The fields where what the person typed differs from what is now saved, described for reading. */
function differences(
  mine: Body,
  theirs: Body,
  describe: (field: keyof Body, value: Body[keyof Body]) => string,
): Difference[] {
  const out: Difference[] = [];
  for (const field of Object.keys(mine) as (keyof Body)[]) {
    const a = describe(field, mine[field]);
    const b = describe(field, theirs[field]);
    if (a !== b) out.push({ field, mine: a, theirs: b });
  }
  return out;
}

export function EditDocumentDrawer({ document, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const screens = Grid.useBreakpoint();
  const saved = useDocumentSaved();
  const { nameOf } = useDocumentNaming();
  const [form] = Form.useForm<DocumentFormValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  /** The document as someone else saved it, when our save hit a version conflict. */
  const [latest, setLatest] = useState<DocumentDetail | null>(null);

  // Only when the drawer opens: later refreshes of the document must not wipe what is being typed.
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(formValuesOfDocument(document));
      setError(null);
      setLatest(null);
    }
  }, [open]);

  const baseVersion = latest?.version ?? document.version;
  const names = orgNames(latest ?? document);

  const submit = async (values: DocumentFormValues) => {
    setSaving(true);
    setError(null);
    try {
      const detail = await apiCall(documentRoutes.updateDocument, {
        params: { id: document.id },
        body: { ...documentFieldsOf(values), version: baseVersion },
      });
      await saved(detail);
      message.success(t("common.saved"));
      onClose();
    } catch (caught) {
      if (isApiError(caught, "DOCUMENT_VERSION_CONFLICT")) {
        try {
          const current = await apiCall(documentRoutes.getDocument, { params: { id: document.id } });
          setLatest(current);
          await saved(current);
        } catch (reload) {
          setError(errorText(reload, t));
        }
        return;
      }
      setError(showDocumentErrors(form, caught, DOCUMENT_FIELD_NAMES, t));
    } finally {
      setSaving(false);
    }
  };

  const describe = (field: keyof Body, value: Body[keyof Body]): string => {
    if (value === null || value === "" || (Array.isArray(value) && value.length === 0)) return "—";
    if (field === "status") return t(`documents.status.${String(value)}`);
    if (field === "confidentiality") return t(`documents.confidentiality.${String(value)}`);
    if (field === "issuedOn") return formatDate(String(value));
    if (field === "issuingOrgId") return names.get(Number(value)) ?? `#${String(value)}`;
    if (field === "recipientOrgIds" && Array.isArray(value))
      return value.map((id) => names.get(Number(id)) ?? `#${id}`).join(", ");
    if (field === "typeId" && latest && value === latest.typeId) return latest.typeName;
    if (field === "termId" && latest && value === latest.termId) return latest.termLabel ?? String(value);
    return Array.isArray(value) ? value.join("-") : String(value);
  };

  const conflictRows =
    latest === null
      ? []
      : differences(
          documentFieldsOf(form.getFieldsValue(true) as DocumentFormValues),
          documentFieldsOf(formValuesOfDocument(latest)),
          describe,
        );

  const knownOrgLabels = Object.fromEntries(names);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={screens.md ? 880 : "100%"}
      title={
        document.isPlaceholder
          ? t("documents.edit.completeTitle", { name: nameOf(document) })
          : t("documents.edit.title", { name: nameOf(document) })
      }
      data-testid="document-edit-drawer"
      destroyOnHidden
      footer={
        <Space wrap>
          <Button
            type="primary"
            loading={saving}
            onClick={() => form.submit()}
            data-testid="document-edit-save"
          >
            {latest ? t("documents.edit.saveMine") : t("common.save")}
          </Button>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
        </Space>
      }
    >
      {document.isPlaceholder && !latest && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t("documents.edit.completeExplain")}
          data-testid="document-edit-placeholder-note"
        />
      )}
      {latest && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          data-testid="document-edit-conflict"
          title={t("documents.edit.conflictTitle")}
          description={
            <div>
              <p style={{ marginTop: 0 }}>{t("documents.edit.conflictExplain")}</p>
              {conflictRows.length > 0 ? (
                <Table
                  size="small"
                  pagination={false}
                  rowKey="field"
                  dataSource={conflictRows}
                  scroll={{ x: "max-content" }}
                  columns={[
                    {
                      title: t("documents.edit.field"),
                      dataIndex: "field",
                      render: (field: string) => t(`documents.fields.${field}`),
                    },
                    { title: t("documents.edit.theirs"), dataIndex: "theirs" },
                    { title: t("documents.edit.mine"), dataIndex: "mine" },
                  ]}
                />
              ) : (
                <p>{t("documents.edit.conflictSame")}</p>
              )}
              <Space wrap style={{ marginTop: 8 }}>
                <Button
                  onClick={() => {
                    form.setFieldsValue(formValuesOfDocument(latest));
                    setLatest(null);
                  }}
                  data-testid="document-edit-take-theirs"
                >
                  {t("documents.edit.takeTheirs")}
                </Button>
              </Space>
            </div>
          }
        />
      )}
      <Form<DocumentFormValues>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        onValuesChange={() => setError(null)}
      >
        <DocumentFormFields
          form={form}
          knownOrgLabels={knownOrgLabels}
          canSetConfidential={hasPermission(me, "document.confidential")}
        />
        {error && (
          <Alert type="error" showIcon title={error} role="alert" data-testid="document-edit-error" />
        )}
      </Form>
    </Drawer>
  );
}
