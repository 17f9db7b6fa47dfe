import { describe, expect, it } from "vitest";
import { periodLabel } from "./period-label.ts";

describe("periodLabel", () => {
  it.each([
    ["2026-06", "taskReports.period.month", { month: 6, year: "2026" }],
    ["2026-12", "taskReports.period.month", { month: 12, year: "2026" }],
    ["2026-Q1", "taskReports.period.quarter", { quarter: "I", year: "2026" }],
    ["2026-Q4", "taskReports.period.quarter", { quarter: "IV", year: "2026" }],
    ["2026-H1", "taskReports.period.firstHalf", { year: "2026" }],
    ["2026-H2", "taskReports.period.secondHalf", { year: "2026" }],
    ["2026", "taskReports.period.year", { year: "2026" }],
    ["final", "taskReports.period.final", {}],
    ["2026-13", "taskReports.period.other", { key: "2026-13" }],
    ["2026-Q5", "taskReports.period.other", { key: "2026-Q5" }],
  ])("%s", (key, label, values) => {
    expect(periodLabel(key)).toEqual({ key: label, values });
  });
});
