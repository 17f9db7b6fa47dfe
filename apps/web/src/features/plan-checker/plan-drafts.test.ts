import type { PlanCheck } from "@namro/contracts";
import { describe, expect, it } from "vitest";
import { createInputOf, initialDrafts, type PlanTaskDraft, taskIssueOf } from "./plan-drafts.ts";

const draft = (over: Partial<PlanTaskDraft> = {}): PlanTaskDraft => ({
  title: " Xây dựng đề án ",
  description: "Ban Tổ chức chủ trì xây dựng đề án.",
  leadOrgId: 7,
  supportOrgIds: [8, 7, 8],
  responsibleName: "  ",
  dueDate: "2026-06-30",
  schedule: "once",
  reportFrequency: null,
  deliverable: " đề án ",
  targetValue: null,
  targetUnit: "chi bộ",
  include: true,
  ...over,
});

describe("createInputOf", () => {
  it("sends the included tasks, tidied, with their places in the check", () => {
    const { tasks, indices } = createInputOf([
      draft(),
      draft({ include: false }),
      draft({ leadOrgId: null }),
    ]);
    expect(indices).toEqual([0, 2]);
    expect(tasks[0]).toEqual({
      title: "Xây dựng đề án",
      description: "Ban Tổ chức chủ trì xây dựng đề án.",
      leadOrgId: 7,
      supportOrgIds: [8],
      responsibleName: null,
      dueDate: "2026-06-30",
      schedule: "once",
      reportFrequency: null,
      deliverable: "đề án",
      targetValue: null,
      targetUnit: null,
    });
    expect(tasks[1]?.leadOrgId).toBeNull();
    expect(tasks[1]?.supportOrgIds).toEqual([8, 7]);
  });

  it("keeps a target's unit only with its value", () => {
    expect(createInputOf([draft({ targetValue: 50, targetUnit: " đảng viên " })]).tasks[0]).toMatchObject({
      targetValue: 50,
      targetUnit: "đảng viên",
    });
  });
});

describe("initialDrafts", () => {
  it("starts from the checker's draft, described by the text, every task included, lists copied", () => {
    const support = [3];
    const { description: _, include: __, ...checked } = draft();
    const check = {
      tasks: [{ text: " Ban Tổ chức chủ trì.\n", draft: { ...checked, supportOrgIds: support } }],
    } as unknown as PlanCheck;
    const [first] = initialDrafts(check);
    expect(first?.include).toBe(true);
    expect(first?.description).toBe("Ban Tổ chức chủ trì.");
    first?.supportOrgIds.push(4);
    expect(support).toEqual([3]);
  });
});

describe("taskIssueOf", () => {
  it("reads the task and field of an issue", () => {
    expect(taskIssueOf("body.tasks.2.leadOrgId")).toEqual({ sent: 2, field: "leadOrgId" });
    expect(taskIssueOf("body.tasks.0")).toEqual({ sent: 0, field: "" });
    expect(taskIssueOf("body.planDocumentId")).toBeNull();
  });
});
