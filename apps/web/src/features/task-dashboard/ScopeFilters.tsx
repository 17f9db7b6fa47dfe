// The choices both the dashboard and the roll-up share, kept in the address: the organisation, one plan
// or one directive (chosen by searching the register; once chosen it shows as a tag to remove), and a
// period (with this month, this quarter and this year one tap away).
import type { RollupScope } from "@namro/contracts";
import { Col, Collapse, DatePicker, Form, Grid, Radio, Row, Tag } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DATE_FORMAT, fromIsoDate, toIsoDate } from "../../lib/dates.ts";
import { OrgPicker } from "../../ui/OrgPicker.tsx";
import { DocumentPicker } from "../documents/DocumentPicker.tsx";
import type { RollupSearch, RollupSearchPatch } from "./rollup-search.ts";

type DocumentKind = "plan" | "directive";

export function ScopeFilters({
  search,
  scope,
  onChange,
  testIdPrefix,
}: {
  search: RollupSearch;
  /** The scope as the server read it: names for the organisation and the document chosen. */
  scope: RollupScope | undefined;
  onChange: (patch: RollupSearchPatch) => void;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<DocumentKind>(search.directiveId ? "directive" : "plan");
  const chosen = scope?.plan ?? scope?.directive ?? null;
  const chosenId = search.planId ?? search.directiveId;
  const id = (name: string) => `${testIdPrefix}-${name}`;
  const today = dayjs();
  const isDesktop = Grid.useBreakpoint().md ?? true;
  const [open, setOpen] = useState(false);
  const chosenCount = [search.orgId, chosenId, search.from ?? search.to].filter(
    (value) => value !== undefined,
  ).length;

  const form = (
    <Form layout="vertical" data-testid={id("filters")}>
      <Row gutter={[12, 0]}>
        <Col xs={24} md={12} lg={7}>
          <Form.Item label={t("taskDashboard.filters.org")} htmlFor={id("org")}>
            <OrgPicker
              id={id("org")}
              testId={id("org")}
              suggestRoleOrgs
              allowClear
              placeholder={t("taskDashboard.filters.ownScope")}
              ariaLabel={t("taskDashboard.filters.org")}
              value={search.orgId}
              knownLabels={scope && !scope.wholeScope ? { [scope.orgId]: scope.orgName } : {}}
              onChange={(orgId) => onChange({ orgId })}
              style={{ width: "100%" }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={9}>
          <Form.Item label={t("taskDashboard.filters.document")} htmlFor={id("document")}>
            {chosenId !== undefined ? (
              <Tag
                closable
                closeIcon
                onClose={() => onChange({ planId: undefined, directiveId: undefined })}
                style={{ whiteSpace: "normal", padding: "4px 8px", maxWidth: "100%" }}
                data-testid={id("document-chosen")}
              >
                {search.planId ? t("taskDashboard.filters.plan") : t("taskDashboard.filters.directive")}:{" "}
                <strong>{chosen?.symbol ?? `#${chosenId}`}</strong>
                {chosen ? ` — ${chosen.subject}` : ""}
              </Tag>
            ) : (
              <div style={{ display: "flex", flexDirection: "column", gap: 6 }}>
                <Radio.Group
                  optionType="button"
                  size="small"
                  value={kind}
                  onChange={(event) => setKind(event.target.value as DocumentKind)}
                  aria-label={t("taskDashboard.filters.documentKind")}
                  options={[
                    { value: "plan", label: t("taskDashboard.filters.plan") },
                    { value: "directive", label: t("taskDashboard.filters.directive") },
                  ]}
                />
                <DocumentPicker
                  key={kind}
                  id={id("document")}
                  testId={id("document")}
                  plansOnly={kind === "plan"}
                  ariaLabel={
                    kind === "plan"
                      ? t("taskDashboard.filters.choosePlan")
                      : t("taskDashboard.filters.chooseDirective")
                  }
                  onChange={(documentId) => {
                    if (documentId === undefined) return;
                    onChange(kind === "plan" ? { planId: documentId } : { directiveId: documentId });
                  }}
                />
              </div>
            )}
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Form.Item label={t("taskDashboard.filters.period")} htmlFor={id("period")}>
            <DatePicker.RangePicker
              id={{ start: id("period") }}
              data-testid={id("period")}
              format={DATE_FORMAT}
              allowEmpty={[true, true]}
              placeholder={[t("taskDashboard.filters.from"), t("taskDashboard.filters.to")]}
              value={[
                search.from ? fromIsoDate(search.from) : null,
                search.to ? fromIsoDate(search.to) : null,
              ]}
              presets={[
                {
                  label: t("taskDashboard.filters.thisMonth"),
                  value: [today.startOf("month"), today.endOf("month")],
                },
                {
                  label: t("taskDashboard.filters.thisQuarter"),
                  value: [
                    today.month(Math.floor(today.month() / 3) * 3).startOf("month"),
                    today.month(Math.floor(today.month() / 3) * 3 + 2).endOf("month"),
                  ],
                },
                {
                  label: t("taskDashboard.filters.thisYear"),
                  value: [today.startOf("year"), today.endOf("year")],
                },
              ]}
              onChange={(values) =>
                onChange({
                  from: values?.[0] ? toIsoDate(values[0]) : undefined,
                  to: values?.[1] ? toIsoDate(values[1]) : undefined,
                })
              }
              style={{ width: "100%" }}
            />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
  if (isDesktop) return form;
  // On a phone the figures come first: the filters fold under one line saying how many are chosen.
  return (
    <Collapse
      size="small"
      style={{ marginBottom: 12 }}
      activeKey={open ? ["filters"] : []}
      onChange={(keys) => setOpen(keys.length > 0)}
      items={[
        {
          key: "filters",
          label: t("taskDashboard.filters.toggle", { n: chosenCount }),
          children: form,
        },
      ]}
      data-testid={id("filters-toggle")}
    />
  );
}
