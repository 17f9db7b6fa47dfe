import { describe, expect, it } from "vitest";
import { timingOfDeadline } from "./plan-deadline-task.ts";

describe("timingOfDeadline", () => {
  it.each([
    ["2026-06-30", "2026-06-30"],
    ["2028-02-29", "2028-02-29"],
    ["2026-06", "2026-06-30"],
    ["2026-02", "2026-02-28"],
    ["2028-02", "2028-02-29"],
    ["2026-12", "2026-12-31"],
    ["2026-Q1", "2026-03-31"],
    ["2026-Q2", "2026-06-30"],
    ["2026-Q3", "2026-09-30"],
    ["2026-Q4", "2026-12-31"],
    ["2026-H1", "2026-06-30"],
    ["2026-H2", "2026-12-31"],
    ["2026", "2026-12-31"],
  ])("a one-off deadline %s is due on %s", (deadline, due) => {
    expect(timingOfDeadline(deadline)).toEqual({ dueDate: due, schedule: "once", reportFrequency: null });
  });

  it.each([
    ["yearly", "yearly", "yearly"],
    ["quarterly", "quarterly", "quarterly"],
    ["monthly", "monthly", "monthly"],
    ["half-yearly", "continuous", "half_yearly"],
  ] as const)("%s repeats (%s) with a report each period (%s)", (deadline, schedule, frequency) => {
    expect(timingOfDeadline(deadline)).toEqual({ dueDate: null, schedule, reportFrequency: frequency });
  });

  it("continuous work has no report period until one is chosen", () => {
    expect(timingOfDeadline("continuous")).toEqual({
      dueDate: null,
      schedule: "continuous",
      reportFrequency: null,
    });
  });

  it.each([null, undefined, "", "2026-02-30", "2026-13", "2026-Q5", "2026-H3", "soon", "26"])(
    "%s gives no date",
    (deadline) => {
      expect(timingOfDeadline(deadline)).toEqual({ dueDate: null, schedule: "once", reportFrequency: null });
    },
  );

  it("returns a fresh object each time (callers may change it)", () => {
    const first = timingOfDeadline("yearly");
    first.reportFrequency = "monthly";
    expect(timingOfDeadline("yearly").reportFrequency).toBe("yearly");
  });
});
