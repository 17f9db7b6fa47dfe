import type { FormInstance } from "antd";
import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../lib/api.ts";
import { showTaskErrors } from "./task-form-errors.ts";

function fakeForm() {
  const fields: { name: unknown; errors: string[] }[] = [];
  const form = {
    setFields: (next: { name: unknown; errors: string[] }[]) => fields.push(...next),
    scrollToField: () => undefined,
  } as unknown as FormInstance;
  return { form, fields };
}

const t = ((key: string) => key) as unknown as TFunction;

describe("the task form's server errors", () => {
  it("puts a rule answered with a code under the field it concerns", () => {
    const { form, fields } = fakeForm();
    const text = showTaskErrors(
      form,
      new ApiError(400, "TASK_DATE_ORDER", "Hạn hoàn thành phải từ ngày bắt đầu trở đi."),
      t,
    );
    expect(fields).toEqual([{ name: "dueDate", errors: ["Hạn hoàn thành phải từ ngày bắt đầu trở đi."] }]);
    expect(text).toBe("Hạn hoàn thành phải từ ngày bắt đầu trở đi.");
  });

  it("puts validation issues at their field paths, a milestone's at its row", () => {
    const { form, fields } = fakeForm();
    showTaskErrors(
      form,
      new ApiError(400, "VALIDATION_FAILED", "Dữ liệu không hợp lệ.", [
        { path: "body.title", message: "Bắt buộc" },
        { path: "body.milestones.1.dueDate", message: "Ngày không hợp lệ" },
      ]),
      t,
    );
    expect(fields).toEqual([
      { name: ["title"], errors: ["Bắt buộc"] },
      { name: ["milestones", 1, "dueDate"], errors: ["Ngày không hợp lệ"] },
    ]);
  });

  it("keeps what has no field for the alert", () => {
    const { form, fields } = fakeForm();
    const text = showTaskErrors(form, new ApiError(409, "TASK_CANCELLED", "Nhiệm vụ đã bị hủy."), t);
    expect(fields).toEqual([]);
    expect(text).toBe("Nhiệm vụ đã bị hủy.");
  });

  it("says once a refusal about the parent, which the form has no field for", () => {
    const { form, fields } = fakeForm();
    const message = "Nhiệm vụ đã có báo cáo tiến độ nên không thể chia thành nhiệm vụ con.";
    const text = showTaskErrors(
      form,
      new ApiError(409, "TASK_SPLIT_HAS_REPORTS", message, [{ path: "body.parentId", message }]),
      t,
    );
    expect(fields).toEqual([]);
    expect(text).toBe(message);
  });

  it("puts a sub-task's owner outside the parent's lead unit under the owner", () => {
    const { form, fields } = fakeForm();
    const message = "Không thể đặt nhiệm vụ dưới nhiệm vụ cấp trên đã chọn.";
    showTaskErrors(
      form,
      new ApiError(400, "TASK_PARENT_OUTSIDE_SCOPE", message, [{ path: "body.parentId", message }]),
      t,
    );
    expect(fields).toEqual([{ name: "ownerOrgId", errors: [message] }]);
  });
});
