import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkPlan, planTaskJson } from "@namro/domain";
import { afterAll, describe, expect, it } from "vitest";
import {
  docxBytes,
  oleBytes,
  PROVINCE_PLAN_12_KH_TU,
  pngBytes,
  sampleDocumentPdf,
  sampleDocumentText,
  sampleDocumentTxt,
  scannedPdfBytes,
} from "../../../test/document-fixtures.ts";
import { runCheckPlanCommand } from "./plan-checker.command.ts";
import { tablesFromHtml } from "./plan-checker.docx-tables.ts";

const dir = mkdtempSync(join(tmpdir(), "namro-check-plan-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileOf(name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function run(path: string, json = false) {
  const out: string[] = [];
  const error: string[] = [];
  const code = await runCheckPlanCommand(
    path,
    { json },
    { out: (l) => out.push(l), error: (l) => error.push(l) },
  );
  return { code, out, error };
}

const JSON_FIELDS = [
  "text",
  "start",
  "end",
  "lead",
  "support",
  "person",
  "deadlineText",
  "deadline",
  "deliverable",
  "clears",
];

const TASK_TABLE = [
  ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"],
  [
    "1",
    "Tổ chức hội nghị quán triệt Kế hoạch",
    "BTV Đảng ủy",
    "MTTQ, các đoàn thể xã",
    "Trước ngày 15/4/2026",
    "Báo cáo kết quả",
  ],
  [
    "2",
    "Rà soát, kết nạp đảng viên mới",
    "Các chi bộ",
    "BTC Đảng ủy",
    "Quý III/2026",
    "Kết nạp 15 đảng viên",
  ],
];

describe("namro check-plan", () => {
  it("prints the issue's JSON for a .txt, offsets into the file's text", async () => {
    const { code, out, error } = await run(
      fileOf("plan.txt", sampleDocumentTxt(PROVINCE_PLAN_12_KH_TU)),
      true,
    );
    expect(code).toBe(0);
    expect(error).toEqual([]);
    const parsed = JSON.parse(out.join("\n")) as Record<string, unknown>[];
    const text = sampleDocumentText(PROVINCE_PLAN_12_KH_TU);
    expect(parsed).toEqual(checkPlan(text).map(planTaskJson));
    expect(parsed.length).toBeGreaterThan(0);
    for (const task of parsed) {
      expect(Object.keys(task)).toEqual(JSON_FIELDS);
      expect(text.slice(task.start as number, task.end as number)).toBe(task.text);
    }
  });

  it("prints a table with one mark per clear and the deadline", async () => {
    const { code, out } = await run(fileOf("plan-table.txt", sampleDocumentTxt(PROVINCE_PLAN_12_KH_TU)));
    expect(code).toBe(0);
    expect(out[0]).toMatch(
      /^#\s+nhiệm vụ \(task\)\s+người\s+việc\s+thời gian\s+trách nhiệm\s+kết quả, sản phẩm\s+thời hạn/,
    );
    expect(out.some((l) => /Ban Tổ chức Tỉnh ủy chủ trì.*✓\s+✓\s+✓\s+✓\s+✓\s+half-yearly/.test(l))).toBe(
      true,
    );
    expect(out.at(-1)).toMatch(/^\d+ nhiệm vụ, \d+ chưa đủ/);
  });

  it("reads a .docx task table as rows: lead, support, time and product from their columns", async () => {
    const bytes = docxBytes([
      "ĐẢNG ỦY XÃ TIÊN DU",
      "Tiên Du, ngày 16 tháng 3 năm 2026",
      "KẾ HOẠCH",
      "II. NHIỆM VỤ CỤ THỂ",
      { table: TASK_TABLE },
      "Nơi nhận:",
    ]);
    const { code, out } = await run(fileOf("table.docx", bytes), true);
    expect(code).toBe(0);
    const tasks = JSON.parse(out.join("\n")) as ReturnType<typeof planTaskJson>[];
    expect(tasks.map((t) => [t.lead, t.support, t.deadline, t.deliverable])).toEqual([
      ["Ban Thường vụ Đảng ủy", ["Mặt trận Tổ quốc", "các đoàn thể xã"], "2026-04-15", "Báo cáo kết quả"],
      ["Các chi bộ", ["Ban Tổ chức Đảng ủy"], "2026-Q3", "Kết nạp 15 đảng viên"],
    ]);
  });

  it("reads a PDF with a text layer", async () => {
    const { code, out } = await run(
      fileOf("plan.pdf", await sampleDocumentPdf(PROVINCE_PLAN_12_KH_TU)),
      true,
    );
    expect(code).toBe(0);
    expect((JSON.parse(out.join("\n")) as unknown[]).length).toBeGreaterThan(0);
  });

  it("exits 1 with a message for an empty file, a text without tasks, a scan, an image, an old .doc, a missing file", async () => {
    const cases: [string, RegExp][] = [
      [fileOf("empty.txt", ""), /./],
      [
        fileOf(
          "letter.txt",
          "Kính gửi: Ban Thường vụ Tỉnh ủy\nVăn phòng Tỉnh ủy xin gửi kèm theo đây tài liệu.\nTrân trọng.",
        ),
        /Không tìm thấy nhiệm vụ nào trong văn bản/,
      ],
      [fileOf("scan.pdf", await scannedPdfBytes()), /không có lớp chữ/],
      [fileOf("photo.png", pngBytes()), /đây là ảnh/],
      [fileOf("old.doc", oleBytes()), /\.docx/],
      [join(dir, "missing.txt"), /không tìm thấy tệp/],
    ];
    for (const [path, message] of cases) {
      const { code, out, error } = await run(path);
      expect(code, path).toBe(1);
      expect(out).toEqual([]);
      expect(error.join("\n"), path).toMatch(message);
    }
  });
});

describe("tables of a .docx's HTML", () => {
  it("gives rows of cells, paragraphs joined by line breaks, entities decoded, nested tables on their own", () => {
    const html =
      "<p>x</p><table><tr><td><p>TT</p></td><td><p>A &amp; B</p><p>dòng 2</p></td></tr>" +
      "<tr><td><table><tr><td>trong</td></tr></table></td><td>&lt;b&gt;</td></tr></table>";
    expect(tablesFromHtml(html)).toEqual([
      [
        ["TT", "A & B\ndòng 2"],
        ["", "<b>"],
      ],
      [["trong"]],
    ]);
  });
});
