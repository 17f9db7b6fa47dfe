// Organisation types of the installation and which may sit directly under which; a system
// administrator of a root organisation adds and edits them.
import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import type { OrgType } from "@namro/contracts";
import { Alert, Button, Card, Grid, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../../lib/errors.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { useMe } from "../auth/session.ts";
import { useOrgTypeName, useOrgTypes } from "../organisations/org-types.ts";
import { OrgTypeDialog } from "./OrgTypeDialog.tsx";

export function OrgTypesPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const types = useOrgTypes();
  const typeName = useOrgTypeName();
  const screens = Grid.useBreakpoint();
  // undefined: closed; null: adding; a type: editing it.
  const [editing, setEditing] = useState<OrgType | null | undefined>(undefined);

  if (!me?.canManageOrgTypes) return <Alert type="warning" showIcon title={t("errors.forbidden")} />;

  const items = [...(types.data ?? [])].sort(
    (a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code),
  );
  const isPhone = screens.md === false;

  const names = (type: OrgType) => (
    <div>
      <div lang="vi" style={{ fontWeight: 600 }}>
        {type.nameVi}
      </div>
      <div lang="en" className="muted">
        {type.nameEn}
      </div>
      <code className="muted" style={{ fontSize: 12 }}>
        {type.code}
      </code>
    </div>
  );
  const departmentTag = (type: OrgType) =>
    type.isDepartment ? <Tag color="purple">{t("orgTypes.department")}</Tag> : null;
  const cellTag = (type: OrgType) =>
    type.holdsMembers ? <Tag color="blue">{t("orgTypes.cell")}</Tag> : null;
  const childTags = (type: OrgType) =>
    type.allowedChildTypes.length === 0 ? (
      <span className="muted">{t("orgTypes.noChildren")}</span>
    ) : (
      <Space size={[4, 4]} wrap>
        {[...type.allowedChildTypes]
          .sort((a, b) => order(items, a) - order(items, b))
          .map((code) => (
            <Tag key={code}>{typeName(code)}</Tag>
          ))}
      </Space>
    );
  const editButton = (type: OrgType) => (
    <Button
      icon={<EditOutlined />}
      onClick={() => setEditing(type)}
      aria-label={t("orgTypes.editAria", { name: typeName(type.code) })}
      data-testid={`org-type-edit-${type.code}`}
    >
      {t("orgTypes.edit")}
    </Button>
  );

  return (
    <div>
      <PageHeader title={t("orgTypes.title")}>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing(null)}
          data-testid="org-type-create"
        >
          {t("orgTypes.create")}
        </Button>
      </PageHeader>
      <p className="muted" style={{ marginTop: 0 }}>
        {t("orgTypes.intro")}
      </p>
      {types.isError && (
        <Alert type="error" showIcon title={errorText(types.error, t)} style={{ marginBottom: 12 }} />
      )}
      {isPhone ? (
        // Phones: one card per type, nothing to scroll sideways.
        <div data-testid="org-type-table" style={{ display: "grid", gap: 8 }}>
          {items.map((type) => (
            <Card key={type.code} size="small" data-testid={`org-type-row-${type.code}`}>
              <div style={{ display: "flex", justifyContent: "space-between", gap: 8 }}>
                {names(type)}
                {editButton(type)}
              </div>
              <div style={{ margin: "8px 0" }}>
                <span className="muted">{t("orgTypes.sortOrder")}: </span>
                {type.sortOrder} {departmentTag(type)} {cellTag(type)}
              </div>
              <div className="muted" style={{ marginBottom: 4 }}>
                {t("orgTypes.allowedChildTypes")}
              </div>
              {childTags(type)}
            </Card>
          ))}
        </div>
      ) : (
        <Table<OrgType>
          data-testid="org-type-table"
          rowKey="code"
          size="middle"
          loading={types.isFetching}
          dataSource={items}
          pagination={false}
          scroll={{ x: 820 }}
          onRow={(type) =>
            ({ "data-testid": `org-type-row-${type.code}` }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            { title: t("orgTypes.name"), key: "name", width: 260, render: (_, type) => names(type) },
            {
              title: t("orgTypes.isDepartment"),
              key: "isDepartment",
              width: 110,
              render: (_, type) => departmentTag(type),
            },
            {
              title: t("orgTypes.holdsMembers"),
              key: "holdsMembers",
              width: 130,
              render: (_, type) => cellTag(type),
            },
            { title: t("orgTypes.sortOrder"), dataIndex: "sortOrder", key: "sortOrder", width: 90 },
            {
              title: t("orgTypes.allowedChildTypes"),
              key: "allowedChildTypes",
              render: (_, type) => childTags(type),
            },
            {
              title: t("orgTypes.actions"),
              key: "actions",
              width: 110,
              render: (_, type) => editButton(type),
            },
          ]}
        />
      )}
      <OrgTypeDialog
        open={editing !== undefined}
        editing={editing ?? null}
        types={items}
        onClose={() => setEditing(undefined)}
      />
    </div>
  );
}

function order(types: readonly OrgType[], code: string): number {
  return types.find((type) => type.code === code)?.sortOrder ?? Number.MAX_SAFE_INTEGER;
}
