// The task list's filters: organisation subtree, plan, status, "chưa đủ 5 rõ", "của tôi" and the due
// range. On phones they fold behind a button that says how many are set.
import { FilterOutlined } from "@ant-design/icons";
import { Button, Checkbox, Col, DatePicker, Grid, Row, Select } from "antd";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { DATE_FORMAT, fromIsoDate, toIsoDate } from "../../lib/dates.ts";
import { OrgPicker } from "../../ui/OrgPicker.tsx";
import { DocumentPicker } from "../documents/DocumentPicker.tsx";
import { statusOptions } from "./task-labels.ts";
import { activeTaskFilterCount, type TasksSearch, type TasksSearchPatch } from "./tasks-search.ts";

interface Props {
  search: TasksSearch;
  onChange: (patch: TasksSearchPatch) => void;
  knownOrgLabels: Readonly<Record<number, string>>;
  knownPlan?: { id: number; label: string } | undefined;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Col xs={24} sm={12} lg={8} xl={6}>
      <div className="muted filter-label">{label}</div>
      {children}
    </Col>
  );
}

export function TaskFilters({ search, onChange, knownOrgLabels, knownPlan }: Props) {
  const { t } = useTranslation();
  const isDesktop = Grid.useBreakpoint().md ?? true;
  const [open, setOpen] = useState(false);
  const count = activeTaskFilterCount(search);

  const grid = (
    <Row gutter={[12, 8]} data-testid="task-filters" style={{ marginBottom: 12 }}>
      <Field label={t("tasks.filters.org")}>
        <OrgPicker
          testId="task-filter-org"
          ariaLabel={t("tasks.filters.org")}
          placeholder={t("tasks.filters.orgAll")}
          value={search.orgId}
          knownLabels={knownOrgLabels}
          onChange={(orgId) => onChange({ orgId })}
          style={{ width: "100%", minWidth: 0 }}
        />
      </Field>
      <Field label={t("tasks.fields.plan")}>
        <DocumentPicker
          plansOnly
          testId="task-filter-plan"
          ariaLabel={t("tasks.fields.plan")}
          value={search.plan}
          {...(knownPlan ? { knownLabel: knownPlan } : {})}
          onChange={(plan) => onChange({ plan })}
        />
      </Field>
      <Field label={t("tasks.fields.status")}>
        <Select
          allowClear
          value={search.status ?? null}
          onChange={(status) => onChange({ status: status ?? undefined })}
          options={statusOptions(t)}
          placeholder={t("tasks.filters.any")}
          aria-label={t("tasks.fields.status")}
          style={{ width: "100%" }}
          data-testid="task-filter-status"
        />
      </Field>
      <Field label={t("tasks.filters.due")}>
        <DatePicker.RangePicker
          format={DATE_FORMAT}
          allowEmpty={[true, true]}
          value={[
            search.dueFrom ? fromIsoDate(search.dueFrom) : null,
            search.dueTo ? fromIsoDate(search.dueTo) : null,
          ]}
          onChange={(range) =>
            onChange({
              dueFrom: range?.[0] ? toIsoDate(range[0]) : undefined,
              dueTo: range?.[1] ? toIsoDate(range[1]) : undefined,
            })
          }
          placeholder={[t("tasks.filters.dueFrom"), t("tasks.filters.dueTo")]}
          style={{ width: "100%" }}
          data-testid="task-filter-due"
        />
      </Field>
      <Field label={t("tasks.filters.order")}>
        <Select<"due" | "recent" | "title">
          value={search.order ?? "due"}
          onChange={(order) => onChange({ order: order === "due" ? undefined : order })}
          options={(["due", "recent", "title"] as const).map((value) => ({
            value,
            label: t(`tasks.filters.orders.${value}`),
          }))}
          aria-label={t("tasks.filters.order")}
          style={{ width: "100%" }}
          data-testid="task-filter-order"
        />
      </Field>
      <Col xs={24}>
        <Checkbox
          checked={search.missing === true}
          onChange={(event) => onChange({ missing: event.target.checked ? true : undefined })}
          data-testid="task-filter-missing"
        >
          {t("tasks.filters.missing")}
        </Checkbox>
        <Checkbox
          checked={search.mine === true}
          onChange={(event) => onChange({ mine: event.target.checked ? true : undefined })}
          data-testid="task-filter-mine"
        >
          {t("tasks.filters.mine")}
        </Checkbox>
        {count > 0 && (
          <Button
            size="small"
            onClick={() =>
              onChange({
                orgId: undefined,
                plan: undefined,
                status: undefined,
                missing: undefined,
                mine: undefined,
                dueFrom: undefined,
                dueTo: undefined,
              })
            }
            data-testid="task-filters-clear"
          >
            {t("tasks.filters.clear")}
          </Button>
        )}
      </Col>
    </Row>
  );

  if (isDesktop) return grid;
  return (
    <>
      <Button
        icon={<FilterOutlined />}
        onClick={() => setOpen((value) => !value)}
        aria-expanded={open}
        style={{ marginBottom: 8 }}
        data-testid="task-filters-toggle"
      >
        {count > 0 ? t("tasks.filters.titleCount", { n: count }) : t("tasks.filters.title")}
      </Button>
      {open && grid}
    </>
  );
}
