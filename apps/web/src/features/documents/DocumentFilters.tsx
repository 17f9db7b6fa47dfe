// The register's filters: type, issuer, year, status, organisation subtree and whether placeholders
// are shown. On phones they fold behind a button that says how many are set.
import { FilterOutlined } from "@ant-design/icons";
import { Button, Checkbox, Col, Grid, InputNumber, Row, Select } from "antd";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { OrgPicker } from "../../ui/OrgPicker.tsx";
import { issuerOptions, typeAbbreviationOptions } from "../document-reference-data/reference-data-labels.ts";
import { useDocumentIssuers, useDocumentTypes } from "../document-reference-data/reference-data-queries.ts";
import { statusOptions } from "./document-labels.ts";
import {
  activeDocumentFilterCount,
  type DocumentsSearch,
  type DocumentsSearchPatch,
} from "./documents-search.ts";

interface Props {
  search: DocumentsSearch;
  onChange: (patch: DocumentsSearchPatch) => void;
  knownOrgLabels: Readonly<Record<number, string>>;
}

function Field({ label, htmlFor, children }: { label: string; htmlFor?: string; children: ReactNode }) {
  return (
    <Col xs={24} sm={12} lg={8} xl={4}>
      <label className="muted filter-label" htmlFor={htmlFor}>
        {label}
      </label>
      {children}
    </Col>
  );
}

export function DocumentFilters({ search, onChange, knownOrgLabels }: Props) {
  const { t, i18n } = useTranslation();
  const isDesktop = Grid.useBreakpoint().md ?? true;
  const [open, setOpen] = useState(false);
  const types = useDocumentTypes();
  const issuers = useDocumentIssuers();
  const count = activeDocumentFilterCount(search);
  const english = i18n.language === "en";

  const grid = (
    <Row gutter={[12, 8]} data-testid="document-filters" style={{ marginBottom: 12 }}>
      <Field label={t("documents.fields.type")}>
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          value={search.type ?? null}
          onChange={(type) => onChange({ type: type ?? undefined })}
          loading={types.isPending}
          options={typeAbbreviationOptions(types.data?.items ?? [], english)}
          placeholder={t("documents.filters.any")}
          aria-label={t("documents.fields.type")}
          style={{ width: "100%" }}
          data-testid="document-filter-type"
        />
      </Field>
      <Field label={t("documents.fields.issuer")}>
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          value={search.issuer ?? null}
          onChange={(issuer) => onChange({ issuer: issuer ?? undefined })}
          loading={issuers.isPending}
          options={issuerOptions(issuers.data?.items ?? [], english)}
          placeholder={t("documents.filters.any")}
          aria-label={t("documents.fields.issuer")}
          style={{ width: "100%" }}
          popupMatchSelectWidth={false}
          data-testid="document-filter-issuer"
        />
      </Field>
      <Field label={t("documents.filters.year")} htmlFor="document-filter-year">
        <InputNumber<number>
          id="document-filter-year"
          min={1930}
          max={2100}
          value={search.year ?? null}
          onChange={(year) => {
            if (year === null) onChange({ year: undefined });
            else if (Number.isInteger(year) && year >= 1930 && year <= 2100) onChange({ year });
          }}
          placeholder={t("documents.filters.anyYear")}
          style={{ width: "100%" }}
          data-testid="document-filter-year"
        />
      </Field>
      <Field label={t("documents.fields.status")}>
        <Select
          allowClear
          value={search.status ?? null}
          onChange={(status) => onChange({ status: status ?? undefined })}
          options={statusOptions(t)}
          placeholder={t("documents.filters.any")}
          aria-label={t("documents.fields.status")}
          style={{ width: "100%" }}
          data-testid="document-filter-status"
        />
      </Field>
      <Field label={t("documents.filters.org")}>
        <OrgPicker
          testId="document-filter-org"
          ariaLabel={t("documents.filters.org")}
          placeholder={t("documents.filters.orgAll")}
          value={search.orgId}
          knownLabels={knownOrgLabels}
          onChange={(orgId) => onChange({ orgId })}
          style={{ width: "100%", minWidth: 0 }}
        />
      </Field>
      <Field label={t("documents.filters.placeholdersLabel")}>
        <Checkbox
          checked={search.placeholders !== "hide"}
          onChange={(event) => onChange({ placeholders: event.target.checked ? undefined : "hide" })}
          style={{ paddingTop: 5 }}
          data-testid="document-filter-placeholders"
        >
          {t("documents.filters.placeholders")}
        </Checkbox>
      </Field>
      {count > 0 && (
        <Col xs={24}>
          <Button
            size="small"
            onClick={() =>
              onChange({
                type: undefined,
                issuer: undefined,
                year: undefined,
                status: undefined,
                orgId: undefined,
                placeholders: undefined,
              })
            }
            data-testid="document-filters-clear"
          >
            {t("documents.filters.clear")}
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
        data-testid="document-filters-toggle"
      >
        {count > 0 ? t("documents.filters.titleCount", { n: count }) : t("documents.filters.title")}
      </Button>
      {open && grid}
    </>
  );
}
