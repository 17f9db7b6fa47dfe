// Step 4: what the commit would do — counts, every problem with its row and column, rows matching
// existing members (update, skip or merge, for all or row by row), the error report to download —
// then the commit, confirmed, all rows or none.
import { DownloadOutlined, WarningOutlined } from "@ant-design/icons";
import {
  type MemberImport,
  type MemberImportMatchDecision,
  type MemberImportRow,
  memberImportRoutes,
} from "@namro/contracts";
import { Alert, App, Button, Card, Col, Radio, Row, Select, Space, Statistic, Table, Tabs } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, apiCall, buildPath } from "../../../lib/api.ts";
import { formatNumber } from "../../../lib/dates.ts";
import { downloadFile } from "../../../lib/download.ts";
import { errorText } from "../../../lib/errors.ts";
import { useImportChanged, useImportRows } from "./import-queries.ts";

const PAGE_SIZE = 50;
const DECISIONS: MemberImportMatchDecision[] = ["update", "merge", "skip"];

interface ProblemLine {
  key: string;
  row: number;
  column: string;
  message: string;
}

function ProblemsTable({ memberImport }: { memberImport: MemberImport }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const rows = useImportRows(memberImport.id, "problems", page, PAGE_SIZE, true);
  const lines: ProblemLine[] = (rows.data?.items ?? []).flatMap((row) =>
    row.problems.map((problem, index) => ({
      key: `${row.row}-${index}`,
      row: problem.row,
      column: problem.column,
      message: problem.message,
    })),
  );
  return (
    <Table<ProblemLine>
      data-testid="import-problems"
      size="small"
      rowKey="key"
      loading={rows.isFetching}
      dataSource={lines}
      locale={{ emptyText: t("memberImport.preview.noProblems") }}
      onRow={() => ({ "data-testid": "import-problem" }) as React.HTMLAttributes<HTMLElement>}
      pagination={
        (rows.data?.total ?? 0) > PAGE_SIZE
          ? {
              current: page,
              pageSize: PAGE_SIZE,
              total: rows.data?.total ?? 0,
              onChange: setPage,
              showSizeChanger: false,
              size: "small",
              showTotal: (n) => t("memberImport.preview.rowsWithProblems", { n: formatNumber(n) }),
            }
          : false
      }
      columns={[
        { title: t("memberImport.preview.row"), dataIndex: "row", key: "row", width: 70 },
        {
          title: t("memberImport.preview.column"),
          dataIndex: "column",
          key: "column",
          render: (value: string) => value || "—",
        },
        { title: t("memberImport.preview.problem"), dataIndex: "message", key: "message" },
      ]}
    />
  );
}

function MatchesTable({
  memberImport,
  onDecide,
  busy,
}: {
  memberImport: MemberImport;
  onDecide: (row: number, decision: MemberImportMatchDecision | null) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const rows = useImportRows(memberImport.id, "matched", page, PAGE_SIZE, true);
  const nameIndex = memberImport.columns.find((column) => column.field === "fullName")?.index;
  return (
    <Table<MemberImportRow>
      data-testid="import-matches"
      size="small"
      rowKey="row"
      loading={rows.isFetching}
      dataSource={rows.data?.items ?? []}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: t("memberImport.preview.noMatches") }}
      pagination={
        (rows.data?.total ?? 0) > PAGE_SIZE
          ? {
              current: page,
              pageSize: PAGE_SIZE,
              total: rows.data?.total ?? 0,
              onChange: setPage,
              showSizeChanger: false,
              size: "small",
            }
          : false
      }
      columns={[
        { title: t("memberImport.preview.row"), dataIndex: "row", key: "row", width: 70 },
        {
          title: t("memberImport.preview.inFile"),
          key: "name",
          render: (_, row) => (nameIndex === undefined ? "—" : (row.values[nameIndex] ?? "—")),
        },
        {
          title: t("memberImport.preview.matches"),
          key: "match",
          render: (_, row) =>
            row.match ? (
              <span>
                {row.match.memberName}{" "}
                <span className="muted">({t(`memberImport.matchKind.${row.match.kind}`)})</span>
              </span>
            ) : (
              "—"
            ),
        },
        {
          title: t("memberImport.preview.decision"),
          key: "decision",
          render: (_, row) => (
            <Select
              size="small"
              disabled={busy}
              value={row.decision ?? ""}
              onChange={(value: string) =>
                onDecide(row.row, value === "" ? null : (value as MemberImportMatchDecision))
              }
              style={{ width: 200 }}
              aria-label={t("memberImport.preview.decisionFor", { row: row.row })}
              options={[
                {
                  value: "",
                  label: t("memberImport.preview.asAll", {
                    decision: t(`memberImport.decision.${memberImport.matchDecision}`),
                  }),
                },
                ...DECISIONS.map((value) => ({ value, label: t(`memberImport.decision.${value}`) })),
              ]}
            />
          ),
        },
        {
          title: t("memberImport.preview.outcome"),
          key: "outcome",
          render: (_, row) => t(`memberImport.outcome.${row.outcome}`),
        },
      ]}
    />
  );
}

interface Props {
  memberImport: MemberImport;
  busy: boolean;
  onBackToMapping: () => void;
  onRestart: () => void;
}

export function PreviewStep({ memberImport, busy, onBackToMapping, onRestart }: Props) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const changed = useImportChanged();
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [saving, setSaving] = useState(false);
  const counts = memberImport.counts;

  const decide = async (body: {
    matchDecision?: MemberImportMatchDecision;
    rows?: { row: number; decision: MemberImportMatchDecision | null }[];
  }) => {
    setError(null);
    setSaving(true);
    try {
      await changed(
        await apiCall(memberImportRoutes.updateMemberImportDecisions, {
          params: { id: memberImport.id },
          body,
        }),
      );
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setSaving(false);
    }
  };

  const report = async () => {
    try {
      await downloadFile(
        buildPath(memberImportRoutes.downloadMemberImportReport.path, { id: memberImport.id }),
        "bao-cao-loi.xlsx",
      );
    } catch (caught) {
      message.error(errorText(caught, t));
    }
  };

  const commit = () => {
    modal.confirm({
      title: t("memberImport.commit.confirmTitle", { org: memberImport.orgName }),
      content: (
        <div data-testid="import-commit-confirm-text">
          <p>
            {t("memberImport.commit.confirmCounts", {
              accepted: formatNumber(counts.accepted),
              created: formatNumber(counts.new),
              matched: formatNumber(counts.matched),
            })}
          </p>
          {counts.rejected > 0 && (
            <p>{t("memberImport.commit.confirmRejected", { n: formatNumber(counts.rejected) })}</p>
          )}
          <p className="muted">{t("memberImport.commit.allOrNone")}</p>
        </div>
      ),
      okText: t("memberImport.commit.ok"),
      okButtonProps: { "data-testid": "import-commit-ok" } as never,
      cancelText: t("common.cancel"),
      onOk: async () => {
        try {
          await changed(
            await apiCall(memberImportRoutes.commitMemberImport, { params: { id: memberImport.id } }),
          );
        } catch (caught) {
          setError(errorText(caught, t));
          // A matched member changed since the preview: offer to validate again against the records.
          setStale(caught instanceof ApiError && caught.code === "MEMBER_IMPORT_STALE");
        }
      },
    });
  };

  const disabled = busy || saving;
  return (
    <div data-testid="import-preview-step">
      {memberImport.ignoredSensitiveColumns.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="import-ignored-sensitive"
          title={t("memberImport.ignoredSensitive.title")}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {memberImport.ignoredSensitiveColumns.map((header) => (
                <li key={header}>{t("memberImport.ignoredSensitive.column", { header })}</li>
              ))}
            </ul>
          }
        />
      )}
      <Row gutter={[12, 12]} data-testid="import-counts">
        {(
          [
            ["rows", counts.rows],
            ["accepted", counts.accepted],
            ["rejected", counts.rejected],
            ["new", counts.new],
            ["matched", counts.matched],
            ["duplicates", counts.duplicates],
          ] as const
        ).map(([key, value]) => (
          <Col xs={12} sm={8} lg={4} key={key}>
            <Card size="small">
              <Statistic
                title={t(`memberImport.counts.${key}`)}
                value={value}
                formatter={(n) => formatNumber(Number(n))}
                styles={{ content: key === "rejected" && value > 0 ? { color: "#cf1322" } : {} }}
                data-testid={`import-count-${key}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 12 }}
          title={error}
          action={
            stale ? (
              <Button
                size="small"
                disabled={disabled}
                data-testid="import-revalidate"
                onClick={() => {
                  setStale(false);
                  void decide({ matchDecision: memberImport.matchDecision });
                }}
              >
                {t("memberImport.preview.revalidate")}
              </Button>
            ) : undefined
          }
        />
      )}
      {counts.matched > 0 && (
        <Card size="small" style={{ marginTop: 12 }} title={t("memberImport.preview.matchTitle")}>
          <p className="muted" style={{ marginTop: 0 }}>
            {t("memberImport.preview.matchExplain")}
          </p>
          <Radio.Group
            value={memberImport.matchDecision}
            disabled={disabled}
            onChange={(event) =>
              void decide({ matchDecision: event.target.value as MemberImportMatchDecision })
            }
            data-testid="import-match-decision"
            optionType="button"
            options={DECISIONS.map((value) => ({ value, label: t(`memberImport.decision.${value}`) }))}
          />
          <div className="muted" style={{ marginTop: 8, fontSize: 12 }}>
            {t(`memberImport.decisionHelp.${memberImport.matchDecision}`)}
          </div>
        </Card>
      )}
      <Tabs
        style={{ marginTop: 12 }}
        items={[
          {
            key: "problems",
            label: (
              <span>
                <WarningOutlined />{" "}
                {t("memberImport.preview.problemsTab", { n: formatNumber(counts.problems) })}
              </span>
            ),
            children: <ProblemsTable memberImport={memberImport} />,
          },
          {
            key: "matches",
            label: t("memberImport.preview.matchesTab", { n: formatNumber(counts.matched) }),
            children: (
              <MatchesTable
                memberImport={memberImport}
                busy={disabled}
                onDecide={(row, decision) => void decide({ rows: [{ row, decision }] })}
              />
            ),
          },
        ]}
      />
      <Space wrap style={{ marginTop: 16 }}>
        <Button
          type="primary"
          disabled={disabled || counts.accepted === 0}
          onClick={commit}
          data-testid="import-commit"
        >
          {t("memberImport.commit.action", { n: formatNumber(counts.accepted) })}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          disabled={disabled}
          onClick={() => void report()}
          data-testid="import-report"
        >
          {t("memberImport.preview.report")}
        </Button>
        <Button disabled={disabled} onClick={onBackToMapping} data-testid="import-back-to-mapping">
          {t("memberImport.preview.backToMapping")}
        </Button>
        <Button onClick={onRestart}>{t("memberImport.restart")}</Button>
      </Space>
    </div>
  );
}
