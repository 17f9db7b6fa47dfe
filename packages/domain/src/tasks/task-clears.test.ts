import { describe, expect, it } from "vitest";
import { type ClearDefinition, DEFAULT_CLEARS } from "../plan-checker/plan-clears.ts";
import { checkTaskClears, missingClearKeys, type TaskClearFields } from "./task-clears.ts";

const complete: TaskClearFields = {
  title: "Ban hành kế hoạch thực hiện Kết luận 21-KL/TW",
  leadOrgId: 7,
  supportOrgIds: [8],
  responsibleAccountId: 3,
  dueDate: "2026-06-30",
  schedule: "once",
  deliverable: "Kế hoạch của Đảng ủy xã",
};

function gradeOf(fields: TaskClearFields, aspect: ClearDefinition["aspect"]) {
  return checkTaskClears(fields, DEFAULT_CLEARS).find((clear) => clear.aspect === aspect);
}

describe("checkTaskClears", () => {
  it("finds all five clears in a complete task", () => {
    const grades = checkTaskClears(complete, DEFAULT_CLEARS);
    expect(grades.map((clear) => [clear.key, clear.grade])).toEqual([
      ["person", "present"],
      ["job", "present"],
      ["time", "present"],
      ["responsibility", "present"],
      ["result", "present"],
    ]);
    expect(missingClearKeys(grades)).toEqual([]);
    for (const clear of grades) {
      expect(clear.reason.vi).not.toBe("");
      expect(clear.reason.en).not.toBe("");
    }
  });

  const cases: [string, ClearDefinition["aspect"], Partial<TaskClearFields>, string, RegExp][] = [
    [
      "a person named in words",
      "person",
      { responsibleAccountId: null, responsibleName: "Đồng chí Phó Bí thư" },
      "present",
      /named/,
    ],
    [
      "nobody responsible",
      "person",
      { responsibleAccountId: null, responsibleName: "  " },
      "missing",
      /^No responsible person is named/,
    ],
    ["only vague verbs", "job", { title: "Tăng cường công tác xây dựng Đảng" }, "weak", /general/],
    ["a concrete verb", "job", { title: "Kết nạp đảng viên mới trong năm" }, "present", /concrete/],
    ["a title too short", "job", { title: "Đảng viên" }, "weak", /too short/],
    ["an empty title", "job", { title: "" }, "missing", /No work/],
    ["a due date", "time", {}, "present", /deadline/],
    ["monthly", "time", { schedule: "monthly", dueDate: null }, "present", /recurring/],
    [
      "continuous without reports",
      "time",
      { schedule: "continuous", dueDate: null, reportFrequency: null },
      "weak",
      /regularly/,
    ],
    [
      "continuous with quarterly reports",
      "time",
      { schedule: "continuous", dueDate: null, reportFrequency: "quarterly" },
      "present",
      /periodic/,
    ],
    ["only a start date", "time", { dueDate: null, startDate: "2026-01-01" }, "weak", /start date/],
    ["no dates", "time", { dueDate: null }, "missing", /No deadline/],
    ["supports only", "responsibility", { leadOrgId: null }, "weak", /supporting/],
    [
      "no lead, no support, a person named",
      "responsibility",
      { leadOrgId: null, supportOrgIds: [] },
      "missing",
      /^No lead unit is assigned\.$/,
    ],
    [
      "no lead, no support, nobody named",
      "responsibility",
      { leadOrgId: null, supportOrgIds: [], responsibleAccountId: null, responsibleName: null },
      "missing",
      /^No lead unit or responsible person/,
    ],
    [
      "a target with its unit",
      "result",
      { deliverable: null, targetValue: 120, targetUnit: "đảng viên" },
      "present",
      /measurable/,
    ],
    ["a target without a unit", "result", { targetValue: 120, targetUnit: " " }, "weak", /no unit/],
    [
      "a zero target with a unit",
      "result",
      { deliverable: null, targetValue: 0, targetUnit: "%" },
      "present",
      /measurable/,
    ],
    ["nothing to hand over", "result", { deliverable: "", targetValue: null }, "missing", /No result/],
  ];
  it.each(cases)("%s", (_name, aspect, change, grade, reason) => {
    const graded = gradeOf({ ...complete, ...change }, aspect);
    expect(graded?.grade).toBe(grade);
    expect(graded?.reason.en).toMatch(reason);
  });

  it("grades a committee's own set in its order, clears of one aspect alike", () => {
    const set: ClearDefinition[] = [
      { key: "product", aspect: "result", label: { vi: "Rõ sản phẩm", en: "Clear product" } },
      { key: "schedule", aspect: "time", label: { vi: "Rõ tiến độ", en: "Clear schedule" } },
      { key: "deadline", aspect: "time", label: { vi: "Rõ thời hạn", en: "Clear deadline" } },
    ];
    const grades = checkTaskClears({ ...complete, dueDate: null, deliverable: null }, set);
    expect(grades.map((clear) => [clear.key, clear.grade])).toEqual([
      ["product", "missing"],
      ["schedule", "missing"],
      ["deadline", "missing"],
    ]);
    expect(grades[0]?.label.vi).toBe("Rõ sản phẩm");
    expect(missingClearKeys(grades)).toEqual(["product", "schedule", "deadline"]);
  });

  it("counts weak clears as lacking", () => {
    expect(missingClearKeys(checkTaskClears({ ...complete, leadOrgId: null }, DEFAULT_CLEARS))).toEqual([
      "responsibility",
    ]);
  });
});
