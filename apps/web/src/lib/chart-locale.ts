// ECharts speaks the page's language: Vietnamese month names, legend and accessibility texts come from
// ECharts' own Vietnamese locale; English is ECharts' built-in default.
import { registerLocale } from "echarts/core";
import langVI from "echarts/i18n/langVI-obj.js";

registerLocale("VI", langVI);

export function chartLocale(language: string): "VI" | "EN" {
  return language.startsWith("en") ? "EN" : "VI";
}
