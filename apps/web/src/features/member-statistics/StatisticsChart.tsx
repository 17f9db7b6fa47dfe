// One ECharts chart, built from only the chart types and components the statistics page uses (the
// full ECharts bundle is several times larger). It follows its box (ResizeObserver) so it fits a 360 px
// phone; the exact numbers are in the table under it, which screen readers and keyboards use.

import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from "echarts/charts";
import { BarChart, LineChart, PieChart } from "echarts/charts";
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from "echarts/components";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { type ComposeOption, init, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { chartLocale } from "../../lib/chart-locale.ts";

use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type SeriesOption = BarSeriesOption | LineSeriesOption | PieSeriesOption;

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

export function StatisticsChart({
  option,
  height = 260,
  label,
  testId,
}: {
  option: ChartOption;
  height?: number;
  /** What the chart shows, for assistive technology (the table under it has the numbers). */
  label: string;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  const latest = useRef(option);
  latest.current = option;
  const locale = chartLocale(useTranslation().i18n.language);

  // Built again when the language changes (ECharts takes its locale only at init).
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: "canvas", locale });
    instance.setOption(latest.current, { notMerge: true });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [locale]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div ref={box} role="img" aria-label={label} data-testid={testId} style={{ width: "100%", height }} />
  );
}
