import type { TaskDetail } from "@namro/contracts";
import { checkTaskClears, DEFAULT_CLEARS } from "@namro/domain";
import { describe, expect, it } from "vitest";
import { fromIsoDate } from "../../lib/dates.ts";
import { changesOf } from "../../lib/edit-changes.ts";
import { clearFieldsOf, formValuesOfTask, taskBodyOf } from "./task-form.ts";

const task = {
  id: 1,
  title: "Kết nạp đảng viên mới trong năm 2026",
  description: "",
  ownerOrg: { id: 10, name: "Tỉnh ủy" },
  plan: { id: 5, symbol: "01-KH/TU", subject: "Kế hoạch" },
  leadOrg: { id: 11, name: "Ban Tổ chức" },
  supportOrgs: [
    { id: 13, name: "B" },
    { id: 12, name: "A" },
  ],
  responsibleAccount: null,
  responsibleName: "đồng chí Trưởng ban",
  schedule: "once",
  startDate: "2026-01-01",
  dueDate: "2026-12-31",
  reportFrequency: "quarterly",
  deliverable: null,
  targetValue: 120,
  targetUnit: "đảng viên",
  weight: 1,
  milestones: [{ id: 1, title: "Sơ kết", dueDate: "2026-06-30", doneOn: null }],
} as unknown as TaskDetail;

describe("the task form", () => {
  it("turns a task into the form and back without a change", () => {
    const body = taskBodyOf(formValuesOfTask(task));
    expect(body).toMatchObject({
      planDocumentId: 5,
      leadOrgId: 11,
      supportOrgIds: [12, 13],
      startDate: "2026-01-01",
      dueDate: "2026-12-31",
      milestones: [{ title: "Sơ kết", dueDate: "2026-06-30", doneOn: null }],
    });
    expect(changesOf(body, taskBodyOf(formValuesOfTask(task)))).toEqual({});
  });

  it("sends only what was changed: a cleared text is null, reordered organisations are no change", () => {
    const values = formValuesOfTask(task);
    const edited = {
      ...values,
      responsibleName: "   ",
      supportOrgIds: [13, 12],
      dueDate: fromIsoDate("2026-11-30"),
    };
    expect(changesOf(taskBodyOf(values), taskBodyOf(edited))).toEqual({
      responsibleName: null,
      dueDate: "2026-11-30",
    });
  });

  it("leaves out empty milestone rows", () => {
    expect(taskBodyOf({ title: "x", milestones: [{}, { title: " " }] }).milestones).toEqual([]);
  });

  it("grades the clears on the form as it stands", () => {
    const grades = checkTaskClears(
      clearFieldsOf({ title: "Kết nạp đảng viên mới", targetValue: 120 }),
      DEFAULT_CLEARS,
    );
    const byKey = Object.fromEntries(grades.map((clear) => [clear.key, clear.grade]));
    expect(byKey).toMatchObject({
      person: "missing",
      time: "missing",
      responsibility: "missing",
      result: "weak",
    });
    const full = checkTaskClears(clearFieldsOf(formValuesOfTask(task)), DEFAULT_CLEARS);
    expect(full.map((clear) => clear.grade)).toEqual(["present", "present", "present", "present", "present"]);
  });
});
