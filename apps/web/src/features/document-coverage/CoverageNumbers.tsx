// The counts of a set of targets as small tags (in lists) — on time, late, missing, overdue.
import type { CoverageTotals } from "@namro/contracts";
import { Progress, Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/dates.ts";
import { issuedPercent } from "./coverage-labels.ts";

export function CoverageNumbers({ totals, testId }: { totals: CoverageTotals; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Space size={[4, 4]} wrap data-testid={testId}>
      <Tag color="green" data-testid="count-on-time">
        {t("documentCoverage.counts.onTime", { n: formatNumber(totals.onTime) })}
      </Tag>
      <Tag color="orange" data-testid="count-late">
        {t("documentCoverage.counts.late", { n: formatNumber(totals.late) })}
      </Tag>
      <Tag color="red" data-testid="count-missing">
        {t("documentCoverage.counts.missing", { n: formatNumber(totals.missing) })}
      </Tag>
      {totals.overdue > 0 && (
        <Tag color="volcano" data-testid="count-overdue">
          {t("documentCoverage.counts.overdue", { n: formatNumber(totals.overdue) })}
        </Tag>
      )}
    </Space>
  );
}

/** The share issued as a thin bar with "6/10". */
export function IssuedProgress({ totals }: { totals: CoverageTotals }) {
  const { t } = useTranslation();
  return (
    <Progress
      percent={issuedPercent(totals)}
      size="small"
      strokeColor="#389e0d"
      format={() => `${formatNumber(totals.issued)}/${formatNumber(totals.targets)}`}
      aria-label={t("documentCoverage.issuedOf", {
        issued: formatNumber(totals.issued),
        targets: formatNumber(totals.targets),
      })}
      style={{ maxWidth: 260, marginBottom: 0 }}
    />
  );
}
