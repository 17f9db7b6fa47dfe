import { describe, expect, it } from "vitest";
import {
  formatNumber,
  mergeTargetsByUnit,
  onTimeRate,
  type ProgressFormula,
  type RollupInputs,
  type RollupTaskFacts,
  rollupInputsOf,
  rollupPeriodRule,
  rollupProgress,
  targetPercent,
  taskRunsDuring,
} from "./task-rollup.ts";

const inputs = (over: Partial<RollupInputs>): RollupInputs => ({
  tasks: 0,
  sumPercent: 0,
  sumWeight: 0,
  sumWeightedPercent: 0,
  done: 0,
  doneOnTime: 0,
  cancelled: 0,
  ...over,
});

describe("formatNumber", () => {
  it.each([
    [8340, "8.340", "8,340"],
    [69.5, "69,5", "69.5"],
    [1234567.891, "1.234.567,89", "1,234,567.89"],
    [0, "0", "0"],
    [100, "100", "100"],
    [-12.5, "-12,5", "-12.5"],
  ])("%s → %s / %s", (value, vi, en) => {
    expect(formatNumber(value, "vi")).toBe(vi);
    expect(formatNumber(value, "en")).toBe(en);
  });
});

describe("rollupProgress", () => {
  const cases: {
    formula: ProgressFormula;
    given: Partial<RollupInputs>;
    value: number | null;
    vi: string;
    en: string;
  }[] = [
    {
      formula: "average",
      given: { tasks: 120, sumPercent: 8340, sumWeight: 120, sumWeightedPercent: 8340 },
      value: 69.5,
      vi: "Trung bình cộng tiến độ của 120 nhiệm vụ: 8.340 / 120 = 69,5%",
      en: "Mean progress of 120 tasks: 8,340 / 120 = 69.5%",
    },
    {
      formula: "weighted",
      given: { tasks: 3, sumPercent: 150, sumWeight: 4, sumWeightedPercent: 250 },
      value: 62.5,
      vi: "Bình quân gia quyền tiến độ của 3 nhiệm vụ theo trọng số: Σ(trọng số × tiến độ) 250 / Σ trọng số 4 = 62,5%",
      en: "Progress of 3 tasks weighted by their weight: Σ(weight × progress) 250 / Σ weight 4 = 62.5%",
    },
    {
      formula: "status",
      given: { tasks: 8, done: 3, cancelled: 2, sumWeight: 8 },
      value: 37.5,
      vi: "Tỷ lệ nhiệm vụ đã hoàn thành: 3 / 8 nhiệm vụ = 37,5% (không tính 2 nhiệm vụ đã hủy)",
      en: "Share of tasks done: 3 / 8 tasks = 37.5% (2 cancelled tasks left out)",
    },
    {
      formula: "average",
      given: { tasks: 3, sumPercent: 100, sumWeight: 3 },
      value: 33.3,
      vi: "Trung bình cộng tiến độ của 3 nhiệm vụ: 100 / 3 = 33,3%",
      en: "Mean progress of 3 tasks: 100 / 3 = 33.3%",
    },
    {
      formula: "weighted",
      given: { tasks: 0, cancelled: 1 },
      value: null,
      vi: "Chưa có nhiệm vụ nào để tính tiến độ (không tính 1 nhiệm vụ đã hủy).",
      en: "No task to compute progress from (1 cancelled tasks left out).",
    },
  ];
  it.each(cases)("$formula $given → $value", ({ formula, given, value, vi, en }) => {
    const result = rollupProgress(formula, inputs(given));
    expect(result.value).toBe(value);
    expect(result.explanation).toEqual({ vi, en });
  });
});

describe("onTimeRate", () => {
  it.each([
    [{ done: 45, doneOnTime: 30 }, 66.7, "Hoàn thành đúng hạn 30 / 45 nhiệm vụ đã hoàn thành = 66,7%"],
    [{ done: 4, doneOnTime: 4 }, 100, "Hoàn thành đúng hạn 4 / 4 nhiệm vụ đã hoàn thành = 100%"],
    [{ done: 0, doneOnTime: 0 }, null, "Chưa có nhiệm vụ nào hoàn thành."],
  ])("%j → %s", (given, value, vi) => {
    const result = onTimeRate(given);
    expect(result.value).toBe(value);
    expect(result.explanation.vi).toBe(vi);
  });
});

describe("targetPercent", () => {
  it.each([
    [120, 90, 75],
    [3, 1, 33.3],
    [0, 5, null],
    [10, 12, 120],
  ])("%s planned, %s achieved → %s", (planned, achieved, expected) => {
    expect(targetPercent(planned, achieved)).toBe(expected);
  });
});

const task = (over: Partial<RollupTaskFacts>): RollupTaskFacts => ({
  state: "active",
  schedule: "once",
  reportFrequency: null,
  startDate: "2026-01-01",
  dueDate: "2026-12-31",
  createdOn: "2026-01-01",
  completedOn: null,
  progressPercent: 0,
  lastReportedPeriodEnd: null,
  weight: 1,
  ...over,
});

describe("rollupInputsOf", () => {
  const today = "2026-06-15";
  it("sums by status; finished counts 100, cancelled is left out", () => {
    const result = rollupInputsOf(
      [
        task({ progressPercent: 40, lastReportedPeriodEnd: "2026-05-31", weight: 2 }),
        task({ completedOn: "2026-05-01", progressPercent: 90, weight: 3 }),
        task({ dueDate: "2026-03-01", completedOn: "2026-04-01", progressPercent: 100 }),
        task({ dueDate: "2026-06-01", progressPercent: 10, lastReportedPeriodEnd: "2026-05-01" }),
        task({ state: "cancelled", progressPercent: 50 }),
        task({ state: "paused", progressPercent: 20, lastReportedPeriodEnd: "2026-05-01" }),
        task({ startDate: "2026-07-01" }),
      ],
      today,
    );
    expect(result.statuses).toEqual({
      not_started: 1,
      in_progress: 1,
      done_on_time: 1,
      done_late: 1,
      overdue: 1,
      paused: 1,
      cancelled: 1,
    });
    expect(result).toMatchObject({
      tasks: 6,
      sumPercent: 40 + 100 + 100 + 10 + 20 + 0,
      sumWeight: 2 + 3 + 1 + 1 + 1 + 1,
      sumWeightedPercent: 80 + 300 + 100 + 10 + 20,
      done: 2,
      doneOnTime: 1,
      cancelled: 1,
    });
  });
});

describe("taskRunsDuring", () => {
  const cases: [string, Partial<RollupTaskFacts>, string | null, string | null, boolean][] = [
    ["due inside", { startDate: "2026-01-01", dueDate: "2026-03-15" }, "2026-03-01", "2026-03-31", true],
    ["starts after the period", { startDate: "2026-04-01" }, "2026-03-01", "2026-03-31", false],
    [
      "no start date: the day assigned",
      { startDate: null, createdOn: "2026-04-02" },
      null,
      "2026-04-01",
      false,
    ],
    ["finished before the period", { completedOn: "2026-02-01" }, "2026-03-01", "2026-03-31", false],
    ["finished inside", { completedOn: "2026-03-10" }, "2026-03-01", "2026-03-31", true],
    ["overdue and still open", { dueDate: "2026-01-31" }, "2026-03-01", "2026-03-31", true],
    ["cancelled, due before", { state: "cancelled", dueDate: "2026-02-01" }, "2026-03-01", null, false],
    ["paused, due after", { state: "paused", dueDate: "2026-05-01" }, "2026-03-01", "2026-03-31", true],
    ["no period ends", {}, null, null, true],
  ];
  it.each(cases)("%s", (_label, over, from, to, expected) => {
    expect(taskRunsDuring(task(over), from, to)).toBe(expected);
  });
});

describe("rollupPeriodRule", () => {
  it("says nothing without a period, else names the dates", () => {
    expect(rollupPeriodRule(null, null)).toBeNull();
    expect(rollupPeriodRule("2026-01-01", "2026-06-30")?.vi).toContain("01/01/2026 – 30/06/2026");
  });
});

describe("mergeTargetsByUnit", () => {
  it("merges spellings by case, diacritics and spaces; names the unit by its most used spelling", () => {
    expect(
      mergeTargetsByUnit([
        { unit: "Đảng viên", tasks: 1, planned: 30, achieved: 12 },
        { unit: "đảng viên", tasks: 3, planned: 90, achieved: 75 },
        { unit: "dang  vien ", tasks: 1, planned: 5, achieved: 0 },
        { unit: "chi bộ", tasks: 2, planned: 10, achieved: 10 },
        { unit: "", tasks: 1, planned: 0, achieved: 0 },
      ]),
    ).toEqual([
      { unit: "đảng viên", tasks: 5, planned: 125, achieved: 87, percent: 69.6 },
      { unit: "chi bộ", tasks: 2, planned: 10, achieved: 10, percent: 100 },
      { unit: "", tasks: 1, planned: 0, achieved: 0, percent: null },
    ]);
  });
});
