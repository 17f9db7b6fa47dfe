// The counts of a check: tasks, how many have every clear, and per clear how many are present, weak
// or missing.
import type { PlanCheck } from "@namro/contracts";
import { Table } from "antd";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/dates.ts";

export function PlanCheckSummary({ check }: { check: PlanCheck }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  const { summary } = check;
  const rows = summary.perClear.map((row, i) => ({
    ...row,
    label: `${i + 1}. ${check.clears[i]?.label[lang] ?? row.key}`,
  }));
  return (
    <div data-testid="plan-summary">
      <p style={{ fontSize: 16 }}>
        {t("planChecker.summary.counts", {
          tasks: formatNumber(summary.tasks),
          complete: formatNumber(summary.complete),
          lacking: formatNumber(summary.tasks - summary.complete),
        })}
      </p>
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        scroll={{ x: true }}
        columns={[
          { title: t("planChecker.summary.clear"), dataIndex: "label" },
          { title: t("planChecker.grade.present"), dataIndex: "present", align: "right" },
          { title: t("planChecker.grade.weak"), dataIndex: "weak", align: "right" },
          { title: t("planChecker.grade.missing"), dataIndex: "missing", align: "right" },
        ]}
      />
    </div>
  );
}
