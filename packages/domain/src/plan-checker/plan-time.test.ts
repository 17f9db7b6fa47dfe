import { describe, expect, it } from "vitest";
import { chooseDeadline, findTimes } from "./plan-time.ts";
import { planWords } from "./plan-words.ts";

function deadlineOf(text: string, planYear: number | null = 2026) {
  const words = planWords(text);
  const chosen = chooseDeadline(findTimes(words, planYear));
  return chosen
    ? {
        text: text.slice(chosen.start, chosen.end),
        deadline: chosen.deadline,
        missingYear: chosen.missingYear,
      }
    : null;
}

describe("time phrases", () => {
  it.each([
    ["hoàn thành trước ngày 30/6/2026.", "trước ngày 30/6/2026", "2026-06-30"],
    ["trình trước ngày 25.10.2026", "trước ngày 25.10.2026", "2026-10-25"],
    ["thời gian 25-10-2026", "25-10-2026", "2026-10-25"],
    ["chậm nhất ngày 25 tháng 10 năm 2026", "chậm nhất ngày 25 tháng 10 năm 2026", "2026-10-25"],
    ["trong quý II/2026", "trong quý II/2026", "2026-Q2"],
    ["quý 3/2026", "quý 3/2026", "2026-Q3"],
    ["trong quý IV năm 2026", "trong quý IV năm 2026", "2026-Q4"],
    ["trong tháng 12/2026", "trong tháng 12/2026", "2026-12"],
    ["tháng 12 năm 2026", "tháng 12 năm 2026", "2026-12"],
    ["6 tháng đầu năm", "6 tháng đầu năm", "2026-H1"],
    ["6 tháng cuối năm 2027", "6 tháng cuối năm 2027", "2027-H2"],
    ["trong năm 2026", "trong năm 2026", "2026"],
    ["cuối năm 2026", "cuối năm 2026", "2026-12"],
    ["báo cáo hằng năm", "hằng năm", "yearly"],
    ["báo cáo hàng năm", "hàng năm", "yearly"],
    ["định kỳ hằng quý", "định kỳ hằng quý", "quarterly"],
    ["sinh hoạt mỗi tháng một lần", "mỗi tháng", "monthly"],
    ["định kỳ 6 tháng", "định kỳ 6 tháng", "half-yearly"],
    ["thường xuyên", "thường xuyên", "continuous"],
    ["trước 15/12", "trước 15/12", "2026-12-15"],
  ])("%s → %s (%s)", (input, text, deadline) => {
    expect(deadlineOf(input)).toEqual({ text, deadline, missingYear: false });
  });

  it("a day without its year and no plan year has no value and says so", () => {
    expect(deadlineOf("trước 15/12", null)).toEqual({
      text: "trước 15/12",
      deadline: null,
      missingYear: true,
    });
  });

  it("a firm deadline wins over a mention, a date over a recurrence, a recurrence over 'thường xuyên'", () => {
    expect(deadlineOf("kế hoạch năm 2026, hoàn thành trước ngày 31/3/2026")?.deadline).toBe("2026-03-31");
    expect(deadlineOf("học tập chuyên đề năm 2026 trong tháng 12/2026")?.deadline).toBe("2026-12");
    expect(deadlineOf("thường xuyên theo dõi, báo cáo định kỳ hằng quý")?.deadline).toBe("quarterly");
  });

  it("reads no deadline from terms, amounts, phone numbers or impossible days", () => {
    for (const text of [
      "nhiệm kỳ 2025 - 2030",
      "kinh phí 1.250.000 đồng",
      "điện thoại 0222 3822 123",
      "ngày 31/2/2026",
      "Số 12",
    ]) {
      expect(deadlineOf(text)).toBeNull();
    }
  });

  it("leaves out dates inside excluded spans (citations)", () => {
    const text = "Quy định số 366-QĐ/TW ngày 30/8/2025";
    expect(findTimes(planWords(text), 2026, (offset) => offset < text.length)).toEqual([]);
  });
});
