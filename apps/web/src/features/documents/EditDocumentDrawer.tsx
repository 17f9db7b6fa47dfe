// Editing a document's header, or completing a placeholder. Only the fields the person changed are
// sent, with the document's version; when someone else saved first (409 DOCUMENT_VERSION_CONFLICT) the
// form stays open, fields only the other person changed take their value, and for fields both changed
// the two values are shown side by side: keep mine (saved over the new version) or take theirs.

import { type DocumentDetail, documentRoutes } from "@namro/contracts";
import { Alert, App, Button, Drawer, Form, Grid, Space } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall, isApiError } from "../../lib/api.ts";
import { formatDate } from "../../lib/dates.ts";
import { changesOf, resolveConflict } from "../../lib/edit-changes.ts";
import { errorText } from "../../lib/errors.ts";
import { EditConflictAlert } from "../../ui/EditConflictAlert.tsx";
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

/** The API body of the form's values, recipients in a stable order so reordering is not a change. */
function bodyOf(values: DocumentFormValues): Body {
  const body = documentFieldsOf(values);
  return { ...body, recipientOrgIds: [...body.recipientOrgIds].sort((a, b) => a - b) };
}

interface Difference {
  field: keyof Body;
  mine: string;
  theirs: string;
}

/** What the form held when it opened (or the version it was last merged with): what edits are measured against. */
interface Base {
  version: number;
  body: Body;
}

function orgNames(detail: DocumentDetail): Map<number, string> {
  const names = new Map<number, string>();
  if (detail.issuingOrgId && detail.issuingOrgName) names.set(detail.issuingOrgId, detail.issuingOrgName);
  for (const recipient of detail.recipients) names.set(recipient.orgId, recipient.orgName);
  return names;
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
  /** Fields both people changed, each with my value and theirs, after a conflict. */
  const [conflictRows, setConflictRows] = useState<Difference[]>([]);
  const base = useRef<Base>({ version: document.version, body: bodyOf(formValuesOfDocument(document)) });
  const conflictAlert = useRef<HTMLDivElement>(null);

  // Only when the drawer opens: later refreshes of the document must not wipe what is being typed.
  useEffect(() => {
    if (open) {
      const values = formValuesOfDocument(document);
      form.resetFields();
      form.setFieldsValue(values);
      base.current = { version: document.version, body: bodyOf(values) };
      setError(null);
      setLatest(null);
      setConflictRows([]);
    }
  }, [open]);

  // On a phone the drawer stays scrolled at the field being edited: bring the conflict into view.
  useEffect(() => {
    const alert = conflictAlert.current;
    if (!latest || !alert) return;
    alert.closest(".ant-drawer-body")?.scrollTo({ top: 0 });
    alert.focus({ preventScroll: true });
  }, [latest]);

  const names = orgNames(latest ?? document);

  const submit = async (values: DocumentFormValues) => {
    setSaving(true);
    setError(null);
    try {
      const changes = changesOf(base.current.body, bodyOf(values));
      if (Object.keys(changes).length === 0) {
        onClose();
        return;
      }
      const detail = await apiCall(documentRoutes.updateDocument, {
        params: { id: document.id },
        body: { ...changes, version: base.current.version },
      });
      await saved(detail);
      message.success(t("common.saved"));
      onClose();
    } catch (caught) {
      if (isApiError(caught, "DOCUMENT_VERSION_CONFLICT")) {
        try {
          const current = await apiCall(documentRoutes.getDocument, { params: { id: document.id } });
          mergeTheirs(values, current);
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

  /**
   * After a conflict: fields only they changed take their value, fields only I changed keep mine, and
   * the fields we both changed are listed for a choice. Later edits are measured against their version.
   */
  const mergeTheirs = (values: DocumentFormValues, current: DocumentDetail) => {
    const theirValues = formValuesOfDocument(current);
    const mine = bodyOf(values);
    const theirs = bodyOf(theirValues);
    const { conflicting, takeTheirs } = resolveConflict(base.current.body, mine, theirs);
    form.setFields(takeTheirs.map((field) => ({ name: field, value: theirValues[field], errors: [] })));
    const labels = describer(current);
    setConflictRows(
      conflicting.map((field) => ({
        field,
        mine: labels(field, mine[field]),
        theirs: labels(field, theirs[field]),
      })),
    );
    base.current = { version: current.version, body: theirs };
    setLatest(current);
  };

  const takeTheirs = (current: DocumentDetail) => {
    const theirValues = formValuesOfDocument(current);
    form.setFields(conflictRows.map(({ field }) => ({ name: field, value: theirValues[field], errors: [] })));
    setConflictRows([]);
    setLatest(null);
  };

  const describer = (current: DocumentDetail) => {
    const known = new Map([...orgNames(document), ...orgNames(current)]);
    return (field: keyof Body, value: Body[keyof Body]): string => {
      if (value === null || value === "" || (Array.isArray(value) && value.length === 0)) return "—";
      if (field === "status") return t(`documents.status.${String(value)}`);
      if (field === "confidentiality") return t(`documents.confidentiality.${String(value)}`);
      if (field === "issuedOn") return formatDate(String(value));
      if (field === "issuingOrgId") return known.get(Number(value)) ?? `#${String(value)}`;
      if (field === "recipientOrgIds" && Array.isArray(value))
        return value.map((id) => known.get(Number(id)) ?? `#${id}`).join(", ");
      if (field === "typeId" && value === current.typeId) return current.typeName;
      if (field === "typeId" && value === document.typeId) return document.typeName;
      if (field === "termId" && value === current.termId) return current.termLabel ?? String(value);
      return Array.isArray(value) ? value.join("-") : String(value);
    };
  };

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
        <EditConflictAlert
          rows={conflictRows}
          text={(key) => t(`documents.edit.${key}`)}
          testIdPrefix="document-edit"
          fieldLabel={(field) => t(`documents.fields.${field}`)}
          onTakeTheirs={() => takeTheirs(latest)}
          focusRef={conflictAlert}
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
