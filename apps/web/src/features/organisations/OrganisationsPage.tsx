// Default landing page: the tree of one's scope, search without diacritics, and the "as of" view.
import { useNavigate, useSearch } from "@tanstack/react-router";
import { Card, Col, Row } from "antd";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { AsOfNotice, AsOfPicker } from "./AsOfBar.tsx";
import { OrgSearch } from "./OrgSearch.tsx";
import { OrgTree } from "./OrgTree.tsx";

export function OrganisationsPage() {
  const { t } = useTranslation();
  const { asOf } = useSearch({ from: "/shell/organisations" });
  const navigate = useNavigate();
  const setAsOf = (next: string | undefined) =>
    void navigate({ to: "/organisations", search: next ? { asOf: next } : {} });
  const open = (id: number) =>
    void navigate({ to: "/organisations/$id", params: { id: String(id) }, search: asOf ? { asOf } : {} });

  return (
    <div>
      <PageHeader title={t("orgs.title")}>
        <AsOfPicker asOf={asOf} onChange={setAsOf} />
      </PageHeader>
      <AsOfNotice asOf={asOf} onChange={setAsOf} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t("orgs.search")} size="small">
            <OrgSearch asOf={asOf} onOpen={open} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t("orgs.tree")} size="small" styles={{ body: { overflowX: "auto" } }}>
            <OrgTree key={asOf ?? "today"} asOf={asOf} onOpen={open} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
