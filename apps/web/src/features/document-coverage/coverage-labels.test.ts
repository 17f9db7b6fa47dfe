import { describe, expect, it } from "vitest";
import { daysBetween, isRemindable, issuedPercent, timelinessOf, totalsSlices } from "./coverage-labels.ts";

describe("days between calendar dates", () => {
  it("counts whole days across months, leap days and years", () => {
    expect(daysBetween("2026-02-27", "2026-03-01")).toBe(2);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2025-12-31", "2026-01-01")).toBe(1);
    expect(daysBetween("2026-05-10", "2026-05-10")).toBe(0);
    expect(daysBetween("2026-05-10", "2026-05-03")).toBe(-7);
  });
});

describe("timeliness of a target", () => {
  const missing = { status: "missing" as const, daysLate: null, daysOverdue: null };

  it("says on time, late by the server's days, or overdue by the server's days", () => {
    expect(
      timelinessOf({ status: "on_time", daysLate: null, daysOverdue: null }, "2026-03-01", "2026-04-01"),
    ).toEqual({
      key: "onTime",
      days: 0,
    });
    expect(
      timelinessOf({ status: "late", daysLate: 12, daysOverdue: null }, "2026-03-01", "2026-04-01"),
    ).toEqual({
      key: "late",
      days: 12,
    });
    expect(timelinessOf({ ...missing, daysOverdue: 31 }, "2026-03-01", "2026-04-01")).toEqual({
      key: "overdue",
      days: 31,
    });
  });

  it("says late without a count when the server withholds the days of a plan out of view", () => {
    expect(
      timelinessOf({ status: "late", daysLate: null, daysOverdue: null }, "2026-03-01", "2026-04-01"),
    ).toEqual({ key: "lateUndisclosed", days: 0 });
  });

  it("counts the days left before the deadline, and says when it is today", () => {
    expect(timelinessOf(missing, "2026-04-11", "2026-04-01")).toEqual({ key: "dueIn", days: 10 });
    expect(timelinessOf(missing, "2026-04-01", "2026-04-01")).toEqual({ key: "dueToday", days: 0 });
  });
});

describe("totals", () => {
  const totals = { targets: 10, issued: 6, onTime: 4, late: 2, missing: 4, overdue: 3 };

  it("splits the targets into on time, late, missing in time and overdue, adding up to all of them", () => {
    const slices = totalsSlices(totals);
    expect(slices).toEqual([
      { key: "onTime", count: 4 },
      { key: "late", count: 2 },
      { key: "missingInTime", count: 1 },
      { key: "overdue", count: 3 },
    ]);
    expect(slices.reduce((sum, slice) => sum + slice.count, 0)).toBe(totals.targets);
  });

  it("gives the share issued in whole percent", () => {
    expect(issuedPercent(totals)).toBe(60);
    expect(issuedPercent({ issued: 1, targets: 3 })).toBe(33);
    expect(issuedPercent({ issued: 0, targets: 0 })).toBe(0);
  });
});

describe("remindable targets", () => {
  it("are the active ones that have not issued", () => {
    expect(isRemindable({ status: "missing", orgActive: true })).toBe(true);
    expect(isRemindable({ status: "missing", orgActive: false })).toBe(false);
    expect(isRemindable({ status: "late", orgActive: true })).toBe(false);
  });
});
