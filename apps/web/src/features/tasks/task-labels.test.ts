import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { dueText, missingClearLabels, targetText } from "./task-labels.ts";

const t = ((key: string, options?: Record<string, unknown>) =>
  options && "n" in options ? `${key}:${String(options.n)}` : key) as unknown as TFunction;

describe("how a task reads", () => {
  it("says days left, due today or days overdue while the task is pending", () => {
    expect(dueText({ status: "in_progress", daysUntilDue: 5, completedOn: null }, t)).toEqual({
      text: "tasks.due.left:5",
      late: false,
    });
    expect(dueText({ status: "in_progress", daysUntilDue: 0, completedOn: null }, t)?.text).toBe(
      "tasks.due.today",
    );
    expect(dueText({ status: "overdue", daysUntilDue: -3, completedOn: null }, t)).toEqual({
      text: "tasks.due.overdue:3",
      late: true,
    });
  });

  it("says nothing once done or cancelled, or without a due date", () => {
    expect(dueText({ status: "done_late", daysUntilDue: -3, completedOn: "2026-01-02" }, t)).toBeNull();
    expect(dueText({ status: "cancelled", daysUntilDue: 2, completedOn: null }, t)).toBeNull();
    expect(dueText({ status: "in_progress", daysUntilDue: null, completedOn: null }, t)).toBeNull();
  });

  it("names missing clears from the committee's set in the reader's language, else by key", () => {
    const clears = [{ key: "product", label: { vi: "Rõ sản phẩm", en: "Clear product" } }];
    expect(missingClearLabels(["product", "person"], clears, "vi", t)).toEqual([
      "Rõ sản phẩm",
      "tasks.clearKeys.person",
    ]);
    expect(missingClearLabels(["product"], clears, "en", t)).toEqual(["Clear product"]);
  });

  it("writes a target with its unit", () => {
    expect(targetText(120, "đảng viên", String)).toBe("120 đảng viên");
    expect(targetText(null, "x", String)).toBe("—");
  });
});
