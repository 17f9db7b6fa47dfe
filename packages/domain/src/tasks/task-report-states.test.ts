import { describe, expect, it } from "vitest";
import { periodContaining } from "./task-periods.ts";
import {
  type ReportPeriodStanding,
  type ReportPeriodTaskFacts,
  reportPeriodStanding,
} from "./task-report-states.ts";

// March 2026: ends on the 31st, due on 5 April.
const march = periodContaining("monthly", "2026-03-10");
const active: ReportPeriodTaskFacts = { state: "active", completedOn: null, lastReportedPeriodEnd: null };

describe("reportPeriodStanding", () => {
  const cases: [
    string,
    Parameters<typeof reportPeriodStanding>[1],
    ReportPeriodTaskFacts,
    string,
    ReportPeriodStanding,
  ][] = [
    ["submitted", "submitted", active, "2026-04-20", { state: "reported", late: false }],
    ["accepted", "accepted", active, "2026-04-20", { state: "reported", late: false }],
    ["running", null, active, "2026-03-31", { state: "open", late: false }],
    ["ended, due day not passed", null, active, "2026-04-05", { state: "due", late: false }],
    ["past the due day", null, active, "2026-04-06", { state: "late", late: true }],
    [
      "past the due day but a later period was reported",
      null,
      { ...active, lastReportedPeriodEnd: "2026-04-30" },
      "2026-05-10",
      { state: "missed", late: false },
    ],
    [
      "past the due day, task paused",
      null,
      { ...active, state: "paused" },
      "2026-04-10",
      { state: "missed", late: false },
    ],
    [
      "past the due day, task finished",
      null,
      { ...active, completedOn: "2026-03-20" },
      "2026-04-10",
      { state: "missed", late: false },
    ],
    ["returned, before the due day", "returned", active, "2026-04-02", { state: "returned", late: false }],
    ["returned, past the due day", "returned", active, "2026-04-06", { state: "returned", late: true }],
  ];
  it.each(cases)("%s", (_name, status, task, today, expected) => {
    expect(reportPeriodStanding(march, status, task, today)).toEqual(expected);
  });
});
