import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CheckedTask, checkPlan } from "./check-plan.ts";
import { planTaskJson } from "./plan-check-json.ts";
import { DEFAULT_CLEARS, PLAN_CLEAR_MESSAGES } from "./plan-clears.ts";
import { PLAN_SAMPLES } from "./samples/plan-samples.ts";

/** Every span the checker reports, with the text it claims. */
function spansOf(task: CheckedTask): { text: string; start: number; end: number }[] {
  return [
    task,
    ...task.leads,
    ...task.support,
    ...(task.person ? [task.person] : []),
    ...(task.time ? [task.time] : []),
    ...task.results,
    ...task.job.concrete,
    ...task.job.vague,
    ...task.references,
    ...task.clears.flatMap((c) => c.spans),
  ];
}

/** Cheap enough for thousands of property runs: true when every span holds exactly its text. */
function spansInside(input: string, tasks: readonly CheckedTask[]): boolean {
  return tasks.every((task) =>
    spansOf(task).every(
      (span) =>
        span.start >= 0 &&
        span.end <= input.length &&
        span.start <= span.end &&
        input.slice(span.start, span.end) === span.text,
    ),
  );
}

function expectSpansInside(input: string, tasks: readonly CheckedTask[]) {
  for (const task of tasks) {
    for (const span of spansOf(task)) {
      expect(span.start).toBeGreaterThanOrEqual(0);
      expect(span.end).toBeLessThanOrEqual(input.length);
      expect(span.start).toBeLessThanOrEqual(span.end);
      expect(input.slice(span.start, span.end)).toBe(span.text);
    }
  }
}

const FRAGMENTS = [
  "II. NHIỆM VỤ, GIẢI PHÁP",
  "I. MỤC ĐÍCH, YÊU CẦU",
  "III. TỔ CHỨC THỰC HIỆN",
  "1. ",
  "a) ",
  "- ",
  "+ Chủ trì: ",
  "\t",
  "\n",
  "Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với ",
  "giao ",
  "đồng chí Bí thư ",
  "chịu trách nhiệm ",
  "BTCTU ",
  "các cơ quan liên quan ",
  "trước ngày 30/6/2026",
  "quý II/2026",
  "6 tháng đầu năm ",
  "thường xuyên",
  "như trên",
  "như mục 1",
  "báo cáo kết quả",
  "100% chi bộ",
  "kết nạp 50 đảng viên",
  "Kết luận số 21-KL/TW, ngày 25.10.2021",
  "Nơi nhận:",
  "; ",
  ". ",
  ":",
  "Tổ chức",
];

describe("checkPlan", () => {
  it("finds no task in an empty text or in a text without tasks", () => {
    expect(checkPlan("")).toEqual([]);
    expect(checkPlan("   \n\n  ")).toEqual([]);
    expect(
      checkPlan(
        "Kính gửi: Ban Thường vụ Tỉnh ủy\nVăn phòng Tỉnh ủy xin gửi kèm theo đây tài liệu để các đồng chí tham khảo.\nTrân trọng.",
      ),
    ).toEqual([]);
  });

  it("gives the JSON of issue 6 for each task", () => {
    const input =
      "II. NHIỆM VỤ, GIẢI PHÁP\n1. Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy xây dựng đề án, trình trước ngày 30/6/2026.";
    const [task] = checkPlan(input).map(planTaskJson);
    expect(task).toEqual({
      text: "Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy xây dựng đề án, trình trước ngày 30/6/2026.",
      start: input.indexOf("Ban"),
      end: input.length,
      lead: "Ban Tổ chức Tỉnh ủy",
      support: ["Văn phòng Tỉnh ủy"],
      person: null,
      deadlineText: "trước ngày 30/6/2026",
      deadline: "2026-06-30",
      deliverable: "xây dựng đề án",
      clears: {
        person: "present",
        job: "present",
        time: "present",
        responsibility: "present",
        result: "present",
      },
    });
  });

  it("says why a clear is weak or missing, in Vietnamese and English", () => {
    const [task] = checkPlan(
      "II. NHIỆM VỤ\n1. Các cơ quan liên quan thường xuyên tăng cường công tác tuyên truyền.",
    );
    const reasons = Object.fromEntries(
      DEFAULT_CLEARS.map((c) => [c.key, task?.clears.find((x) => x.key === c.key)?.reason]),
    );
    expect(reasons).toEqual({
      person: "PERSON_GENERIC",
      job: "JOB_VAGUE",
      time: "TIME_CONTINUOUS",
      responsibility: "RESPONSIBILITY_GENERIC",
      result: "RESULT_MISSING",
    });
    for (const reason of Object.values(reasons))
      expect(PLAN_CLEAR_MESSAGES[reason as keyof typeof PLAN_CLEAR_MESSAGES].vi).not.toBe("");
  });

  it("checks the committee's own clear-set, in its order", () => {
    const clears = [
      { key: "schedule", aspect: "time" as const, label: { vi: "Rõ tiến độ", en: "Clear schedule" } },
      { key: "product", aspect: "result" as const, label: { vi: "Rõ sản phẩm", en: "Clear product" } },
    ];
    const [task] = checkPlan("II. NHIỆM VỤ\n1. Văn phòng Tỉnh ủy ban hành kế hoạch trong quý II/2026.", {
      clears,
    });
    expect(task?.clears.map((c) => [c.key, c.grade])).toEqual([
      ["schedule", "present"],
      ["product", "present"],
    ]);
  });

  it("takes a deadline from the heading above and the year from the plan's date", () => {
    const input = [
      "Hà Nội, ngày 05 tháng 02 năm 2026",
      "II. NHIỆM VỤ",
      "1. Nhiệm vụ quý III/2026",
      "a) Văn phòng Tỉnh ủy rà soát danh sách.",
      "b) Ban Tổ chức Tỉnh ủy báo cáo kết quả trước 15/12.",
    ].join("\n");
    const tasks = checkPlan(input);
    expect(tasks.map((t) => [t.time?.deadline, t.aspects.time.inherited])).toEqual([
      ["2026-Q3", true],
      ["2026-12-15", false],
    ]);
  });

  it("reads a day without a year in the year of the heading above, else of the plan", () => {
    const input = [
      "Hà Nội, ngày 05 tháng 02 năm 2026",
      "II. NHIỆM VỤ NĂM 2027",
      "1. Văn phòng Tỉnh ủy báo cáo kết quả trước 15/12.",
      "III. TỔ CHỨC THỰC HIỆN",
      "1. Ban Tổ chức Tỉnh ủy báo cáo kết quả trước 15/12.",
    ].join("\n");
    expect(checkPlan(input).map((t) => t.time?.deadline)).toEqual(["2027-12-15", "2026-12-15"]);
  });

  it("'như mục 1' takes the clear from the task numbered 1; 'như trên' from the task before", () => {
    const input = [
      "II. NHIỆM VỤ",
      "1. Ban Tổ chức Tỉnh ủy rà soát quy hoạch, hoàn thành trong quý II/2026.",
      "2. Văn phòng Tỉnh ủy xây dựng kế hoạch trước ngày 30/9/2026.",
      "3. Ban Tuyên giáo và Dân vận Tỉnh ủy tổng hợp ý kiến; thời gian như mục 1.",
      "4. Ủy ban Kiểm tra Tỉnh ủy kiểm tra; thời gian: như trên.",
    ].join("\n");
    const tasks = checkPlan(input);
    expect(tasks.map((t) => [t.time?.deadline, t.aspects.time.inherited])).toEqual([
      ["2026-Q2", false],
      ["2026-09-30", false],
      ["2026-Q2", true],
      ["2026-Q2", true],
    ]);
    expect(tasks[2]?.references.map((r) => r.text)).toEqual(["như mục 1"]);
  });

  it("keeps every span inside the input, on the samples", () => {
    for (const sample of PLAN_SAMPLES) expectSpansInside(sample.input.text, checkPlan(sample.input));
  });

  it("never throws and keeps every span inside the input, on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (input) =>
        spansInside(input, checkPlan(input)),
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it("never throws and keeps every span inside the input, on shuffled plan fragments", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }), (parts) => {
        const input = parts.join("");
        return spansInside(input, checkPlan(input));
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it("never throws with table rows that do not match the text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }),
        fc.array(
          fc.array(fc.constantFrom("TT", "Nội dung", "Chủ trì", "Thời gian", "1", "x", "", ...FRAGMENTS), {
            maxLength: 7,
          }),
          { maxLength: 8 },
        ),
        (parts, rows) => {
          const text = parts.join("\n");
          return spansInside(text, checkPlan({ text, tables: [rows] }));
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it("reads long and repetitive input to the end (every pattern is bounded)", () => {
    const repeated = [
      "Ban ".repeat(50_000),
      "1.".repeat(50_000),
      "\t".repeat(50_000),
      "trước ngày ".repeat(20_000),
      "- \n".repeat(30_000),
      `II. NHIỆM VỤ\n${"1. Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy, ".repeat(5_000)}`,
    ];
    for (const input of repeated) expect(Array.isArray(checkPlan(input))).toBe(true);
  }, 60_000);
});
