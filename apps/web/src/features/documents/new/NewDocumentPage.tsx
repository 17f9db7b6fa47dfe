// Registering a document: (1) upload its file — the server reads the text, proposes the header and
// finds references — or enter it by hand; (2) confirm or correct the proposed header, the holding
// organisation and the recipients; (3) choose which references to keep and how they relate. Creating
// it opens the new document's page. Going back to the first step keeps the upload and the corrected
// header; replacing them is a separate, confirmed action, and leaving the page with them asks first.
import { type DocumentUpload, documentRoutes, type ProposedHeader } from "@namro/contracts";
import { Link, useBlocker, useNavigate } from "@tanstack/react-router";
import { Alert, App, Button, Card, Collapse, Form, Grid, Modal, Popconfirm, Space, Steps } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCurrentScope } from "../../../app/scope.ts";
import { ApiError, apiCall } from "../../../lib/api.ts";
import { formatNumber, fromIsoDate } from "../../../lib/dates.ts";
import { OrgPicker } from "../../../ui/OrgPicker.tsx";
import { PageHeader } from "../../../ui/PageHeader.tsx";
import { hasPermission, useMe } from "../../auth/session.ts";
import { useDocumentTypes } from "../../document-reference-data/reference-data-queries.ts";
import { useOrg } from "../../organisations/org-queries.ts";
import {
  DOCUMENT_FIELD_NAMES,
  DocumentFormFields,
  type DocumentFormValues,
  documentFieldsOf,
} from "../DocumentFormFields.tsx";
import { showDocumentErrors } from "../document-form-errors.ts";
import { useDocumentSaved } from "../document-queries.ts";
import { ChooseFileStep } from "./ChooseFileStep.tsx";
import { type ChosenRelation, ReferencesStep } from "./ReferencesStep.tsx";
import { initialChoices, isOwnNumber, type ReferenceChoice } from "./reference-choices.ts";

type HeaderValues = DocumentFormValues & { ownerOrgId?: number | undefined };

const HEADER_FIELDS = [...DOCUMENT_FIELD_NAMES, "ownerOrgId"];
const STEPS = ["file", "header", "references"] as const;

function proposedValues(upload: DocumentUpload | null): Partial<HeaderValues> {
  const proposed = upload?.proposed;
  return {
    typeId: proposed?.typeId ?? undefined,
    number: proposed?.number ?? null,
    issuerCodes: proposed?.issuerCodes ?? [],
    place: proposed?.place ?? null,
    issuedOn: proposed?.issuedOn ? fromIsoDate(proposed.issuedOn) : null,
    subject: proposed?.subject ?? undefined,
    signer: proposed?.signer ?? null,
    status: "in_force",
    confidentiality: "normal",
    recipientOrgIds: [],
  };
}

export function NewDocumentPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const saved = useDocumentSaved();
  const scope = useCurrentScope();
  const isDesktop = Grid.useBreakpoint().md ?? true;
  const [form] = Form.useForm<HeaderValues>();
  const [step, setStep] = useState(0);
  /** Whether the header step has been started (from a file or by hand); its form stays mounted from then on. */
  const [started, setStarted] = useState(false);
  /** Set once the document is created, so opening its page is not taken for leaving unsaved work. */
  const created = useRef(false);
  const [upload, setUpload] = useState<DocumentUpload | null>(null);
  const [choices, setChoices] = useState<ReferenceChoice[]>([]);
  const [chosen, setChosen] = useState<ChosenRelation[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const defaultOwner = scope ?? me?.roles[0]?.orgId;
  const ownerOrg = useOrg(defaultOwner);
  const types = useDocumentTypes();
  const confirmedTypeId = Form.useWatch("typeId", form);
  const confirmedNumber = Form.useWatch("number", form);
  const confirmedIssuers = Form.useWatch("issuerCodes", form);
  /** The header as the person confirmed it: the document's own number is recognised by it, not by the proposal. */
  const confirmedHeader: ProposedHeader | null = upload?.proposed
    ? {
        ...upload.proposed,
        typeId: confirmedTypeId ?? null,
        typeAbbreviation: types.data?.items.find((type) => type.id === confirmedTypeId)?.abbreviation ?? null,
        number: confirmedNumber?.trim() || null,
        issuerCodes: confirmedIssuers ?? [],
      }
    : null;

  const hasUnsavedWork = () => !created.current && started && (upload !== null || form.isFieldsTouched());
  const blocker = useBlocker({
    shouldBlockFn: hasUnsavedWork,
    enableBeforeUnload: hasUnsavedWork,
    withResolver: true,
  });

  if (!hasPermission(me, "document.manage"))
    return <Alert type="warning" showIcon title={t("errors.forbidden")} />;

  const startHeader = (next: DocumentUpload | null) => {
    setUpload(next);
    setChoices(initialChoices(next?.references ?? [], next?.proposed ?? null));
    setChosen([]);
    setError(null);
    form.resetFields();
    form.setFieldsValue({ ...proposedValues(next), ownerOrgId: defaultOwner });
    setStarted(true);
    setStep(1);
  };

  /** Drops the upload and the header typed so far, to start again from another file. */
  const startOver = () => {
    setStarted(false);
    setUpload(null);
    setChoices([]);
    setChosen([]);
    setError(null);
    form.resetFields();
  };

  const create = async () => {
    setError(null);
    let values: HeaderValues;
    try {
      values = await form.validateFields();
    } catch {
      setStep(1);
      return;
    }
    setCreating(true);
    try {
      const detail = await apiCall(documentRoutes.createDocument, {
        body: {
          ...documentFieldsOf(values),
          ownerOrgId: values.ownerOrgId ?? 0,
          uploadId: upload?.uploadId ?? null,
          relations: [
            ...choices.flatMap((choice, referenceIndex) =>
              choice.keep ? [{ kind: choice.kind, referenceIndex }] : [],
            ),
            ...chosen.map((relation) => ({ kind: relation.kind, toDocumentId: relation.document.id })),
          ],
        },
      });
      created.current = true;
      await saved(detail);
      message.success(t("documents.create.created"));
      void navigate({ to: "/documents/$id", params: { id: String(detail.id) } });
    } catch (caught) {
      const headerProblem =
        caught instanceof ApiError &&
        (caught.issues.some((issue) => !issue.path.startsWith("body.relations")) ||
          /^DOCUMENT_(NUMBER|TYPE|ISSUER|TERM|DATE|ORG)/.test(caught.code) ||
          caught.code === "ORG_NOT_FOUND");
      if (headerProblem) setStep(1);
      setError(showDocumentErrors(form, caught, HEADER_FIELDS, t));
    } finally {
      setCreating(false);
    }
  };

  const goToReferences = async () => {
    try {
      await form.validateFields();
      // A reference that the corrected header shows to be the document's own number is not kept.
      setChoices((current) =>
        current.map((choice, index) => {
          const reference = upload?.references[index];
          return reference && isOwnNumber(reference, confirmedHeader) ? { ...choice, keep: false } : choice;
        }),
      );
      setStep(2);
    } catch {
      // The form shows what is missing.
    }
  };

  return (
    <div>
      <PageHeader title={t("documents.create.title")} titleTestId="document-new-title">
        <Link to="/documents" data-testid="document-new-back-to-list">
          <Button>{t("documents.page.backToList")}</Button>
        </Link>
      </PageHeader>
      <Card size="small" style={{ marginBottom: 12 }}>
        {isDesktop ? (
          <Steps
            size="small"
            current={step}
            data-testid="document-new-steps"
            items={STEPS.map((key) => ({ title: t(`documents.create.steps.${key}`) }))}
          />
        ) : (
          <div data-testid="document-new-steps">
            {t("documents.create.stepOf", {
              n: step + 1,
              total: STEPS.length,
              title: t(`documents.create.steps.${STEPS[step] ?? "file"}`),
            })}
          </div>
        )}
      </Card>
      {step === 0 && !started && (
        <Card size="small">
          <ChooseFileStep onUploaded={startHeader} onManual={() => startHeader(null)} />
        </Card>
      )}
      {step === 0 && started && (
        <Card size="small" data-testid="document-started">
          <p style={{ marginTop: 0 }}>
            {upload
              ? t("documents.create.startedFromFile", { file: upload.fileName })
              : t("documents.create.startedByHand")}
          </p>
          <Space wrap>
            <Button type="primary" onClick={() => setStep(1)} data-testid="document-continue-header">
              {t("documents.create.continueHeader")}
            </Button>
            <Popconfirm
              title={t("documents.create.startOverConfirm")}
              okText={t("documents.create.startOver")}
              cancelText={t("common.cancel")}
              onConfirm={startOver}
            >
              <Button danger data-testid="document-start-over">
                {t("documents.create.startOver")}
              </Button>
            </Popconfirm>
          </Space>
        </Card>
      )}
      {/* The header form stays mounted once started: going back keeps the corrections, and errors from
          the create call land on its fields. */}
      {started && (
        <Card size="small" hidden={step !== 1} data-testid="document-header-step">
          {upload && (
            <div style={{ marginBottom: 16 }}>
              <div className="muted" data-testid="document-upload-summary">
                {t("documents.create.fromFile", {
                  file: upload.fileName,
                  n: formatNumber(upload.textLength),
                })}
              </div>
              {upload.notes.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginTop: 8 }}
                  data-testid="document-upload-notes"
                  title={t("documents.create.notes")}
                  description={
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {upload.notes.map((note) => (
                        <li key={note}>{note}</li>
                      ))}
                    </ul>
                  }
                />
              )}
              {upload.textPreview && (
                <Collapse
                  size="small"
                  style={{ marginTop: 8 }}
                  items={[
                    {
                      key: "preview",
                      label: t("documents.create.preview"),
                      children: (
                        <div
                          className="document-text document-text-preview"
                          data-testid="document-upload-preview"
                        >
                          {upload.textPreview}
                        </div>
                      ),
                    },
                  ]}
                />
              )}
            </div>
          )}
          <p className="muted" style={{ marginTop: 0 }}>
            {upload ? t("documents.create.confirmHeader") : t("documents.create.enterHeader")}
          </p>
          <Form<HeaderValues> form={form} layout="vertical" onValuesChange={() => setError(null)}>
            <Form.Item
              name="ownerOrgId"
              label={t("documents.fields.owner")}
              extra={t("documents.create.ownerHint")}
              rules={[{ required: true, message: t("common.required") }]}
            >
              <OrgPicker
                testId="document-form-owner"
                ariaLabel={t("documents.fields.owner")}
                knownLabels={ownerOrg.data ? { [ownerOrg.data.id]: ownerOrg.data.name } : {}}
                style={{ width: "100%", maxWidth: 480 }}
              />
            </Form.Item>
            <DocumentFormFields
              form={form}
              knownOrgLabels={ownerOrg.data ? { [ownerOrg.data.id]: ownerOrg.data.name } : {}}
              canSetConfidential={hasPermission(me, "document.confidential")}
            />
          </Form>
          {error && step === 1 && (
            <Alert type="error" showIcon role="alert" title={error} data-testid="document-create-error" />
          )}
          <Space wrap style={{ marginTop: 16 }}>
            <Button onClick={() => setStep(0)} data-testid="document-header-back">
              {t("documents.create.back")}
            </Button>
            <Button type="primary" onClick={() => void goToReferences()} data-testid="document-header-next">
              {t("documents.create.next")}
            </Button>
          </Space>
        </Card>
      )}
      <Modal
        open={blocker.status === "blocked"}
        title={t("documents.create.leaveTitle")}
        okText={t("documents.create.leave")}
        okButtonProps={{ danger: true }}
        cancelText={t("documents.create.stay")}
        onOk={() => blocker.proceed?.()}
        onCancel={() => blocker.reset?.()}
      >
        {t("documents.create.leaveExplain")}
      </Modal>
      {step === 2 && (
        <Card size="small">
          <ReferencesStep
            references={upload?.references ?? []}
            header={confirmedHeader}
            choices={choices}
            onChoicesChange={setChoices}
            chosen={chosen}
            onChosenChange={setChosen}
          />
          {error && (
            <Alert
              type="error"
              showIcon
              role="alert"
              style={{ marginTop: 12 }}
              title={error}
              data-testid="document-create-error"
            />
          )}
          <Space wrap style={{ marginTop: 16 }}>
            <Button onClick={() => setStep(1)} data-testid="document-references-back">
              {t("documents.create.back")}
            </Button>
            <Button
              type="primary"
              loading={creating}
              onClick={() => void create()}
              data-testid="document-create"
            >
              {t("documents.create.submit")}
            </Button>
          </Space>
        </Card>
      )}
    </div>
  );
}
