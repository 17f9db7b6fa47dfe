// The members list's filters: organisation subtree, status, sex, age band, ethnicity, religion (only
// for people who may see it), education, theory level, post held, "as of" date and sort order. On
// phones they fold behind a button that says how many are set.
import { FilterOutlined, HistoryOutlined } from "@ant-design/icons";
import { AutoComplete, Button, Col, DatePicker, Grid, Row, Select } from "antd";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { DATE_FORMAT, fromIsoDate, isAfterToday, toIsoDate } from "../../lib/dates.ts";
import { OrgPicker } from "../../ui/OrgPicker.tsx";
import {
  ageBandOptions,
  COMMON_ETHNICITIES,
  COMMON_RELIGIONS,
  educationOptions,
  sexOptions,
  statusOptions,
  theoryOptions,
} from "./member-labels.ts";
import { usePostTypes } from "./member-queries.ts";
import {
  activeFilterCount,
  joinList,
  type MembersSearch,
  type SearchPatch,
  splitList,
} from "./members-search.ts";

interface Props {
  search: MembersSearch;
  onChange: (patch: SearchPatch) => void;
  canSeeSensitive: boolean;
  knownOrgLabels: Readonly<Record<number, string>>;
}

/** Free text that updates the address once the person stops typing. */
function TextFilter({
  value,
  onCommit,
  options,
  label,
  testId,
}: {
  value: string | undefined;
  onCommit: (value: string | undefined) => void;
  options: readonly string[];
  label: string;
  testId: string;
}) {
  const [text, setText] = useState(value ?? "");
  useEffect(() => setText(value ?? ""), [value]);
  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === (value ?? "")) return;
    const timer = window.setTimeout(() => onCommit(trimmed === "" ? undefined : trimmed), 400);
    return () => window.clearTimeout(timer);
  }, [text, value, onCommit]);
  return (
    <AutoComplete
      value={text}
      onChange={setText}
      options={options.map((option) => ({ value: option }))}
      filterOption={(input, option) =>
        String(option?.value ?? "")
          .toLocaleLowerCase("vi")
          .includes(input.toLocaleLowerCase("vi"))
      }
      allowClear
      placeholder={label}
      aria-label={label}
      style={{ width: "100%" }}
      data-testid={testId}
    />
  );
}

function Field({ label, htmlFor, children }: { label: string; htmlFor?: string; children: ReactNode }) {
  return (
    <Col xs={24} sm={12} lg={8} xl={6}>
      <label className="muted filter-label" htmlFor={htmlFor}>
        {label}
      </label>
      {children}
    </Col>
  );
}

export function MemberFilters({ search, onChange, canSeeSensitive, knownOrgLabels }: Props) {
  const { t, i18n } = useTranslation();
  const screens = Grid.useBreakpoint();
  const isDesktop = screens.md ?? true;
  const [open, setOpen] = useState(false);
  const postTypes = usePostTypes();
  const count = activeFilterCount(search);
  const english = i18n.language === "en";

  const multi = (key: "status" | "ageBand" | "educationProfessional" | "theoryLevel") => ({
    mode: "multiple" as const,
    allowClear: true,
    maxTagCount: "responsive" as const,
    value: splitList(search[key]),
    onChange: (values: string[]) => onChange({ [key]: joinList(values) }),
    style: { width: "100%" },
    placeholder: t("members.filters.any"),
  });

  const grid = (
    <Row gutter={[12, 8]} data-testid="member-filters" style={{ marginBottom: 12 }}>
      <Field label={t("members.filters.org")}>
        <OrgPicker
          testId="member-filter-org"
          ariaLabel={t("members.filters.org")}
          placeholder={t("members.filters.orgAll")}
          value={search.orgId}
          knownLabels={knownOrgLabels}
          onChange={(orgId) => onChange({ orgId })}
          style={{ width: "100%" }}
        />
      </Field>
      <Field label={t("members.fields.status")}>
        <Select<string[]>
          {...multi("status")}
          placeholder={search.asOf ? t("members.filters.any") : t("members.filters.anyStatus")}
          options={statusOptions(t)}
          aria-label={t("members.fields.status")}
          data-testid="member-filter-status"
        />
      </Field>
      <Field label={t("members.fields.sex")}>
        <Select
          allowClear
          value={search.sex ?? null}
          onChange={(sex: "male" | "female" | undefined) => onChange({ sex: sex ?? undefined })}
          options={sexOptions(t)}
          placeholder={t("members.filters.any")}
          aria-label={t("members.fields.sex")}
          style={{ width: "100%" }}
          data-testid="member-filter-sex"
        />
      </Field>
      <Field label={t("members.filters.ageBand")}>
        <Select<string[]>
          {...multi("ageBand")}
          options={ageBandOptions(t)}
          aria-label={t("members.filters.ageBand")}
          data-testid="member-filter-age"
        />
      </Field>
      <Field label={t("members.fields.ethnicity")}>
        <TextFilter
          value={search.ethnicity}
          onCommit={(ethnicity) => onChange({ ethnicity })}
          options={COMMON_ETHNICITIES}
          label={t("members.fields.ethnicity")}
          testId="member-filter-ethnicity"
        />
      </Field>
      {canSeeSensitive && (
        <Field label={t("members.fields.religion")}>
          <TextFilter
            value={search.religion}
            onCommit={(religion) => onChange({ religion })}
            options={COMMON_RELIGIONS}
            label={t("members.fields.religion")}
            testId="member-filter-religion"
          />
        </Field>
      )}
      <Field label={t("members.fields.educationProfessional")}>
        <Select<string[]>
          {...multi("educationProfessional")}
          options={educationOptions(t)}
          aria-label={t("members.fields.educationProfessional")}
          data-testid="member-filter-education"
        />
      </Field>
      <Field label={t("members.fields.theoryLevel")}>
        <Select<string[]>
          {...multi("theoryLevel")}
          options={theoryOptions(t)}
          aria-label={t("members.fields.theoryLevel")}
          data-testid="member-filter-theory"
        />
      </Field>
      <Field label={t("members.filters.postType")}>
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          value={search.postType ?? null}
          onChange={(postType) => onChange({ postType: postType ?? undefined })}
          loading={postTypes.isPending}
          options={(postTypes.data?.items ?? []).map((type) => ({
            value: type.code,
            label: english ? type.nameEn : type.nameVi,
          }))}
          placeholder={t("members.filters.any")}
          aria-label={t("members.filters.postType")}
          style={{ width: "100%" }}
          data-testid="member-filter-post"
        />
      </Field>
      <Field label={t("members.filters.asOf")} htmlFor="member-as-of">
        <DatePicker
          id="member-as-of"
          data-testid="member-filter-as-of"
          format={DATE_FORMAT}
          value={search.asOf ? fromIsoDate(search.asOf) : null}
          disabledDate={isAfterToday}
          placeholder={t("asOf.today")}
          prefix={<HistoryOutlined />}
          allowClear
          style={{ width: "100%" }}
          onChange={(value) => onChange({ asOf: value ? toIsoDate(value) : undefined })}
        />
      </Field>
      {count > 0 && (
        <Col xs={24} sm={12} lg={8} xl={6} style={{ display: "flex", alignItems: "flex-end" }}>
          <Button
            onClick={() =>
              onChange({
                orgId: undefined,
                status: undefined,
                sex: undefined,
                ageBand: undefined,
                ethnicity: undefined,
                religion: undefined,
                educationProfessional: undefined,
                theoryLevel: undefined,
                postType: undefined,
                asOf: undefined,
              })
            }
            data-testid="member-filters-clear"
          >
            {t("members.filters.clear")}
          </Button>
        </Col>
      )}
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
        data-testid="member-filters-toggle"
      >
        {count > 0 ? t("members.filters.titleCount", { n: count }) : t("members.filters.title")}
      </Button>
      {open && grid}
    </>
  );
}
