// Accounts administration: search, filter by organisation and role, create; open an account to manage it.
import { PlusOutlined } from "@ant-design/icons";
import { type Account, accountRoutes, type Role } from "@namro/contracts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Button, Input, Select, Space, Table, Tag } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall } from "../../lib/api.ts";
import { formatNumber } from "../../lib/dates.ts";
import { errorText } from "../../lib/errors.ts";
import { OrgPicker } from "../../ui/OrgPicker.tsx";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { hasPermission, useMe } from "../auth/session.ts";
import { AccountDrawer } from "./AccountDrawer.tsx";
import { CreateAccountDialog } from "./CreateAccountDialog.tsx";
import { roleOptions } from "./role-names.ts";

const PAGE_SIZE = 20;

export function AccountsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const [orgId, setOrgId] = useState<number | undefined>(undefined);
  const [role, setRole] = useState<Role | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    const timer = window.setTimeout(() => {
      setQ(text.trim());
      setPage(1);
    }, 300);
    return () => window.clearTimeout(timer);
  }, [text]);

  const list = useQuery({
    queryKey: ["accounts", "list", q, orgId ?? null, role ?? null, page],
    queryFn: () =>
      apiCall(accountRoutes.listAccounts, {
        query: { q: q || undefined, orgId, role, page, pageSize: PAGE_SIZE },
      }),
    placeholderData: keepPreviousData,
    enabled: hasPermission(me, "account.manage"),
  });

  if (!hasPermission(me, "account.manage"))
    return <Alert type="warning" showIcon title={t("errors.forbidden")} />;

  return (
    <div>
      <PageHeader title={t("accounts.title")}>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="account-create"
        >
          {t("accounts.create")}
        </Button>
      </PageHeader>
      <Space wrap style={{ marginBottom: 12 }} data-testid="account-filters">
        <Input.Search
          allowClear
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={t("accounts.searchPlaceholder")}
          aria-label={t("accounts.searchPlaceholder")}
          style={{ width: 260 }}
          data-testid="account-search"
        />
        <OrgPicker
          testId="account-filter-org"
          ariaLabel={t("accounts.filterOrg")}
          placeholder={t("accounts.filterOrg")}
          value={orgId}
          onChange={(value) => {
            setOrgId(value);
            setPage(1);
          }}
          style={{ width: 260 }}
        />
        <Select<Role>
          allowClear
          aria-label={t("accounts.filterRole")}
          placeholder={t("accounts.filterRole")}
          value={role ?? null}
          onChange={(value) => {
            setRole(value ?? undefined);
            setPage(1);
          }}
          options={roleOptions(t)}
          style={{ width: 220 }}
          data-testid="account-filter-role"
        />
      </Space>
      {list.isError && (
        <Alert type="error" showIcon title={errorText(list.error, t)} style={{ marginBottom: 12 }} />
      )}
      <Table<Account>
        data-testid="account-table"
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 760 }}
        onRow={(account) =>
          ({ "data-testid": `account-row-${account.username}` }) as React.HTMLAttributes<HTMLElement>
        }
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: (total) => t("common.total", { n: formatNumber(total) }),
        }}
        columns={[
          {
            title: t("accounts.displayName"),
            key: "displayName",
            render: (_, account) => (
              <Button
                type="link"
                style={{ padding: 0, height: "auto", textAlign: "left", whiteSpace: "normal" }}
                onClick={() => setOpenId(account.id)}
              >
                {account.displayName}
              </Button>
            ),
          },
          { title: t("accounts.username"), dataIndex: "username", key: "username" },
          {
            title: t("accounts.roles"),
            key: "roles",
            render: (_, account) => (
              <Space size={[4, 4]} wrap>
                {account.roles.map((grant) => (
                  <Tag key={grant.id}>
                    {t(`roles.${grant.role}`)} · {grant.orgName}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t("accounts.status"),
            key: "status",
            render: (_, account) => (
              <Space size={4} wrap>
                {account.disabled ? (
                  <Tag color="red">{t("accounts.disabled")}</Tag>
                ) : (
                  <Tag color="green">{t("accounts.active")}</Tag>
                )}
                {account.mustChangePassword && <Tag color="orange">{t("accounts.mustChange")}</Tag>}
                {account.totpEnabled && <Tag color="blue">{t("accounts.totp")}</Tag>}
              </Space>
            ),
          },
        ]}
      />
      <CreateAccountDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(account) => {
          setCreating(false);
          setOpenId(account.id);
        }}
      />
      <AccountDrawer accountId={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
