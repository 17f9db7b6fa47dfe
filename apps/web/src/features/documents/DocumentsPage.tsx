// The register ("Văn bản"): full-text search without diacritics, filters kept in the address, ranked
// results with highlighted snippets, server paging. A table on wide screens, a list of cards on phones.
import { CloudUploadOutlined } from "@ant-design/icons";
import type { DocumentList } from "@namro/contracts";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { Alert, Button, Card, Empty, Grid, Pagination, Table } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, formatNumber } from "../../lib/dates.ts";
import { errorText } from "../../lib/errors.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { SearchInput } from "../../ui/SearchInput.tsx";
import { hasPermission, useMe } from "../auth/session.ts";
import { useIssuerName } from "../document-reference-data/reference-data-queries.ts";
import { useOrg } from "../organisations/org-queries.ts";
import { DocumentFilters } from "./DocumentFilters.tsx";
import { DocumentTags } from "./DocumentTags.tsx";
import { DOCUMENTS_PAGE_SIZE, useDocumentList } from "./document-queries.ts";
import { useDocumentNaming } from "./document-symbol.ts";
import { applyDocumentsPatch, type DocumentsSearchPatch } from "./documents-search.ts";
import { SnippetText } from "./SnippetText.tsx";

type Hit = DocumentList["items"][number];

/** "Số 21-KL/TW" as a link to the document, or its citation/type when unnumbered. */
function HitTitle({ hit }: { hit: Hit }) {
  const { t } = useTranslation();
  const { symbolOf } = useDocumentNaming();
  return (
    <Link
      to="/documents/$id"
      params={{ id: String(hit.id) }}
      data-testid="document-link"
      style={{ fontWeight: 600 }}
    >
      {symbolOf(hit) ?? hit.citation ?? t("documents.unnumbered")}
    </Link>
  );
}

function HitSubject({ hit }: { hit: Hit }) {
  return (
    <div>
      <div className="document-subject">{hit.subject}</div>
      {hit.snippet && (
        <div className="muted document-snippet-line">
          <SnippetText snippet={hit.snippet} />
        </div>
      )}
    </div>
  );
}

/** The issuing organisation, else the issuing bodies by name ("Tỉnh ủy" for TU). */
function issuerLine(hit: Hit, issuerName: (code: string) => string | null): string {
  return hit.issuingOrgName ?? hit.issuerCodes.map((code) => issuerName(code) ?? code).join(" – ");
}

function HitCard({ hit }: { hit: Hit }) {
  const issuerName = useIssuerName();
  return (
    <Card size="small" data-testid="document-row">
      <div style={{ display: "flex", justifyContent: "space-between", gap: 8, flexWrap: "wrap" }}>
        <HitTitle hit={hit} />
        <DocumentTags document={hit} />
      </div>
      <div className="muted" style={{ fontSize: 12, margin: "2px 0 4px" }}>
        {[hit.typeName, formatDate(hit.issuedOn), issuerLine(hit, issuerName)].filter(Boolean).join(" · ")}
      </div>
      <HitSubject hit={hit} />
    </Card>
  );
}

export function DocumentsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const search = useSearch({ from: "/shell/documents" });
  const navigate = useNavigate({ from: "/documents" });
  const isDesktop = Grid.useBreakpoint().md ?? true;
  const canRead = hasPermission(me, "document.read");
  const canManage = hasPermission(me, "document.manage");
  const list = useDocumentList(search, canRead);
  const chosenOrg = useOrg(search.orgId);
  const issuerName = useIssuerName();

  const update = useCallback(
    (patch: DocumentsSearchPatch) => {
      const typing = Object.keys(patch).length === 1 && "q" in patch;
      void navigate({
        to: "/documents",
        // A new search or filter starts again from the first page.
        search: (previous) => applyDocumentsPatch(previous, { ...patch, page: patch.page }),
        replace: typing,
      });
    },
    [navigate],
  );
  const commitQuery = useCallback((q: string | undefined) => update({ q }), [update]);

  if (!canRead) return <Alert type="warning" showIcon title={t("errors.forbidden")} />;

  const total = list.data?.total ?? 0;
  const items = list.data?.items ?? [];
  const page = search.page ?? 1;
  const changePage = (next: number) => update({ page: next > 1 ? next : undefined });
  const emptyText = list.isPending
    ? t("common.loading")
    : search.q
      ? t("documents.noHits", { q: search.q })
      : t("documents.empty");

  return (
    <div>
      <PageHeader title={t("documents.title")} titleTestId="documents-title">
        {canManage && (
          <Button
            type="primary"
            icon={<CloudUploadOutlined />}
            onClick={() => void navigate({ to: "/documents/new" })}
            data-testid="documents-new"
          >
            {t("documents.newAction")}
          </Button>
        )}
      </PageHeader>
      <div className="members-search-row">
        <SearchInput
          value={search.q}
          onCommit={commitQuery}
          placeholder={t("documents.searchPlaceholder")}
          testId="document-search"
        />
      </div>
      <DocumentFilters
        search={search}
        onChange={update}
        knownOrgLabels={chosenOrg.data ? { [chosenOrg.data.id]: chosenOrg.data.name } : {}}
      />
      {list.isError && (
        <Alert
          type="error"
          showIcon
          title={errorText(list.error, t)}
          style={{ marginBottom: 12 }}
          data-testid="document-list-error"
        />
      )}
      <div className="muted" style={{ marginBottom: 8 }} data-testid="document-total" aria-live="polite">
        {list.data
          ? t(list.data.totalIsLowerBound ? "documents.foundMore" : "documents.found", {
              n: formatNumber(total),
            })
          : t("common.loading")}
      </div>
      {isDesktop ? (
        <Table<Hit>
          data-testid="document-table"
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={items}
          locale={{ emptyText }}
          onRow={() => ({ "data-testid": "document-row" }) as React.HTMLAttributes<HTMLElement>}
          pagination={{
            current: page,
            pageSize: DOCUMENTS_PAGE_SIZE,
            total,
            showSizeChanger: false,
            onChange: changePage,
            size: "small",
          }}
          columns={[
            {
              title: t("documents.fields.symbol"),
              key: "symbol",
              width: 190,
              render: (_, hit) => (
                <div>
                  <HitTitle hit={hit} />
                  <div className="muted member-row-sub">{hit.typeName}</div>
                </div>
              ),
            },
            {
              title: t("documents.fields.issuedOn"),
              key: "issuedOn",
              width: 110,
              render: (_, hit) => formatDate(hit.issuedOn) || "—",
            },
            {
              title: t("documents.fields.subject"),
              key: "subject",
              render: (_, hit) => <HitSubject hit={hit} />,
            },
            {
              title: t("documents.fields.issuer"),
              key: "issuer",
              width: 200,
              responsive: ["lg"],
              render: (_, hit) => issuerLine(hit, issuerName),
            },
            {
              title: t("documents.fields.status"),
              key: "status",
              width: 150,
              render: (_, hit) => <DocumentTags document={hit} />,
            },
          ]}
        />
      ) : (
        <div data-testid="document-table" aria-busy={list.isFetching}>
          {items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
          ) : (
            <div style={{ display: "grid", gap: 8, gridTemplateColumns: "minmax(0, 1fr)" }}>
              {items.map((hit) => (
                <HitCard key={hit.id} hit={hit} />
              ))}
            </div>
          )}
          {total > DOCUMENTS_PAGE_SIZE && (
            <Pagination
              style={{ marginTop: 12 }}
              size="small"
              simple
              current={page}
              pageSize={DOCUMENTS_PAGE_SIZE}
              total={total}
              onChange={changePage}
            />
          )}
        </div>
      )}
    </div>
  );
}
