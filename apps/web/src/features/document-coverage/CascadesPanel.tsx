// The "Cụ thể hóa & tiến độ" tab of a document: the implementation requirements it sets (who must
// issue an implementing document, by when) with their counts, each opening its coverage view. People
// who manage the document's office add one, change its deadline or delete it.
import { DeleteOutlined, EditOutlined, PlusOutlined, RightOutlined } from "@ant-design/icons";
import { type DocumentCascade, type DocumentDetail, documentCascadeRoutes } from "@namro/contracts";
import { Link } from "@tanstack/react-router";
import { Alert, App, Button, Card, Empty, Grid, Popconfirm, Skeleton, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall } from "../../lib/api.ts";
import { formatDate, formatNumber } from "../../lib/dates.ts";
import { errorText } from "../../lib/errors.ts";
import { hasPermission, useMe } from "../auth/session.ts";
import { CascadeDialog } from "./CascadeDialog.tsx";
import { CoverageNumbers, IssuedProgress } from "./CoverageNumbers.tsx";
import { useCascadesChanged, useDocumentCascades } from "./coverage-queries.ts";

function CascadeCard({
  document,
  cascade,
  onEdit,
}: {
  document: DocumentDetail;
  cascade: DocumentCascade;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const changed = useCascadesChanged();
  // A phone's finger needs a bigger target than the desktop's small buttons.
  const buttonSize = (Grid.useBreakpoint().md ?? true) ? "small" : "middle";

  const remove = async () => {
    try {
      await apiCall(documentCascadeRoutes.deleteDocumentCascade, {
        params: { id: cascade.id },
        query: { version: cascade.version },
      });
      message.success(t("documentCoverage.panel.deleted"));
    } catch (caught) {
      message.error(errorText(caught, t));
    }
    await changed();
  };

  return (
    <Card
      size="small"
      data-testid="cascade-card"
      title={
        <span style={{ whiteSpace: "normal" }} data-testid="cascade-who">
          {cascade.selectionLabel}
        </span>
      }
      extra={
        cascade.canManage ? (
          <Space size={4}>
            <Button
              size={buttonSize}
              icon={<EditOutlined />}
              onClick={onEdit}
              aria-label={t("documentCoverage.panel.edit")}
              data-testid="cascade-edit"
            />
            <Popconfirm
              title={t("documentCoverage.panel.deleteConfirm")}
              description={t("documentCoverage.panel.deleteConfirmText", {
                n: formatNumber(cascade.totals.targets),
              })}
              okText={t("documentCoverage.panel.delete")}
              cancelText={t("common.cancel")}
              okButtonProps={{
                danger: true,
                ...({ "data-testid": "cascade-delete-ok" } as Record<string, string>),
              }}
              onConfirm={() => void remove()}
            >
              <Button
                size={buttonSize}
                danger
                icon={<DeleteOutlined />}
                aria-label={t("documentCoverage.panel.delete")}
                data-testid="cascade-delete"
              />
            </Popconfirm>
          </Space>
        ) : null
      }
    >
      <Space orientation="vertical" size={6} style={{ width: "100%" }}>
        <div>
          {t("documentCoverage.panel.deadline")}{" "}
          <strong data-testid="cascade-deadline-text">{formatDate(cascade.deadline)}</strong>
          <span className="muted">
            {" · "}
            {t("documentCoverage.panel.targets", { n: formatNumber(cascade.totals.targets) })}
          </span>
        </div>
        {cascade.note && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {cascade.note}
          </Typography.Paragraph>
        )}
        <IssuedProgress totals={cascade.totals} />
        <CoverageNumbers totals={cascade.totals} testId="cascade-counts" />
        <Link
          to="/documents/$id/coverage/$cascadeId"
          params={{ id: String(document.id), cascadeId: String(cascade.id) }}
          data-testid="cascade-coverage-link"
        >
          {t("documentCoverage.panel.openCoverage")} <RightOutlined />
        </Link>
      </Space>
    </Card>
  );
}

export function CascadesPanel({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const cascades = useDocumentCascades(document.id);
  // Only the id: the dialog reads the cascade from the query, so after a conflict it has the fresh version.
  const [dialog, setDialog] = useState<{ cascadeId: number | null } | null>(null);
  const editing =
    dialog?.cascadeId == null
      ? null
      : (cascades.data?.find((cascade) => cascade.id === dialog.cascadeId) ?? null);
  const canCreate = document.canEdit && hasPermission(me, "document.manage") && !document.isPlaceholder;

  return (
    <div data-testid="cascades-panel">
      <div className="page-header" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t("documentCoverage.panel.intro")}</Typography.Text>
        {canCreate && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ cascadeId: null })}
            data-testid="cascade-create"
          >
            {t("documentCoverage.panel.create")}
          </Button>
        )}
      </div>
      {cascades.isError && (
        <Alert
          type="error"
          showIcon
          title={errorText(cascades.error, t)}
          action={<Button onClick={() => void cascades.refetch()}>{t("common.retry")}</Button>}
        />
      )}
      {cascades.isPending && <Skeleton active />}
      {cascades.data?.length === 0 && <Empty description={t("documentCoverage.panel.empty")} />}
      <Space orientation="vertical" size={12} style={{ width: "100%" }}>
        {cascades.data?.map((cascade) => (
          <CascadeCard
            key={cascade.id}
            document={document}
            cascade={cascade}
            onEdit={() => setDialog({ cascadeId: cascade.id })}
          />
        ))}
      </Space>
      <CascadeDialog
        document={document}
        cascade={editing}
        // A requirement deleted meanwhile closes its dialog rather than turning it into "create".
        open={dialog !== null && (dialog.cascadeId === null || editing !== null)}
        onClose={() => setDialog(null)}
      />
    </div>
  );
}
