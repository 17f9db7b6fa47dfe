import { TASK_REPORT_FILE_MAX_BYTES, type TaskReport, type TaskReportPeriod } from "@namro/contracts";
import { describe, expect, it } from "vitest";
import { daysBetween, evidenceProblem, periodAction, submitBodyOf } from "./report-form.ts";

function report(overrides: Partial<TaskReport> = {}): TaskReport {
  return {
    id: 1,
    taskId: 2,
    periodKey: "2026-06",
    periodStart: "2026-06-01",
    periodEnd: "2026-06-30",
    percent: 40,
    actualValue: null,
    narrative: "",
    completedOn: null,
    status: "submitted",
    returnReason: null,
    submittedAt: "2026-07-02T03:00:00Z",
    submittedByName: "Lan",
    reviewedAt: null,
    reviewedByName: null,
    version: 1,
    files: [],
    canEdit: true,
    canReview: false,
    ...overrides,
  };
}

function period(reported: TaskReport | null): TaskReportPeriod {
  return {
    key: "2026-06",
    start: "2026-06-01",
    end: "2026-06-30",
    dueOn: "2026-07-05",
    state: reported ? "reported" : "due",
    late: false,
    report: reported,
  };
}

describe("periodAction", () => {
  it("offers a report for a period without one", () => {
    expect(periodAction(period(null), true)).toBe("report");
  });
  it("offers to send a returned report again", () => {
    expect(periodAction(period(report({ status: "returned" })), true)).toBe("resubmit");
  });
  it("offers nothing for a report that counts, or to someone who may not report", () => {
    expect(periodAction(period(report()), true)).toBeNull();
    expect(periodAction(period(report({ status: "accepted" })), true)).toBeNull();
    expect(periodAction(period(null), false)).toBeNull();
    expect(periodAction(period(report({ status: "returned", canEdit: false })), true)).toBeNull();
  });
});

describe("submitBodyOf", () => {
  it("keeps the completion date only at 100%", () => {
    expect(
      submitBodyOf({ periodKey: "2026-06", percent: 60, completedOn: "2026-06-20", narrative: " ok " }, null),
    ).toEqual({ periodKey: "2026-06", percent: 60, actualValue: null, narrative: "ok", completedOn: null });
    expect(
      submitBodyOf({ periodKey: "final", percent: 100, completedOn: "2026-06-20", actualValue: 120 }, null),
    ).toEqual({
      periodKey: "final",
      percent: 100,
      actualValue: 120,
      narrative: "",
      completedOn: "2026-06-20",
    });
  });
  it("sends the returned report's version when sending it again", () => {
    expect(submitBodyOf({ periodKey: "2026-06", percent: 50 }, 3)).toMatchObject({ version: 3 });
    expect(submitBodyOf({ periodKey: "2026-06", percent: 50 }, null)).not.toHaveProperty("version");
  });
});

describe("evidenceProblem", () => {
  it("accepts the kinds the server takes, whatever the case of the extension", () => {
    expect(evidenceProblem({ name: "bien-ban.PDF", size: 1000 })).toBeNull();
    expect(evidenceProblem({ name: "anh.jpeg", size: 1000 })).toBeNull();
  });
  it("refuses other kinds, empty files and files over the limit", () => {
    expect(evidenceProblem({ name: "cu.doc", size: 1000 })).toBe("unsupported");
    expect(evidenceProblem({ name: "a.pdf", size: 0 })).toBe("empty");
    expect(evidenceProblem({ name: "a.pdf", size: TASK_REPORT_FILE_MAX_BYTES })).toBeNull();
    expect(evidenceProblem({ name: "a.pdf", size: TASK_REPORT_FILE_MAX_BYTES + 1 })).toBe("tooLarge");
  });
});

describe("daysBetween", () => {
  it("counts calendar days either way", () => {
    expect(daysBetween("2026-06-28", "2026-07-05")).toBe(7);
    expect(daysBetween("2026-07-05", "2026-07-05")).toBe(0);
    expect(daysBetween("2026-07-08", "2026-07-05")).toBe(-3);
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
  });
});
