// The audit log of the administrator's scope, newest first, filterable; each row opens its before/after.
import { type AuditEntry, auditRoutes } from "@namro/contracts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Button, DatePicker, Form, InputNumber, Select, Space, Table } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiCall } from "../../lib/api.ts";
import { DATE_FORMAT, formatDateTime, formatNumber, isAfterToday, toIsoDate } from "../../lib/dates.ts";
import { errorText } from "../../lib/errors.ts";
import { OrgPicker } from "../../ui/OrgPicker.tsx";
import { hasPermission, useMe } from "../auth/session.ts";
import { AuditDiff } from "./AuditDiff.tsx";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, auditActionLabel, auditEntityLabel } from "./audit-labels.ts";

const PAGE_SIZE = 25;

interface FilterValues {
  actorId?: number | null;
  entityType?: string;
  action?: string;
  orgId?: number;
  range?: [Dayjs | null, Dayjs | null] | null;
}

interface Filters {
  actorId?: number;
  entityType?: string;
  action?: string;
  orgId?: number;
  from?: string;
  to?: string;
}

function toFilters(values: FilterValues): Filters {
  const filters: Filters = {};
  if (values.actorId) filters.actorId = values.actorId;
  if (values.entityType?.trim()) filters.entityType = values.entityType.trim();
  if (values.action?.trim()) filters.action = values.action.trim();
  if (values.orgId) filters.orgId = values.orgId;
  if (values.range?.[0]) filters.from = toIsoDate(values.range[0]);
  if (values.range?.[1]) filters.to = toIsoDate(values.range[1]);
  return filters;
}

export function AuditPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const allowed = hasPermission(me, "audit.read");
  const list = useQuery({
    queryKey: ["audit", filters, page],
    queryFn: () => apiCall(auditRoutes.listAudit, { query: { ...filters, page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
    enabled: allowed,
  });
  if (!allowed) return <Alert type="warning" showIcon title={t("errors.forbidden")} />;

  return (
    <div>
      <h1 className="page-title">{t("audit.title")}</h1>
      <Form<FilterValues>
        form={form}
        layout="vertical"
        onFinish={(values) => {
          setFilters(toFilters(values));
          setPage(1);
        }}
        data-testid="audit-filters"
      >
        <Space wrap align="end">
          <Form.Item name="orgId" label={t("audit.org")} style={{ marginBottom: 8 }}>
            <OrgPicker testId="audit-filter-org" style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="entityType" label={t("audit.entityType")} style={{ marginBottom: 8 }}>
            <Select
              allowClear
              style={{ width: 170 }}
              data-testid="audit-filter-entity"
              options={AUDIT_ENTITY_TYPES.map((value) => ({ value, label: auditEntityLabel(t, value) }))}
            />
          </Form.Item>
          <Form.Item name="action" label={t("audit.action")} style={{ marginBottom: 8 }}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              style={{ width: 240 }}
              data-testid="audit-filter-action"
              options={AUDIT_ACTIONS.map((value) => ({ value, label: auditActionLabel(t, value) }))}
            />
          </Form.Item>
          <Form.Item name="actorId" label={t("audit.actorId")} style={{ marginBottom: 8 }}>
            <InputNumber min={1} style={{ width: 120 }} data-testid="audit-filter-actor" />
          </Form.Item>
          <Form.Item name="range" label={t("audit.range")} style={{ marginBottom: 8 }}>
            <DatePicker.RangePicker
              format={DATE_FORMAT}
              disabledDate={isAfterToday}
              allowEmpty={[true, true]}
              data-testid="audit-filter-range"
            />
          </Form.Item>
          <Form.Item style={{ marginBottom: 8 }}>
            <Space>
              <Button type="primary" htmlType="submit" data-testid="audit-filter-apply">
                {t("audit.apply")}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setFilters({});
                  setPage(1);
                }}
              >
                {t("audit.reset")}
              </Button>
            </Space>
          </Form.Item>
        </Space>
      </Form>
      {list.isError && (
        <Alert type="error" showIcon title={errorText(list.error, t)} style={{ margin: "12px 0" }} />
      )}
      <Table<AuditEntry>
        data-testid="audit-table"
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 800 }}
        expandable={{
          expandedRowRender: (entry) => <AuditDiff before={entry.before} after={entry.after} />,
          expandRowByClick: true,
        }}
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
            title: t("audit.when"),
            dataIndex: "occurredAt",
            key: "when",
            width: 150,
            render: (value: string) => formatDateTime(value),
          },
          {
            title: t("audit.actor"),
            key: "actor",
            // Changes made by the system itself (seeding, set-up) have no account behind them.
            render: (_, entry) =>
              entry.actorId === null ? t("history.system") : (entry.actorName ?? `#${entry.actorId}`),
          },
          {
            title: t("audit.action"),
            key: "action",
            render: (_, entry) => auditActionLabel(t, entry.action),
          },
          {
            title: t("audit.entity"),
            key: "entity",
            render: (_, entry) =>
              `${auditEntityLabel(t, entry.entityType)}${entry.entityId ? ` #${entry.entityId}` : ""}`,
          },
          {
            title: t("audit.org"),
            dataIndex: "orgName",
            key: "org",
            render: (value: string | null) => value ?? "—",
          },
        ]}
      />
    </div>
  );
}
