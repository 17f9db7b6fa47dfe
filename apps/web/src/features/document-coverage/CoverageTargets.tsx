// The targets under the node: organisation, status, implementing document, date issued, days late or
// overdue, last reminded. Targets that have not issued can be chosen for a reminder. A wide table on
// a computer; one card per target on a phone.
import type { CascadeCoverage, CoverageTarget } from "@namro/contracts";
import { Checkbox, Grid, List, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime, formatNumber } from "../../lib/dates.ts";
import { isRemindable } from "./coverage-labels.ts";
import { COVERAGE_PAGE_SIZE } from "./coverage-queries.ts";
import { ImplementingDocument, TargetStatusTag, Timeliness } from "./TargetStanding.tsx";

interface Props {
  coverage: CascadeCoverage;
  loading: boolean;
  /** Null when the reader may not remind (nothing to choose). */
  selected: readonly number[] | null;
  onSelect: (orgIds: number[]) => void;
  onPage: (page: number) => void;
}

function OrgCell({ target }: { target: CoverageTarget }) {
  const { t } = useTranslation();
  return (
    <div>
      <span data-testid="target-name" style={{ fontWeight: 500 }}>
        {target.orgName}
      </span>
      {!target.orgActive && (
        <Tag style={{ marginInlineStart: 6 }}>{t("documentCoverage.targets.inactive")}</Tag>
      )}
      {target.pathNames.length > 1 && <div className="org-path">{target.pathNames.slice(1).join(" › ")}</div>}
    </div>
  );
}

function TargetCards({ coverage, selected, onSelect, onPage, loading }: Props) {
  const { t } = useTranslation();
  const { cascade, today, targets } = coverage;
  const chosen = new Set(selected ?? []);
  return (
    <List<CoverageTarget>
      data-testid="coverage-target-cards"
      loading={loading}
      dataSource={targets.items}
      locale={{ emptyText: t("documentCoverage.targets.empty") }}
      pagination={
        targets.total > COVERAGE_PAGE_SIZE
          ? {
              current: targets.page,
              pageSize: COVERAGE_PAGE_SIZE,
              total: targets.total,
              size: "small",
              onChange: onPage,
            }
          : false
      }
      renderItem={(target) => {
        const choosable = selected !== null && isRemindable(target);
        const toggle = () =>
          onSelect(
            chosen.has(target.orgId)
              ? [...chosen].filter((id) => id !== target.orgId)
              : [...chosen, target.orgId],
          );
        return (
          <List.Item
            data-testid="coverage-target"
            data-org-id={target.orgId}
            // The whole card chooses the target on a phone (a 16 px box is hard to hit); links keep their job.
            onClick={(event) => {
              if (choosable && !(event.target as HTMLElement).closest("a, button, input, label")) toggle();
            }}
            style={choosable ? { cursor: "pointer" } : {}}
          >
            <div style={{ width: "100%" }}>
              <div style={{ display: "flex", gap: 8, alignItems: "flex-start" }}>
                {selected !== null && (
                  <Checkbox
                    disabled={!isRemindable(target)}
                    checked={chosen.has(target.orgId)}
                    aria-label={t("documentCoverage.targets.choose", { name: target.orgName })}
                    onChange={toggle}
                    data-testid="target-select"
                  />
                )}
                <div style={{ flex: 1, minWidth: 0 }}>
                  <OrgCell target={target} />
                  <div
                    style={{ marginTop: 4, display: "flex", flexWrap: "wrap", gap: 6, alignItems: "center" }}
                  >
                    <TargetStatusTag target={target} />
                    <Timeliness target={target} deadline={cascade.deadline} today={today} />
                  </div>
                  {target.implementation && (
                    <div style={{ marginTop: 4 }}>
                      <ImplementingDocument target={target} />
                      {target.implementation.issuedOn && (
                        <span className="muted"> · {formatDate(target.implementation.issuedOn)}</span>
                      )}
                    </div>
                  )}
                  {target.lastRemindedAt && (
                    <div className="muted" style={{ fontSize: 12, marginTop: 2 }}>
                      {t("documentCoverage.targets.remindedAt", {
                        date: formatDateTime(target.lastRemindedAt),
                      })}
                    </div>
                  )}
                </div>
              </div>
            </div>
          </List.Item>
        );
      }}
    />
  );
}

function TargetTable({ coverage, selected, onSelect, onPage, loading }: Props) {
  const { t } = useTranslation();
  const { cascade, today, targets } = coverage;
  return (
    <Table<CoverageTarget>
      data-testid="coverage-target-table"
      rowKey="orgId"
      size="small"
      loading={loading}
      dataSource={targets.items}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: t("documentCoverage.targets.empty") }}
      onRow={(target) =>
        ({
          "data-testid": "coverage-target",
          "data-org-id": target.orgId,
        }) as React.HTMLAttributes<HTMLElement>
      }
      {...(selected === null
        ? {}
        : {
            rowSelection: {
              selectedRowKeys: [...selected],
              preserveSelectedRowKeys: true,
              onChange: (keys) => onSelect(keys.map(Number)),
              getCheckboxProps: (target) => ({
                disabled: !isRemindable(target),
                "aria-label": t("documentCoverage.targets.choose", { name: target.orgName }),
                "data-testid": "target-select",
              }),
            },
          })}
      pagination={
        targets.total > COVERAGE_PAGE_SIZE
          ? {
              current: targets.page,
              pageSize: COVERAGE_PAGE_SIZE,
              total: targets.total,
              showSizeChanger: false,
              size: "small",
              onChange: onPage,
              showTotal: (n) => t("common.total", { n: formatNumber(n) }),
            }
          : false
      }
      columns={[
        {
          title: t("documentCoverage.targets.org"),
          key: "org",
          render: (_, target) => <OrgCell target={target} />,
        },
        {
          title: t("documentCoverage.targets.status"),
          key: "status",
          render: (_, target) => <TargetStatusTag target={target} />,
        },
        {
          title: t("documentCoverage.targets.document"),
          key: "document",
          render: (_, target) => <ImplementingDocument target={target} />,
        },
        {
          title: t("documentCoverage.targets.issuedOn"),
          key: "issuedOn",
          render: (_, target) => (
            <span data-testid="target-issued-on">{formatDate(target.implementation?.issuedOn) || "—"}</span>
          ),
        },
        {
          title: t("documentCoverage.targets.timeliness"),
          key: "timeliness",
          render: (_, target) => <Timeliness target={target} deadline={cascade.deadline} today={today} />,
        },
        {
          title: t("documentCoverage.targets.lastReminded"),
          key: "lastReminded",
          render: (_, target) => (
            <span data-testid="target-reminded">{formatDateTime(target.lastRemindedAt) || "—"}</span>
          ),
        },
      ]}
    />
  );
}

export function CoverageTargets(props: Props) {
  const screens = Grid.useBreakpoint();
  const isPhone = !(screens.md ?? true);
  return isPhone ? <TargetCards {...props} /> : <TargetTable {...props} />;
}
