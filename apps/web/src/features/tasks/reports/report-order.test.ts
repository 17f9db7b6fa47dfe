import type { TaskReportPeriod, TaskReportPeriodState } from "@namro/contracts";
import { describe, expect, it } from "vitest";
import { firstActionablePeriod } from "./report-order.ts";

function period(key: string, state: TaskReportPeriodState): TaskReportPeriod {
  const returned = state === "returned";
  return {
    key,
    start: `${key}-01`,
    end: `${key}-28`,
    dueOn: `${key}-28`,
    state,
    late: state === "late",
    report:
      state === "reported" || returned
        ? {
            id: 1,
            taskId: 1,
            periodKey: key,
            periodStart: `${key}-01`,
            periodEnd: `${key}-28`,
            percent: 10,
            actualValue: null,
            narrative: "",
            completedOn: null,
            status: returned ? "returned" : "submitted",
            returnReason: returned ? "thiếu số liệu" : null,
            submittedAt: "2026-01-01T00:00:00Z",
            submittedByName: null,
            reviewedAt: null,
            reviewedByName: null,
            version: 2,
            files: [],
            canEdit: true,
            canReview: false,
          }
        : null,
  };
}

// Periods come newest first.
describe("firstActionablePeriod", () => {
  it("opens a returned report before anything else", () => {
    const periods = [period("2026-06", "open"), period("2026-05", "late"), period("2026-04", "returned")];
    expect(firstActionablePeriod(periods, true)?.key).toBe("2026-04");
  });
  it("then the oldest late period", () => {
    const periods = [period("2026-06", "open"), period("2026-05", "late"), period("2026-04", "late")];
    expect(firstActionablePeriod(periods, true)?.key).toBe("2026-04");
  });
  it("then a due period, then the running one", () => {
    expect(firstActionablePeriod([period("2026-06", "open"), period("2026-05", "due")], true)?.key).toBe(
      "2026-05",
    );
    expect(firstActionablePeriod([period("2026-06", "open"), period("2026-05", "reported")], true)?.key).toBe(
      "2026-06",
    );
  });
  it("is null when everything is reported or the person may not report", () => {
    expect(firstActionablePeriod([period("2026-06", "reported")], true)).toBeNull();
    expect(firstActionablePeriod([period("2026-06", "open")], false)).toBeNull();
  });
});
