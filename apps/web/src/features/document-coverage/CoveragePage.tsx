// "Tiến độ cụ thể hóa": for one requirement of a document, which organisations have issued their
// implementing document (on time or late) and which have not, with days overdue; drill down the tree
// (the organisation shown is in the address; the breadcrumb goes back up), filter by status, remind
// those missing, export the table.
import { BellOutlined, DownloadOutlined, FileTextOutlined, ReloadOutlined } from "@ant-design/icons";
import { type CoverageStatus, documentCascadeRoutes } from "@namro/contracts";
import { Link, useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { Alert, App, Breadcrumb, Button, Card, Grid, Radio, Skeleton, Space, Typography } from "antd";
import dayjs from "dayjs";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall, buildPath, buildQuery } from "../../lib/api.ts";
import { formatDate, formatNumber } from "../../lib/dates.ts";
import { downloadFile } from "../../lib/download.ts";
import { errorText } from "../../lib/errors.ts";
import { NotFoundResult } from "../../ui/NotFoundResult.tsx";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { useDocumentNaming } from "../documents/document-symbol.ts";
import { CardHeading, CoverageGroups } from "./CoverageGroups.tsx";
import { CoverageSummary } from "./CoverageSummary.tsx";
import { CoverageTargets } from "./CoverageTargets.tsx";
import { COVERAGE_STATUSES } from "./coverage-labels.ts";
import { useCascadeCoverage, useCascadesChanged } from "./coverage-queries.ts";
import { applyCoveragePatch, type CoverageSearchPatch, coverageBreadcrumb } from "./coverage-search.ts";

export function CoveragePage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const params = useParams({ from: "/shell/documents/$id/coverage/$cascadeId" });
  const search = useSearch({ from: "/shell/documents/$id/coverage/$cascadeId" });
  const navigate = useNavigate();
  const cascadeId = Number(params.cascadeId);
  const valid = Number.isInteger(cascadeId) && cascadeId > 0;
  const coverage = useCascadeCoverage(valid ? cascadeId : undefined, search);
  const changed = useCascadesChanged();
  const { nameOf, symbolOf } = useDocumentNaming();
  const isDesktop = Grid.useBreakpoint().md ?? true;
  const [selected, setSelected] = useState<number[]>([]);
  const [exporting, setExporting] = useState(false);
  const [reminding, setReminding] = useState(false);

  // A choice made at one node does not carry to another node or status.
  useEffect(() => setSelected([]), [search.orgId, search.status]);

  const update = (patch: CoverageSearchPatch, replace = false) =>
    void navigate({
      to: "/documents/$id/coverage/$cascadeId",
      params,
      search: applyCoveragePatch(search, patch),
      replace,
    });

  if (!valid || (coverage.isError && !coverage.data))
    return (
      <NotFoundResult
        error={valid ? coverage.error : null}
        notFoundTitle={t("documentCoverage.page.notFound")}
        backLabel={t("documents.page.backToList")}
        onBack={() => void navigate({ to: "/documents" })}
      />
    );
  if (!coverage.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const data = coverage.data;
  const { cascade, document, node, totals } = data;
  const canRemind = cascade.canManage;
  const nodeOrgId = node.orgId;

  const exportTable = async () => {
    setExporting(true);
    try {
      const path = buildPath(documentCascadeRoutes.exportCascadeCoverage.path, { id: cascade.id });
      const name = await downloadFile(
        path + buildQuery({ orgId: nodeOrgId, status: search.status }),
        "tien-do-cu-the-hoa.xlsx",
      );
      message.success(t("documentCoverage.page.exported", { name }));
    } catch (caught) {
      message.error(errorText(caught, t));
    } finally {
      setExporting(false);
    }
  };

  const sendReminders = async (orgIds: number[] | null) => {
    setReminding(true);
    try {
      const result = await apiCall(documentCascadeRoutes.sendCascadeReminders, {
        params: { id: cascade.id },
        body: orgIds ? { orgId: nodeOrgId, orgIds } : { orgId: nodeOrgId },
      });
      const text = t("documentCoverage.remind.result", {
        sent: formatNumber(result.sent),
        already: formatNumber(result.alreadyRemindedToday),
      });
      modal.success({
        title: t("documentCoverage.remind.done"),
        content: <span data-testid="remind-result">{text}</span>,
        okButtonProps: { "data-testid": "remind-result-ok" } as Record<string, string>,
      });
      setSelected([]);
    } catch (caught) {
      message.error(errorText(caught, t));
    } finally {
      setReminding(false);
      await changed();
    }
  };

  const confirmReminders = () => {
    const orgIds = selected.length > 0 ? selected : null;
    const count = orgIds ? orgIds.length : totals.missing;
    modal.confirm({
      title: t("documentCoverage.remind.confirmTitle"),
      content: (
        <span data-testid="remind-confirm-text">
          {orgIds
            ? t("documentCoverage.remind.confirmChosen", { n: formatNumber(count) })
            : t("documentCoverage.remind.confirmAll", { n: formatNumber(count), name: node.orgName })}
        </span>
      ),
      okText: t("documentCoverage.remind.send"),
      cancelText: t("common.cancel"),
      okButtonProps: { "data-testid": "remind-confirm-ok" } as Record<string, string>,
      onOk: () => sendReminders(orgIds),
    });
  };

  const breadcrumb = coverageBreadcrumb(node);
  const drillLink = (orgId: number, children: ReactNode) => (
    <Link
      to="/documents/$id/coverage/$cascadeId"
      params={params}
      search={applyCoveragePatch(search, { orgId })}
    >
      {children}
    </Link>
  );

  return (
    <div data-testid="coverage-page">
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
            key: "document",
            title: (
              <Link
                to="/documents/$id"
                params={{ id: String(document.id) }}
                search={{ tab: "cascades" }}
                data-testid="coverage-document-link"
              >
                {symbolOf(document) ?? nameOf(document)}
              </Link>
            ),
          },
          { key: "self", title: <span aria-current="page">{t("documentCoverage.page.crumb")}</span> },
        ]}
      />
      <PageHeader title={t("documentCoverage.page.title")} titleTestId="coverage-title">
        <Space wrap>
          <Button
            icon={<ReloadOutlined />}
            loading={coverage.isFetching}
            onClick={() => void coverage.refetch()}
            data-testid="coverage-refresh"
          >
            {t("documentCoverage.page.refresh")}
          </Button>
          <span className="muted" data-testid="coverage-updated-at">
            {t("documentCoverage.page.updatedAt", { time: dayjs(coverage.dataUpdatedAt).format("HH:mm") })}
          </span>
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void exportTable()}
            disabled={totals.targets === 0}
            data-testid="coverage-export"
          >
            {t("documentCoverage.page.export")}
          </Button>
          {canRemind && (
            <Button
              type="primary"
              icon={<BellOutlined />}
              loading={reminding}
              disabled={selected.length === 0 && totals.missing === 0}
              onClick={confirmReminders}
              data-testid="coverage-remind"
            >
              {selected.length > 0
                ? t("documentCoverage.remind.actionChosen", { n: formatNumber(selected.length) })
                : t("documentCoverage.remind.action")}
            </Button>
          )}
        </Space>
      </PageHeader>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Paragraph style={{ marginBottom: 4 }} data-testid="coverage-document">
          <strong>{nameOf(document)}</strong> — {document.subject}
        </Typography.Paragraph>
        <div className="muted" data-testid="coverage-requirement">
          {t("documentCoverage.page.requirement", {
            who: cascade.selectionLabel,
            deadline: formatDate(cascade.deadline),
          })}
          {cascade.note ? ` · ${cascade.note}` : ""}
        </div>
      </Card>

      <nav aria-label={t("documentCoverage.page.treePath")}>
        <Breadcrumb
          data-testid="coverage-path"
          style={{ marginBottom: 8 }}
          items={breadcrumb.map((step) => ({
            key: step.orgId,
            title: step.current ? (
              <span aria-current="page" data-testid="coverage-path-current">
                {step.orgName}
              </span>
            ) : (
              drillLink(step.orgId, <span data-testid="coverage-path-step">{step.orgName}</span>)
            ),
          }))}
        />
      </nav>

      {coverage.isError && (
        <Alert type="error" showIcon title={errorText(coverage.error, t)} style={{ marginBottom: 12 }} />
      )}
      <CoverageSummary totals={totals} />
      <CoverageGroups groups={data.groups} drillLink={drillLink} />

      <Card size="small" title={<CardHeading>{t("documentCoverage.targets.title")}</CardHeading>}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          // Small buttons on a computer; a finger on a phone needs the default height.
          size={isDesktop ? "small" : "middle"}
          value={search.status ?? "all"}
          onChange={(event) => {
            const value = event.target.value as CoverageStatus | "all";
            update({ status: value === "all" ? undefined : value }, true);
          }}
          options={[
            { value: "all", label: t("documentCoverage.filter.all") },
            ...COVERAGE_STATUSES.map((status) => ({
              value: status,
              label: t(`documentCoverage.status.${status}`),
            })),
          ]}
          aria-label={t("documentCoverage.filter.label")}
          data-testid="coverage-status-filter"
          style={{ marginBottom: 8, display: "flex", flexWrap: "wrap", rowGap: 4 }}
        />
        <CoverageTargets
          coverage={data}
          loading={coverage.isFetching}
          selected={canRemind ? selected : null}
          onSelect={setSelected}
          onPage={(page) => update({ page })}
        />
      </Card>
    </div>
  );
}
