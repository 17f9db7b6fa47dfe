import { describe, expect, it } from "vitest";
import { findPlanBlocks, type PlanInput } from "./plan-structure.ts";

function blocks(input: PlanInput | string) {
  const plan = typeof input === "string" ? { text: input } : input;
  return findPlanBlocks(plan).map((b) => ({
    kind: b.kind,
    label: b.label,
    text: plan.text.slice(b.start, b.end),
    headings: b.headings.map((h) => plan.text.slice(h.start, h.end)),
  }));
}

const lines = (...parts: string[]) => parts.join("\n");

describe("where the tasks of a plan are", () => {
  it("skips the header, the purposes and the signature; reads the task sections", () => {
    const found = blocks(
      lines(
        "TỈNH ỦY BẮC NINH",
        "Số 12-KH/TU",
        "KẾ HOẠCH",
        "Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Nâng cao nhận thức.",
        "II. NHIỆM VỤ, GIẢI PHÁP",
        "1. Ban Tổ chức Tỉnh ủy rà soát.",
        "III. TỔ CHỨC THỰC HIỆN",
        "Văn phòng Tỉnh ủy theo dõi.",
        "Trên đây là Kế hoạch thực hiện.",
        "Nơi nhận:",
        "- Lưu VPTU.",
        "T/M BAN THƯỜNG VỤ",
      ),
    );
    expect(found.map((b) => [b.kind, b.label, b.text])).toEqual([
      ["item", "1.", "Ban Tổ chức Tỉnh ủy rà soát."],
      ["paragraph", null, "Văn phòng Tỉnh ủy theo dõi."],
    ]);
  });

  it("an item with deeper items below heads them (a title only heads; a sentence is a task too); so does a short title followed by paragraphs", () => {
    const found = blocks(
      lines(
        "II. NHIỆM VỤ",
        "1. Công tác tư tưởng (trong quý II/2026)",
        "a) Ban Tuyên giáo tổ chức hội nghị.",
        "- Chi bộ A sinh hoạt chuyên đề.",
        "b) Văn phòng tổng hợp.",
        "2. Công tác kiểm tra",
        "Ủy ban Kiểm tra xây dựng chương trình.",
      ),
    );
    expect(found.map((b) => [b.label, b.text, b.headings.at(-1)])).toEqual([
      ["a)", "Ban Tuyên giáo tổ chức hội nghị.", "Công tác tư tưởng (trong quý II/2026)"],
      ["-", "Chi bộ A sinh hoạt chuyên đề.", "Ban Tuyên giáo tổ chức hội nghị."],
      ["b)", "Văn phòng tổng hợp.", "Công tác tư tưởng (trong quý II/2026)"],
      [null, "Ủy ban Kiểm tra xây dựng chương trình.", "Công tác kiểm tra"],
    ]);
  });

  it("a paragraph after an item continues it; label lines ('+ Chủ trì: …') belong to the task above", () => {
    const found = blocks(
      lines(
        "II. NHIỆM VỤ",
        "1. Văn phòng chủ trì theo dõi.",
        "Cuối mỗi quý báo cáo Thường trực.",
        "- Kiểm tra Chi bộ 3.",
        "+ Chủ trì: UBKT.",
        "+ Thời gian: quý II/2026.",
      ),
    );
    expect(found.map((b) => b.text)).toEqual([
      "Văn phòng chủ trì theo dõi.\nCuối mỗi quý báo cáo Thường trực.",
      "Kiểm tra Chi bộ 3.\n+ Chủ trì: UBKT.\n+ Thời gian: quý II/2026.",
    ]);
  });

  it("reads tab-separated rows under a header of known columns; a merged row groups the rows below", () => {
    const text = lines(
      "II. NHIỆM VỤ",
      "TT\tNội dung\tChủ trì\tThời gian",
      "Quý III/2026",
      "1\tRà soát hồ sơ\tVăn phòng\t",
    );
    const found = findPlanBlocks({ text });
    // the lone "Quý III/2026" line is not a row (no tab): it ends the table, and the row after starts another
    expect(found.map((b) => b.kind)).toEqual(["paragraph"]);
    const withTabs = lines(
      "II. NHIỆM VỤ",
      "TT\tNội dung\tChủ trì\tThời gian",
      "1\tRà soát hồ sơ\tVăn phòng\tQuý III/2026",
    );
    const rows = findPlanBlocks({ text: withTabs });
    expect(
      rows.map((b) => [b.kind, b.number, withTabs.slice(b.cells?.lead?.start, b.cells?.lead?.end)]),
    ).toEqual([["row", "1", "Văn phòng"]]);
  });

  it("reads a .docx's rows where their cells are in the text, and not those lines again as paragraphs", () => {
    const table = [
      ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian"],
      ["II. NHIỆM VỤ QUÝ IV/2026"],
      ["1", "Tổng kết công tác", "BTV Đảng ủy", ""],
    ];
    const text = lines("II. NHIỆM VỤ", ...table.flat(), "III. TỔ CHỨC THỰC HIỆN", "Văn phòng theo dõi.");
    const found = blocks({ text, tables: [table] });
    expect(found.map((b) => [b.kind, b.text, b.headings.at(-1)])).toEqual([
      ["row", "1\nTổng kết công tác\nBTV Đảng ủy", "II. NHIỆM VỤ QUÝ IV/2026"],
      ["paragraph", "Văn phòng theo dõi.", "TỔ CHỨC THỰC HIỆN"],
    ]);
  });

  it("without any heading, reads the paragraphs after the introduction", () => {
    const found = blocks(
      lines(
        "CHI BỘ THÔN ĐÔNG",
        "KẾ HOẠCH",
        "Chi bộ xây dựng kế hoạch như sau:",
        "Giao đồng chí Bí thư chủ trì.",
        "Nơi nhận:",
      ),
    );
    expect(found.map((b) => b.text)).toEqual(["Giao đồng chí Bí thư chủ trì."]);
  });
});
