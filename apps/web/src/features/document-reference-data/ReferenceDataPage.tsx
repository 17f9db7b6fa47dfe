// The directive register's reference data, for an administrator of a root organisation: document
// types, issuer codes and committee terms.
import { Alert, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { useMe } from "../auth/session.ts";
import { CommitteeTermsTab } from "./CommitteeTermsTab.tsx";
import { DocumentTypesTab } from "./DocumentTypesTab.tsx";
import { IssuersTab } from "./IssuersTab.tsx";

export function ReferenceDataPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!me?.canManageDocumentTypes) return <Alert type="warning" showIcon title={t("errors.forbidden")} />;
  return (
    <div>
      <PageHeader title={t("documentReferenceData.title")} titleTestId="document-reference-data-title" />
      <p className="muted" style={{ marginTop: 0 }}>
        {t("documentReferenceData.intro")}
      </p>
      <Tabs
        data-testid="document-reference-data-tabs"
        items={[
          { key: "types", label: t("documentReferenceData.types.title"), children: <DocumentTypesTab /> },
          { key: "issuers", label: t("documentReferenceData.issuers.title"), children: <IssuersTab /> },
          { key: "terms", label: t("documentReferenceData.terms.title"), children: <CommitteeTermsTab /> },
        ]}
      />
    </div>
  );
}
