import { describe, expect, it } from "vitest";
import {
  type ChildFacts,
  NO_PROGRESS,
  progressFromChildren,
  progressFromReports,
  type ReportFacts,
  type TaskProgress,
} from "./task-progress.ts";

const report = (over: Partial<ReportFacts>): ReportFacts => ({
  status: "submitted",
  percent: 0,
  actualValue: null,
  completedOn: null,
  periodEnd: "2026-01-31",
  submittedAt: "2026-02-02T03:00:00.000Z",
  ...over,
});

const child = (over: Partial<ChildFacts>): ChildFacts => ({
  ...NO_PROGRESS,
  weight: 1,
  state: "active",
  ...over,
});

describe("progressFromReports", () => {
  const cases: [string, ReportFacts[], TaskProgress][] = [
    ["nothing reported", [], NO_PROGRESS],
    [
      "one report",
      [report({ percent: 40, actualValue: 12 })],
      {
        progressPercent: 40,
        actualValue: 12,
        completedOn: null,
        lastReportAt: "2026-02-02T03:00:00.000Z",
        lastReportedPeriodEnd: "2026-01-31",
      },
    ],
    [
      "the latest period counts, even when an earlier one was sent later",
      [
        report({
          percent: 60,
          periodEnd: "2026-02-28",
          submittedAt: "2026-03-01T00:00:00.000Z",
          actualValue: 30,
        }),
        report({
          percent: 20,
          periodEnd: "2026-01-31",
          submittedAt: "2026-03-02T00:00:00.000Z",
          actualValue: 10,
        }),
      ],
      {
        progressPercent: 60,
        actualValue: 30,
        completedOn: null,
        lastReportAt: "2026-03-02T00:00:00.000Z",
        lastReportedPeriodEnd: "2026-02-28",
      },
    ],
    [
      "a returned report stops counting, its completion with it",
      [
        report({ percent: 50, periodEnd: "2026-01-31", actualValue: 5 }),
        report({
          status: "returned",
          percent: 100,
          completedOn: "2026-02-20",
          periodEnd: "2026-02-28",
          submittedAt: "2026-03-01T00:00:00.000Z",
        }),
      ],
      {
        progressPercent: 50,
        actualValue: 5,
        completedOn: null,
        lastReportAt: "2026-02-02T03:00:00.000Z",
        lastReportedPeriodEnd: "2026-01-31",
      },
    ],
    ["only returned reports: nothing counts", [report({ status: "returned", percent: 70 })], NO_PROGRESS],
    [
      "100% records the completion day; the value measured is the latest given",
      [
        report({ percent: 30, actualValue: 40, periodEnd: "2026-01-31" }),
        report({
          status: "accepted",
          percent: 100,
          completedOn: "2026-02-15",
          periodEnd: "2026-02-28",
          submittedAt: "2026-02-16T00:00:00.000Z",
        }),
      ],
      {
        progressPercent: 100,
        actualValue: 40,
        completedOn: "2026-02-15",
        lastReportAt: "2026-02-16T00:00:00.000Z",
        lastReportedPeriodEnd: "2026-02-28",
      },
    ],
  ];
  it.each(cases)("%s", (_name, reports, expected) => {
    expect(progressFromReports(reports)).toEqual(expected);
  });
});

describe("progressFromChildren", () => {
  const cases: [string, ChildFacts[], Partial<TaskProgress>][] = [
    ["no children", [], NO_PROGRESS],
    [
      "mean weighted by weight",
      [
        child({ progressPercent: 100, weight: 3, completedOn: "2026-03-01" }),
        child({ progressPercent: 20, weight: 1 }),
      ],
      { progressPercent: 80, completedOn: null },
    ],
    [
      "equal weights: the plain mean, in hundredths",
      [child({ progressPercent: 100, completedOn: "2026-01-01" }), child({}), child({})],
      { progressPercent: 33.33 },
    ],
    [
      "cancelled children are left out, also of completion",
      [
        child({ progressPercent: 100, completedOn: "2026-03-01" }),
        child({ progressPercent: 100, completedOn: "2026-04-10" }),
        child({ state: "cancelled", progressPercent: 10, actualValue: 99 }),
      ],
      { progressPercent: 100, completedOn: "2026-04-10", actualValue: null },
    ],
    [
      "a paused unfinished child keeps the parent unfinished",
      [
        child({ progressPercent: 100, completedOn: "2026-03-01" }),
        child({ state: "paused", progressPercent: 50 }),
      ],
      { progressPercent: 75, completedOn: null },
    ],
    [
      "values measured add up; a child without one adds nothing",
      [child({ actualValue: 12.5 }), child({ actualValue: 30 }), child({ actualValue: null })],
      { actualValue: 42.5 },
    ],
    [
      "the latest report of any child dates the parent's",
      [
        child({ lastReportAt: "2026-02-01T00:00:00.000Z", lastReportedPeriodEnd: "2026-01-31" }),
        child({ lastReportAt: "2026-03-05T00:00:00.000Z", lastReportedPeriodEnd: "2026-02-28" }),
        child({}),
      ],
      { lastReportAt: "2026-03-05T00:00:00.000Z", lastReportedPeriodEnd: "2026-02-28" },
    ],
    ["every child cancelled: no progress", [child({ state: "cancelled", progressPercent: 80 })], NO_PROGRESS],
  ];
  it.each(cases)("%s", (_name, children, expected) => {
    expect(progressFromChildren(children)).toMatchObject(expected);
  });
});
