// One document: its header (number, type, issuer, date, term, subject, signer, recipients, status,
// confidentiality), attachments, text with linked references, relations both ways and their graph.
// Tabs are one array (documentTabs) so another part of the register adds its own tab there; the tab
// shown is kept in the address.
import { EditOutlined, FileSearchOutlined, FileTextOutlined, LockOutlined } from "@ant-design/icons";
import type { DocumentDetail } from "@namro/contracts";
import { Link, useNavigate, useParams, useSearch } from "@tanstack/react-router";
import type { TabsProps } from "antd";
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Row, Space, Spin, Tabs } from "antd";
import type { TFunction } from "i18next";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, formatNumber } from "../../lib/dates.ts";
import { NotFoundResult } from "../../ui/NotFoundResult.tsx";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { hasPermission, useMe } from "../auth/session.ts";
import { CascadesPanel } from "../document-coverage/CascadesPanel.tsx";
import { useDocumentTypes, useIssuerName } from "../document-reference-data/reference-data-queries.ts";
import { PlanTasksPanel } from "../tasks/PlanTasksPanel.tsx";
import { AttachFileButton } from "./AttachFileButton.tsx";
import { DocumentFiles } from "./DocumentFiles.tsx";
import { DocumentGraphView } from "./DocumentGraphView.tsx";
import { DocumentRelations } from "./DocumentRelations.tsx";
import { DocumentTags } from "./DocumentTags.tsx";
import { DocumentTextView } from "./DocumentTextView.tsx";
import { useDocument } from "./document-queries.ts";
import { useDocumentNaming } from "./document-symbol.ts";
import type { DocumentTabKey } from "./documents-search.ts";
import { EditDocumentDrawer } from "./EditDocumentDrawer.tsx";

function HeaderFields({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  const issuerName = useIssuerName();
  const { symbolOf } = useDocumentNaming();
  const issuerNames = document.issuerCodes.map(issuerName).filter(Boolean).join("; ");
  const row = (label: string, value: ReactNode, testId?: string) => (
    <Descriptions.Item label={label}>
      <span data-testid={testId}>{value === null || value === "" || value === undefined ? "—" : value}</span>
    </Descriptions.Item>
  );
  return (
    <Descriptions column={{ xs: 1, sm: 2 }} size="small" data-testid="document-header">
      {row(t("documents.fields.symbol"), symbolOf(document) ?? document.citation, "document-symbol")}
      {row(
        t("documents.fields.type"),
        `${document.typeName} (${document.typeAbbreviation})`,
        "document-type",
      )}
      {row(
        t("documents.fields.issuer"),
        <>
          {[document.issuerCodes.join("-"), document.issuingOrgName].filter(Boolean).join(" · ")}
          {issuerNames && <div className="muted">{issuerNames}</div>}
        </>,
        "document-issuer",
      )}
      {row(
        t("documents.fields.issuedOn"),
        [document.place, formatDate(document.issuedOn)].filter(Boolean).join(", "),
        "document-issued-on",
      )}
      {row(t("documents.fields.term"), document.termLabel)}
      {row(t("documents.fields.signer"), document.signer)}
      {row(t("documents.fields.status"), <DocumentTags document={document} />)}
      {row(t("documents.fields.confidentiality"), t(`documents.confidentiality.${document.confidentiality}`))}
      {row(t("documents.fields.owner"), document.ownerOrgName)}
      {document.citation && document.symbol ? row(t("documents.fields.citation"), document.citation) : null}
      <Descriptions.Item label={t("documents.fields.subject")} span={{ xs: 1, sm: 2 }}>
        <span data-testid="document-subject">{document.subject || "—"}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t("documents.fields.recipients")} span={{ xs: 1, sm: 2 }}>
        <span data-testid="document-recipients">
          {document.recipients.length === 0
            ? "—"
            : document.recipients.map((recipient, index) => (
                <span key={recipient.orgId}>
                  {index > 0 ? ", " : ""}
                  <Link to="/organisations/$id" params={{ id: String(recipient.orgId) }}>
                    {recipient.orgName}
                  </Link>
                </span>
              ))}
        </span>
      </Descriptions.Item>
    </Descriptions>
  );
}

/**
 * The page's tabs, in order. The cascade feature ("Cụ thể hóa & tiến độ": which subordinate
 * committees have issued their implementing plan) adds its tab here under the key "cascades".
 */
export function documentTabs(
  document: DocumentDetail,
  t: TFunction,
  options: { isPlan: boolean } = { isPlan: false },
): NonNullable<TabsProps["items"]> {
  const relationCount = document.outgoing.length + document.incoming.length;
  return [
    {
      key: "info",
      label: t("documents.tabs.info"),
      children: (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={16}>
            <Card size="small" title={t("documents.sections.header")}>
              <HeaderFields document={document} />
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Card size="small" title={t("documents.sections.files")}>
              <DocumentFiles document={document} />
              {document.canEdit && <AttachFileButton document={document} />}
            </Card>
          </Col>
        </Row>
      ),
    },
    {
      key: "text",
      label: t("documents.tabs.text"),
      children: (
        <Card size="small">
          <DocumentTextView documentId={document.id} textLength={document.textLength} />
        </Card>
      ),
    },
    {
      key: "relations",
      label: t("documents.tabs.relations", { n: formatNumber(relationCount) }),
      children: <DocumentRelations document={document} />,
    },
    {
      key: "graph",
      label: t("documents.tabs.graph"),
      children: (
        <Card size="small">
          <DocumentGraphView documentId={document.id} />
        </Card>
      ),
    },
    {
      key: "cascades",
      label: t("documentCoverage.tab", { n: formatNumber(document.cascadeCount) }),
      children: <CascadesPanel document={document} />,
    },
    // A plan's tasks (KH, CTr, ĐA): the five-clears tasks feature.
    ...(options.isPlan
      ? [{ key: "tasks", label: t("tasks.plan.tab"), children: <PlanTasksPanel document={document} /> }]
      : []),
  ];
}

export function DocumentPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams({ from: "/shell/documents/$id" });
  const search = useSearch({ from: "/shell/documents/$id" });
  const { data: me } = useMe();
  const navigate = useNavigate();
  const id = Number(idParam);
  const valid = Number.isInteger(id) && id > 0;
  const document = useDocument(valid ? id : undefined);
  const [editing, setEditing] = useState(false);
  const { nameOf, symbolOf } = useDocumentNaming();
  const types = useDocumentTypes();

  if (!valid || document.isError)
    return (
      <NotFoundResult
        error={valid ? document.error : null}
        notFoundTitle={t("documents.page.notFound")}
        backLabel={t("documents.page.backToList")}
        onBack={() => void navigate({ to: "/documents" })}
      />
    );
  if (document.isPending) return <Spin style={{ display: "block", margin: 48 }} />;
  const detail = document.data;
  const isPlan = types.data?.items.some((type) => type.id === detail.typeId && type.isPlan) ?? false;
  const tabs = documentTabs(detail, t, { isPlan });
  const active: DocumentTabKey =
    search.tab && tabs.some((tab) => tab.key === search.tab) ? search.tab : "info";

  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          {
            key: "list",
            title: (
              <Link to="/documents">
                <FileTextOutlined /> {t("documents.title")}
              </Link>
            ),
          },
          {
            key: "self",
            title: <span aria-current="page">{symbolOf(detail) ?? nameOf(detail)}</span>,
          },
        ]}
      />
      <PageHeader
        title={
          <Space size={8} wrap>
            <span>{nameOf(detail)}</span>
            {detail.confidentiality !== "normal" && <LockOutlined aria-hidden />}
          </Space>
        }
        titleTestId="document-title"
      >
        {isPlan && !detail.isPlaceholder && hasPermission(me, "task.read") && (
          <Button
            icon={<FileSearchOutlined />}
            onClick={() => void navigate({ to: "/plan-checker", search: { document: detail.id } })}
            data-testid="document-check-plan"
          >
            {t("planChecker.documentAction")}
          </Button>
        )}
        {detail.canEdit && (
          <Button
            type={detail.isPlaceholder ? "primary" : "default"}
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="document-edit"
          >
            {detail.isPlaceholder ? t("documents.edit.completeAction") : t("documents.edit.action")}
          </Button>
        )}
      </PageHeader>
      {detail.subject && (
        <p className="document-page-subject" data-testid="document-page-subject">
          {detail.subject}
        </p>
      )}
      {detail.isPlaceholder && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="document-placeholder-notice"
          title={t("documents.page.placeholderNotice")}
        />
      )}
      <Tabs
        activeKey={active}
        onChange={(key) =>
          void navigate({
            to: "/documents/$id",
            params: { id: String(detail.id) },
            search: key === "info" ? {} : { tab: key as DocumentTabKey },
            replace: true,
          })
        }
        items={tabs}
        data-testid="document-tabs"
        destroyOnHidden
      />
      {detail.canEdit && (
        <EditDocumentDrawer document={detail} open={editing} onClose={() => setEditing(false)} />
      )}
    </div>
  );
}
