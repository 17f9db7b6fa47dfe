// The totals of the organisation drilled into: targets, issued on time, late, not issued, overdue —
// as numbers and as one chart (the numbers are the accessible version of the chart).
import type { CoverageTotals } from "@namro/contracts";
import { Card, Col, Row, Statistic } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/dates.ts";
import { type ChartOption, StatisticsChart } from "../member-statistics/StatisticsChart.tsx";
import { totalsSlices } from "./coverage-labels.ts";

const SLICE_COLORS = { onTime: "#52c41a", late: "#fa8c16", missingInTime: "#bfbfbf", overdue: "#cf1322" };

export function CoverageSummary({ totals }: { totals: CoverageTotals }) {
  const { t } = useTranslation();
  const cards = [
    { key: "targets", value: totals.targets, color: undefined },
    { key: "onTime", value: totals.onTime, color: "#389e0d" },
    { key: "late", value: totals.late, color: "#d46b08" },
    { key: "missing", value: totals.missing, color: "#595959" },
    { key: "overdue", value: totals.overdue, color: "#cf1322" },
  ] as const;

  const option = useMemo<ChartOption>(() => {
    const slices = totalsSlices(totals).filter((slice) => slice.count > 0);
    return {
      tooltip: { trigger: "item", valueFormatter: (v) => formatNumber(Number(v)) },
      legend: { bottom: 0 },
      series: [
        {
          type: "pie",
          name: t("documentCoverage.summary.chart"),
          radius: ["40%", "68%"],
          center: ["50%", "44%"],
          label: { formatter: "{c}" },
          data: slices.map((slice) => ({
            name: t(`documentCoverage.slices.${slice.key}`),
            value: slice.count,
            itemStyle: { color: SLICE_COLORS[slice.key] },
          })),
        },
      ],
    };
  }, [totals, t]);

  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      <Col xs={24} lg={14}>
        <Row gutter={[8, 8]} data-testid="coverage-totals">
          {cards.map((card) => (
            <Col key={card.key} xs={12} sm={8}>
              <Card size="small" data-testid={`coverage-total-${card.key}`}>
                <Statistic
                  title={t(`documentCoverage.totals.${card.key}`)}
                  value={formatNumber(card.value)}
                  styles={card.color ? { content: { color: card.color } } : {}}
                />
              </Card>
            </Col>
          ))}
        </Row>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" style={{ height: "100%" }}>
          {totals.targets > 0 ? (
            <StatisticsChart
              option={option}
              label={t("documentCoverage.summary.chart")}
              height={220}
              testId="coverage-chart"
            />
          ) : (
            <div className="muted">{t("documentCoverage.summary.noTargets")}</div>
          )}
        </Card>
      </Col>
    </Row>
  );
}
