// Browse and search members in the person's scope: search (name without diacritics, card number, ID
// number), filters kept in the address, server paging, export, import and admission.
import { CloudUploadOutlined, SwapOutlined, UserAddOutlined } from "@ant-design/icons";
import type { MemberSummary } from "@namro/contracts";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { Alert, Button, Select, Space, Table, Tag } from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, formatNumber } from "../../lib/dates.ts";
import { errorText } from "../../lib/errors.ts";
import { PageHeader } from "../../ui/PageHeader.tsx";
import { SearchInput } from "../../ui/SearchInput.tsx";
import { hasPermission, useMe } from "../auth/session.ts";
import { useOrg } from "../organisations/org-queries.ts";
import { AdmitMemberDialog } from "./AdmitMemberDialog.tsx";
import { ExportButton } from "./ExportButton.tsx";
import { MemberFilters } from "./MemberFilters.tsx";
import { MemberStatusTag } from "./MemberStatusTag.tsx";
import { MEMBERS_PAGE_SIZE, useMemberList } from "./member-queries.ts";
import { applyPatch, filtersOf, type MembersSearch, type SearchPatch } from "./members-search.ts";

export function MembersPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const search = useSearch({ from: "/shell/members" });
  const navigate = useNavigate();
  const [admitting, setAdmitting] = useState(false);
  const canRead = hasPermission(me, "member.read");
  const canManage = hasPermission(me, "member.manage");
  const canSeeSensitive = hasPermission(me, "member.sensitive");
  const list = useMemberList(search, canRead);
  const chosenOrg = useOrg(search.orgId);

  const update = useCallback(
    (patch: SearchPatch) => {
      const typing = Object.keys(patch).length === 1 && "q" in patch;
      void navigate({
        to: "/members",
        // A new filter starts again from the first page.
        search: (previous: MembersSearch) => applyPatch(previous, { ...patch, page: patch.page }),
        replace: typing,
      });
    },
    [navigate],
  );
  const commitQuery = useCallback((q: string | undefined) => update({ q }), [update]);

  if (!canRead) return <Alert type="warning" showIcon title={t("errors.forbidden")} />;

  const sort = search.sort ?? "name";
  const total = list.data?.total ?? 0;

  return (
    <div>
      <PageHeader title={t("members.title")} titleTestId="members-title">
        <Space wrap>
          <Link to="/member-transfers">
            <Button icon={<SwapOutlined />} data-testid="members-transfers-link">
              {t("members.transfers.title")}
            </Button>
          </Link>
          {canManage && (
            <Button
              icon={<CloudUploadOutlined />}
              onClick={() => void navigate({ to: "/members/import" })}
              data-testid="members-import"
            >
              {t("members.importAction")}
            </Button>
          )}
          <ExportButton filters={filtersOf(search)} disabled={total === 0} />
          {canManage && (
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              onClick={() => setAdmitting(true)}
              data-testid="members-admit"
            >
              {t("members.admit.action")}
            </Button>
          )}
        </Space>
      </PageHeader>
      <div className="members-search-row">
        <SearchInput
          value={search.q}
          onCommit={commitQuery}
          placeholder={t("members.searchPlaceholder")}
          testId="member-search"
        />
        <Select
          value={sort}
          onChange={(value) => update({ sort: value === "name" ? undefined : value })}
          aria-label={t("members.sort.label")}
          style={{ minWidth: 200 }}
          data-testid="member-sort"
          options={(["name", "birthDate", "-birthDate", "admittedOn", "-admittedOn"] as const).map(
            (value) => ({ value, label: t(`members.sort.${value.replace("-", "desc_")}`) }),
          )}
        />
      </div>
      <MemberFilters
        search={search}
        onChange={update}
        canSeeSensitive={canSeeSensitive}
        knownOrgLabels={chosenOrg.data ? { [chosenOrg.data.id]: chosenOrg.data.name } : {}}
      />
      {search.asOf && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="member-as-of-notice"
          title={t("members.asOfNotice", { date: formatDate(search.asOf) })}
          action={
            <Button size="small" onClick={() => update({ asOf: undefined })}>
              {t("asOf.backToToday")}
            </Button>
          }
        />
      )}
      {list.isError && (
        <Alert
          type="error"
          showIcon
          title={errorText(list.error, t)}
          style={{ marginBottom: 12 }}
          data-testid="member-list-error"
        />
      )}
      <div className="muted" style={{ marginBottom: 8 }} data-testid="member-total" aria-live="polite">
        {list.data
          ? t(list.data.totalCapped ? "members.foundMore" : "members.found", { n: formatNumber(total) })
          : t("common.loading")}
      </div>
      <Table<MemberSummary>
        data-testid="member-table"
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: "max-content" }}
        locale={{
          emptyText: list.isPending ? t("common.loading") : t("members.empty"),
        }}
        onRow={() => ({ "data-testid": "member-row" }) as React.HTMLAttributes<HTMLElement>}
        pagination={{
          current: search.page ?? 1,
          pageSize: MEMBERS_PAGE_SIZE,
          total,
          showSizeChanger: false,
          onChange: (page) => update({ page: page > 1 ? page : undefined }),
          showTotal: (n) => t("common.total", { n: formatNumber(n) }),
          size: "small",
        }}
        columns={[
          {
            title: t("members.fields.fullName"),
            key: "fullName",
            render: (_, member) => (
              <div>
                <Link
                  to="/members/$id"
                  params={{ id: String(member.id) }}
                  data-testid="member-link"
                  style={{ fontWeight: 500 }}
                >
                  {member.fullName}
                </Link>
                <div className="muted member-row-sub">{member.orgName}</div>
              </div>
            ),
          },
          {
            title: t("members.fields.birthDate"),
            dataIndex: "birthDate",
            key: "birthDate",
            responsive: ["sm"],
            render: (value: string) => formatDate(value),
          },
          {
            title: t("members.fields.sex"),
            dataIndex: "sex",
            key: "sex",
            responsive: ["lg"],
            render: (value: string) => t(`members.sex.${value}`),
          },
          {
            title: t("members.fields.cardNumber"),
            dataIndex: "cardNumber",
            key: "cardNumber",
            responsive: ["md"],
            render: (value: string | null) => value ?? "—",
          },
          {
            title: t("members.fields.citizenId"),
            dataIndex: "citizenId",
            key: "citizenId",
            responsive: ["xl"],
            render: (value: string | null) => value ?? "—",
          },
          {
            title: t("members.fields.admittedOn"),
            dataIndex: "admittedOn",
            key: "admittedOn",
            responsive: ["md"],
            render: (value: string) => formatDate(value),
          },
          {
            title: t("members.fields.status"),
            key: "status",
            render: (_, member) => (
              <Space size={[4, 4]} wrap>
                <MemberStatusTag status={member.status} />
                {member.activity !== "regular" && <Tag>{t(`members.activity.${member.activity}`)}</Tag>}
              </Space>
            ),
          },
        ]}
      />
      {canManage && <AdmitMemberDialog open={admitting} onClose={() => setAdmitting(false)} />}
    </div>
  );
}
