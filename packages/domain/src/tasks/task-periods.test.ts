import { describe, expect, it } from "vitest";
import { finalPeriod, lastPeriodDueBy, periodsStartedBy, taskPeriodOfKey } from "./task-periods.ts";

// A task entered on 15/06/2026 whose due date (10/06) had already passed: late entry, or a cascade of
// an overdue task. Its periods must still be well formed (start ≤ end), or every report is refused.
const lateEntered = {
  reportFrequency: null,
  startDate: null,
  dueDate: "2026-06-10",
  createdOn: "2026-06-15",
} as const;

describe("reporting periods of a task due before the day it was created", () => {
  it("gives the one-off task a final period ending on its due date and starting no later", () => {
    const period = finalPeriod(lateEntered);
    expect(period).toEqual({ key: "final", start: "2026-06-10", end: "2026-06-10", dueOn: "2026-06-10" });
    expect(periodsStartedBy(lateEntered, "2026-06-15")).toEqual([period]);
    expect(taskPeriodOfKey(lateEntered, "final")).toEqual(period);
  });

  it("gives a periodic task the period containing its due date, reportable and due", () => {
    const monthly = { ...lateEntered, reportFrequency: "monthly" } as const;
    const periods = periodsStartedBy(monthly, "2026-06-15");
    expect(periods.map((p) => p.key)).toEqual(["2026-06"]);
    expect(taskPeriodOfKey(monthly, "2026-06")?.key).toBe("2026-06");
    expect(taskPeriodOfKey(monthly, "2026-07")).toBeNull();
    expect(lastPeriodDueBy(monthly, "2026-07-06")?.key).toBe("2026-06");
  });

  it("keeps the creation day as the start of a task created before its due date", () => {
    const ordinary = { ...lateEntered, dueDate: "2026-06-30" };
    expect(finalPeriod(ordinary).start).toBe("2026-06-15");
    expect(periodsStartedBy(ordinary, "2026-06-14")).toEqual([]);
    const monthly = { ...ordinary, reportFrequency: "quarterly" } as const;
    expect(periodsStartedBy(monthly, "2026-06-15").map((p) => p.key)).toEqual(["2026-Q2"]);
    expect(taskPeriodOfKey(monthly, "2026-Q1")).toBeNull();
  });
});
