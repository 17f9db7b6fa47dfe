// One organisation: its path, details, units under it, history, and (with the right role) the
// restructuring actions.
import {
  ApartmentOutlined,
  DeleteOutlined,
  EditOutlined,
  MergeCellsOutlined,
  PlusOutlined,
  ScissorOutlined,
  SwapOutlined,
} from "@ant-design/icons";
import type { OrgDetail } from "@namro/contracts";
import { Link, useNavigate, useParams, useSearch } from "@tanstack/react-router";
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  List,
  Result,
  Row,
  Space,
  Spin,
  Tag,
} from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { setCurrentScope } from "../../app/scope.ts";
import { isApiError } from "../../lib/api.ts";
import { formatDate, formatNumber } from "../../lib/dates.ts";
import { errorText } from "../../lib/errors.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { ClearSetCard } from "../tasks/ClearSetCard.tsx";
import { AsOfNotice, AsOfPicker } from "./AsOfBar.tsx";
import { OrgHistory } from "./OrgHistory.tsx";
import { OrgStatusTag } from "./OrgStatusTag.tsx";
import { useOrg } from "./org-queries.ts";
import { useOrgTypeName } from "./org-types.ts";
import { MergeDialog } from "./restructure/MergeDialog.tsx";
import {
  CreateSubUnitDialog,
  DissolveDialog,
  MoveDialog,
  RenameDialog,
} from "./restructure/SimpleDialogs.tsx";
import { SplitDialog } from "./restructure/SplitDialog.tsx";

type Dialog = "create" | "rename" | "move" | "merge" | "split" | "dissolve" | null;

function OrgBreadcrumb({ org, asOf }: { org: OrgDetail; asOf: string | undefined }) {
  const { t } = useTranslation();
  const search = asOf ? { asOf } : {};
  return (
    <nav aria-label={t("org.path")} data-testid="org-breadcrumb">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          {
            key: "all",
            title: (
              <Link to="/organisations" search={search}>
                <ApartmentOutlined /> {t("nav.organisations")}
              </Link>
            ),
          },
          ...org.ancestors.map((ancestor) => ({
            key: String(ancestor.id),
            title: (
              <Link to="/organisations/$id" params={{ id: String(ancestor.id) }} search={search}>
                {ancestor.name}
              </Link>
            ),
          })),
          { key: "self", title: <span aria-current="page">{org.name}</span> },
        ]}
      />
    </nav>
  );
}

function RestructureActions({ org, onOpen }: { org: OrgDetail; onOpen: (dialog: Dialog) => void }) {
  const { t } = useTranslation();
  return (
    <Space wrap data-testid="restructure-actions">
      {org.canAddUnits && (
        <Button icon={<PlusOutlined />} onClick={() => onOpen("create")} data-testid="action-create">
          {t("restructure.create.action")}
        </Button>
      )}
      {org.canRestructure && <ChangeActions org={org} onOpen={onOpen} />}
    </Space>
  );
}

function ChangeActions({ org, onOpen }: { org: OrgDetail; onOpen: (dialog: Dialog) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Button icon={<EditOutlined />} onClick={() => onOpen("rename")} data-testid="action-rename">
        {t("restructure.rename.action")}
      </Button>
      {org.ancestors.length > 0 && (
        <Button icon={<SwapOutlined />} onClick={() => onOpen("move")} data-testid="action-move">
          {t("restructure.move.action")}
        </Button>
      )}
      <Button icon={<MergeCellsOutlined />} onClick={() => onOpen("merge")} data-testid="action-merge">
        {t("restructure.merge.action")}
      </Button>
      <Button icon={<ScissorOutlined />} onClick={() => onOpen("split")} data-testid="action-split">
        {t("restructure.split.action")}
      </Button>
      <Button
        danger
        icon={<DeleteOutlined />}
        onClick={() => onOpen("dissolve")}
        data-testid="action-dissolve"
      >
        {t("restructure.dissolve.action")}
      </Button>
    </>
  );
}

export function OrganisationPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams({ from: "/shell/organisations/$id" });
  const { asOf } = useSearch({ from: "/shell/organisations/$id" });
  const navigate = useNavigate();
  const id = Number(idParam);
  const org = useOrg(Number.isInteger(id) && id > 0 ? id : undefined, asOf);
  const typeName = useOrgTypeName();
  const [dialog, setDialog] = useState<Dialog>(null);

  useEffect(() => {
    if (org.data && !asOf) setCurrentScope(org.data.id);
  }, [org.data, asOf]);

  const setAsOf = (next: string | undefined) =>
    void navigate({ to: "/organisations/$id", params: { id: idParam }, search: next ? { asOf: next } : {} });
  const openOrg = (target: number) =>
    void navigate({ to: "/organisations/$id", params: { id: String(target) }, search: asOf ? { asOf } : {} });

  if (org.isPending) return <Spin style={{ display: "block", margin: 48 }} />;
  if (org.isError) {
    const notFound = isApiError(org.error) && (org.error.status === 404 || org.error.status === 400);
    return (
      <Result
        status={notFound ? "404" : "error"}
        title={notFound ? t("org.notFound") : errorText(org.error, t)}
        {...(notFound && asOf ? { subTitle: t("org.notFoundAsOf", { date: formatDate(asOf) }) } : {})}
        extra={
          <Space wrap>
            {asOf && <Button onClick={() => setAsOf(undefined)}>{t("asOf.backToToday")}</Button>}
            <Button type="primary" onClick={() => void navigate({ to: "/organisations" })}>
              {t("notFound.back")}
            </Button>
          </Space>
        }
      />
    );
  }
  const detail = org.data;
  const closed = detail.status !== "active";
  // Changing an organisation itself is decided one level up; adding units under it is not.
  const current = !closed && !asOf;
  const canChange = detail.canRestructure && current;
  const canAdd = detail.canAddUnits && current;
  const canAct = canChange || canAdd;

  return (
    <div>
      <OrgBreadcrumb org={detail} asOf={asOf} />
      <PageHeader
        title={
          <>
            {detail.name} <OrgStatusTag status={detail.status} onlyClosed />
          </>
        }
        titleTestId="org-title"
      >
        <AsOfPicker asOf={asOf} onChange={setAsOf} />
      </PageHeader>
      <AsOfNotice asOf={asOf} onChange={setAsOf} />
      {closed && !asOf && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("org.closedNotice", { date: formatDate(detail.validTo) })}
        />
      )}
      {canAct && (
        <div style={{ marginBottom: 12 }}>
          <RestructureActions org={detail} onOpen={setDialog} />
        </div>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t("org.details")} size="small" data-testid="org-details">
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t("org.name")}>{detail.name}</Descriptions.Item>
              <Descriptions.Item label={t("org.code")}>{detail.code}</Descriptions.Item>
              <Descriptions.Item label={t("org.type")}>{typeName(detail.typeCode)}</Descriptions.Item>
              <Descriptions.Item label={t("org.status")}>
                <OrgStatusTag status={detail.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t("org.validFrom")}>{formatDate(detail.validFrom)}</Descriptions.Item>
              <Descriptions.Item label={t("org.validTo")}>
                {detail.validTo ? formatDate(detail.validTo) : "—"}
              </Descriptions.Item>
              <Descriptions.Item label={t("org.parent")}>
                {detail.ancestors.at(-1)?.name ?? "—"}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          {/* The five-clears tasks feature: the clears this organisation's tasks are checked against,
              high on the page (not under a long history) so a committee finds it. */}
          {!asOf && !closed && <ClearSetCard orgId={detail.id} />}
          <Card
            title={`${t("org.children")} (${formatNumber(detail.children.length)})`}
            size="small"
            style={{ marginTop: 16 }}
            data-testid="org-children"
          >
            {detail.children.length === 0 ? (
              <Empty description={t("org.noChildren")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <List
                size="small"
                dataSource={detail.children}
                pagination={
                  detail.children.length > 20
                    ? { pageSize: 20, size: "small", showSizeChanger: false }
                    : false
                }
                renderItem={(child) => (
                  <List.Item key={child.id} data-testid="org-child">
                    <div style={{ width: "100%" }}>
                      <a
                        href={`/organisations/${child.id}`}
                        onClick={(event) => {
                          event.preventDefault();
                          openOrg(child.id);
                        }}
                      >
                        {child.name}
                      </a>{" "}
                      <OrgStatusTag status={child.status} onlyClosed />
                      <div className="muted" style={{ fontSize: 12 }}>
                        <Tag style={{ marginInlineEnd: 4 }}>{typeName(child.typeCode)}</Tag>
                        {child.childCount > 0 && t("org.childCount", { n: formatNumber(child.childCount) })}
                      </div>
                    </div>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t("org.history")} size="small" data-testid="org-history">
            <OrgHistory orgId={detail.id} />
          </Card>
        </Col>
      </Row>
      {canAdd && (
        <CreateSubUnitDialog org={detail} open={dialog === "create"} onClose={() => setDialog(null)} />
      )}
      {canChange && (
        <>
          <RenameDialog org={detail} open={dialog === "rename"} onClose={() => setDialog(null)} />
          <MoveDialog org={detail} open={dialog === "move"} onClose={() => setDialog(null)} />
          <MergeDialog
            org={detail}
            open={dialog === "merge"}
            onClose={() => setDialog(null)}
            onDone={(targetId) => {
              if (targetId) openOrg(targetId);
            }}
          />
          <SplitDialog org={detail} open={dialog === "split"} onClose={() => setDialog(null)} />
          <DissolveDialog org={detail} open={dialog === "dissolve"} onClose={() => setDialog(null)} />
        </>
      )}
    </div>
  );
}
