import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { openSpreadsheet } from "./spreadsheet-reader.ts";
import { createXlsxWriter } from "./spreadsheet-writer.ts";

async function written(
  build: (writer: ReturnType<typeof createXlsxWriter>) => Promise<void>,
): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  const writer = createXlsxWriter(output);
  await build(writer);
  return Buffer.concat(chunks);
}

describe("createXlsxWriter", () => {
  it("writes sheets that Excel readers open: text stays text, numbers stay numbers", async () => {
    const bytes = await written(async (writer) => {
      const sheet = writer.addSheet("Danh sách: đảng viên", ["Họ và tên", "Số CCCD", "Số"]);
      for (let i = 0; i < 5000; i++) sheet.addRow([`Nguyễn Văn <${i}> & "A"`, "001234567890", i]);
      sheet.end();
      const second = writer.addSheet("Thống kê", ["Mục", "Số lượng"], { widths: [40, 12] });
      second.addRow(["Tổng", 5000]);
      second.addRow([null, "\u0001bỏ ký tự điều khiển"]);
      second.end();
      await writer.finish();
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Danh sách  đảng viên", "Thống kê"]);
    const first = book.worksheets[0] as ExcelJS.Worksheet;
    expect(first.rowCount).toBe(5001);
    expect((first.getRow(5001).values as unknown[]).slice(1)).toEqual([
      'Nguyễn Văn <4999> & "A"',
      "001234567890",
      4999,
    ]);
    expect(first.getRow(1).getCell(1).font?.bold).toBe(true);
    const stats = book.worksheets[1] as ExcelJS.Worksheet;
    expect((stats.getRow(3).values as unknown[]).slice(1)).toEqual([undefined, "bỏ ký tự điều khiển"]);

    // The streaming reader the importer uses reads it too.
    const dir = await mkdtemp(join(tmpdir(), "namro-writer-"));
    try {
      await writeFile(join(dir, "w.xlsx"), bytes);
      const opened = await openSpreadsheet(join(dir, "w.xlsx"));
      let rows = 0;
      for await (const _ of opened.rows()) rows++;
      expect([opened.sheetName, rows]).toEqual(["Danh sách  đảng viên", 5001]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
