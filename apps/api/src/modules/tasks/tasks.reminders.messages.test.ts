import { describe, expect, it } from "vitest";
import { periodLabel, reminderMail, reminderText } from "./tasks.reminders.messages.ts";
import type { ReminderCandidateRow } from "./tasks.reminders.repository.ts";

const row: ReminderCandidateRow = {
  taskId: 12,
  title: "Kết nạp 120 đảng viên",
  dueDate: "2026-06-30",
  orgId: 5,
  orgName: "Đảng ủy xã Tân Hưng",
  accountId: 7,
  orgKey: "task:12:due-soon:2026-06-30",
  accountKey: "task:12:due-soon:2026-06-30:account:7",
  personSeesOrgNotice: false,
  periodKey: null,
  periodEnd: null,
  reason: null,
};

describe("periodLabel", () => {
  it.each([
    ["2026-06", "tháng 6/2026", "2026-06"],
    ["2026-Q2", "quý II/2026", "Q2 2026"],
    ["2026-H1", "6 tháng đầu năm 2026", "first half of 2026"],
    ["2026-H2", "6 tháng cuối năm 2026", "second half of 2026"],
    ["2026", "năm 2026", "2026"],
    ["final", "khi hoàn thành", "on completion"],
  ])("%s → %s / %s", (key, vi, en) => {
    expect(periodLabel(key, "vi")).toBe(vi);
    expect(periodLabel(key, "en")).toBe(en);
  });
});

describe("reminderText", () => {
  it("addresses the organisation by name and the person as Đồng chí, with dd/mm/yyyy and days left", () => {
    const org = reminderText("due_soon", row, "2026-06-28", false);
    expect(org.titleVi).toBe("Sắp đến hạn: Kết nạp 120 đảng viên");
    expect(org.bodyVi).toBe(
      "Nhiệm vụ “Kết nạp 120 đảng viên” có hạn hoàn thành ngày 30/06/2026 (còn 2 ngày). Đảng ủy xã Tân Hưng cập nhật tiến độ hoặc báo cáo kết quả.",
    );
    const personal = reminderText("due_soon", row, "2026-06-30", true);
    expect(personal.bodyVi).toContain("(Đảng ủy xã Tân Hưng chủ trì)");
    expect(personal.bodyVi).toContain("(hạn là hôm nay)");
    expect(personal.bodyVi).toContain("Đồng chí cập nhật");
    expect(personal.bodyEn).toContain("(due today). Please update");
  });

  it("names the period and its due day for report reminders, and the reason of a return", () => {
    const late = reminderText(
      "report_late",
      { ...row, periodKey: "2026-Q1", periodEnd: "2026-03-31" },
      "2026-06-28",
      false,
    );
    expect(late.bodyVi).toBe(
      "Chưa có báo cáo tiến độ quý I/2026 của nhiệm vụ “Kết nạp 120 đảng viên”; hạn nộp là ngày 05/04/2026.",
    );
    const returned = reminderText(
      "report_returned",
      { ...row, periodKey: "2026-05", periodEnd: "2026-05-31", reason: " Thiếu biên bản " },
      "2026-06-28",
      true,
    );
    expect(returned.bodyVi).toMatch(/Báo cáo tháng 5\/2026 .* bị trả lại để sửa\. Lý do: Thiếu biên bản$/);
    expect(reminderText("report_returned", row, "2026-06-28", false).bodyVi).toContain("(không ghi lý do)");
    expect(reminderText("overdue", { ...row, dueDate: "2026-06-27" }, "2026-06-28", false).bodyEn).toContain(
      "(1 day overdue) and is not finished",
    );
  });
});

describe("reminderMail", () => {
  const text = reminderText("overdue", row, "2026-07-02", false);
  it("writes the subject and body in the reader's language, with an absolute link when the address is known", () => {
    const vi = reminderMail(text, "/tasks/12", "vi", "https://namro.example.vn");
    expect(vi.subject).toBe("[Năm Rõ] Quá hạn: Kết nạp 120 đảng viên");
    expect(vi.bodyText).toContain("Xem chi tiết: https://namro.example.vn/tasks/12");
    expect(vi.bodyText).toContain("xin đừng trả lời");
    const en = reminderMail(text, "/tasks/12", "en", null);
    expect(en.subject).toBe("[Năm Rõ] Overdue: Kết nạp 120 đảng viên");
    expect(en.bodyText).toContain("See Tasks in Năm Rõ.");
    expect(en.bodyText).not.toContain("http");
  });
});
