// The dashboard is the first screen after sign-in, often on a phone on a slow line: its figures, lists
// and tables come first, and ECharts (the larger part of the page's code) follows in its own chunk. Until
// it arrives the chart's place is held at its height, so nothing jumps.
import { lazy, Suspense } from "react";
import type { ChartOption } from "../member-statistics/StatisticsChart.tsx";

const StatisticsChart = lazy(async () => ({
  default: (await import("../member-statistics/StatisticsChart.tsx")).StatisticsChart,
}));

export function LazyChart({
  option,
  height = 260,
  label,
  testId,
}: {
  option: ChartOption;
  height?: number;
  label: string;
  testId?: string;
}) {
  return (
    <Suspense
      fallback={<div role="img" aria-label={label} aria-busy="true" style={{ width: "100%", height }} />}
    >
      <StatisticsChart option={option} height={height} label={label} {...(testId ? { testId } : {})} />
    </Suspense>
  );
}
