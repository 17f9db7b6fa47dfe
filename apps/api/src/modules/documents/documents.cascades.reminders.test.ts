import { describe, expect, it } from "vitest";
import { cascadeReminder } from "./documents.cascades.reminders.ts";
import type { CascadeDocumentRow } from "./documents.cascades.repository.ts";

const CONCLUSION: CascadeDocumentRow = {
  id: 7,
  ownerOrgId: 1,
  ownerPath: "1",
  issuedOn: "2026-01-10",
  isPlaceholder: false,
  symbol: "21-KL/TW",
  citation: null,
  subject: "Về đẩy mạnh xây dựng, chỉnh đốn Đảng",
  confidentiality: "normal",
  typeNameVi: "Kết luận",
  typeNameEn: "Conclusion",
  visible: true,
};

function remind(today: string, daysOverdue: number | null, document = CONCLUSION) {
  return cascadeReminder({
    cascadeId: 3,
    deadline: "2026-03-31",
    today,
    document,
    target: { orgId: 42, orgName: "Đảng ủy xã Cẩm Bình", daysOverdue },
    createdBy: 9,
  });
}

describe("cascadeReminder", () => {
  it("names the document, the deadline and the days overdue, in both languages", () => {
    const reminder = remind("2026-06-15", 76);
    expect(reminder).toMatchObject({
      orgId: 42,
      kind: "cascade_reminder",
      titleVi: "Nhắc ban hành văn bản cụ thể hóa Kết luận số 21-KL/TW",
      titleEn: "Reminder: issue the implementing document for Conclusion No. 21-KL/TW",
      link: "/documents/7",
      dedupeKey: "cascade-reminder:3:42:2026-06-15",
      createdBy: 9,
    });
    expect(reminder.bodyVi).toBe(
      "Đảng ủy xã Cẩm Bình chưa ban hành văn bản cụ thể hóa Kết luận số 21-KL/TW (Về đẩy mạnh xây dựng, chỉnh đốn Đảng). Hạn ban hành: 31/03/2026; đã quá hạn 76 ngày.",
    );
    expect(reminder.bodyEn).toContain("Deadline: 31/03/2026; 76 days overdue.");
  });

  it("counts the days left before the deadline, and says when it is today", () => {
    expect(remind("2026-03-26", null).bodyVi).toContain("còn 5 ngày");
    expect(remind("2026-03-26", null).bodyEn).toContain("5 days left");
    expect(remind("2026-03-31", null).bodyVi).toContain("hạn là hôm nay");
  });

  it("falls back to the citation of an unnumbered document, and keys each day apart", () => {
    const named = { ...CONCLUSION, symbol: null, citation: "Nghị quyết Trung ương 4 (khóa XII)" };
    expect(remind("2026-06-15", 76, named).titleVi).toBe(
      "Nhắc ban hành văn bản cụ thể hóa Nghị quyết Trung ương 4 (khóa XII)",
    );
    expect(remind("2026-06-16", 77).dedupeKey).not.toBe(remind("2026-06-15", 76).dedupeKey);
  });

  it("names neither the symbol nor the subject of a confidential document", () => {
    for (const confidentiality of ["confidential", "secret", "top_secret"] as const) {
      const reminder = remind("2026-06-15", 76, { ...CONCLUSION, confidentiality });
      const text = [reminder.titleVi, reminder.titleEn, reminder.bodyVi, reminder.bodyEn].join(" ");
      expect(text).not.toContain("21-KL/TW");
      expect(text).not.toContain("Kết luận");
      expect(text).not.toContain("chỉnh đốn");
      expect(reminder.bodyVi).toBe(
        "Có văn bản mật cần cụ thể hóa trước ngày 31/03/2026 (đã quá hạn 76 ngày); xem tại mục Văn bản.",
      );
      expect(reminder.link).toBe("/documents/7");
    }
  });
});
