import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  corruptedWorkbookBytes,
  oleBytes,
  pngBytes,
  rawSheetBytes,
  simpleWorkbook,
  workbookBytes,
  zipBombBytes,
  zipBytes,
} from "../../../test/spreadsheet-fixtures.ts";
import { SpreadsheetError } from "./spreadsheet-errors.ts";
import { FORMULA_WITHOUT_RESULT, openSpreadsheet, type SheetRow } from "./spreadsheet-reader.ts";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "namro-sheets-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let counter = 0;
async function fileOf(bytes: Buffer | string): Promise<string> {
  const path = join(dir, `f${++counter}`);
  await writeFile(path, bytes);
  return path;
}

async function readAll(path: string, maxRows?: number): Promise<{ rows: SheetRow[]; sheet: string | null }> {
  const opened = await openSpreadsheet(path, maxRows ? { maxRows } : {});
  const rows: SheetRow[] = [];
  for await (const row of opened.rows()) rows.push(row);
  return { rows, sheet: opened.sheetName };
}

async function failure(path: string, maxRows?: number): Promise<SpreadsheetError> {
  try {
    await readAll(path, maxRows);
  } catch (error) {
    if (error instanceof SpreadsheetError) return error;
    throw error;
  }
  throw new Error("expected a SpreadsheetError");
}

describe("openSpreadsheet", () => {
  it("reads the cells of the first sheet, dates as dates, text as text", async () => {
    const path = await fileOf(
      await simpleWorkbook([
        ["Họ và tên", "Ngày sinh", "Số"],
        ["Nguyễn Văn A", new Date(Date.UTC(1980, 1, 1)), 12],
      ]),
    );
    const { rows, sheet } = await readAll(path);
    expect(sheet).toBe("Danh sách");
    expect(rows.map((r) => r.number)).toEqual([1, 2]);
    expect(rows[1]?.cells[0]).toBe("Nguyễn Văn A");
    expect(rows[1]?.cells[1]).toEqual(new Date(Date.UTC(1980, 1, 1)));
    expect(rows[1]?.cells[2]).toBe(12);
  });

  it("reads shared and rich text, entities, booleans, errors and custom date formats", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("S");
    sheet.addRow(["a", "b", "c", "d", "e"]);
    const row = sheet.addRow([
      { richText: [{ text: "Nguyễn " }, { font: { bold: true }, text: "Văn <A> & B" }] },
      true,
      { error: "#N/A" },
      new Date(Date.UTC(1990, 11, 31)),
      1234.5,
    ]);
    row.getCell(4).numFmt = "dd/mm/yyyy";
    const path = await fileOf(Buffer.from(await workbook.xlsx.writeBuffer()));
    const { rows } = await readAll(path);
    expect(rows[1]?.cells).toEqual([
      "Nguyễn Văn <A> & B",
      true,
      null,
      new Date(Date.UTC(1990, 11, 31)),
      1234.5,
    ]);
  });

  it("reads the first visible sheet and names the hidden ones", async () => {
    const path = await fileOf(
      await workbookBytes([
        { name: "Ẩn", state: "hidden", rows: [["hidden"]] },
        { name: "Rất ẩn", state: "veryHidden", rows: [["very hidden"]] },
        { name: "Hiện", rows: [["shown"]] },
      ]),
    );
    const opened = await openSpreadsheet(path);
    expect(opened.sheetName).toBe("Hiện");
    expect(opened.hiddenSheets).toEqual(["Ẩn", "Rất ẩn"]);
    const rows: SheetRow[] = [];
    for await (const row of opened.rows()) rows.push(row);
    expect(rows.map((r) => r.cells[0])).toEqual(["shown"]);
  });

  it("uses a formula's stored result and marks a formula without one", async () => {
    const path = await fileOf(
      await simpleWorkbook([
        ["a", "b"],
        [{ formula: "1+1", result: 2 }, { formula: 'UPPER("x")' } as never],
      ]),
    );
    const { rows } = await readAll(path);
    expect(rows[1]?.cells[0]).toBe(2);
    expect(rows[1]?.cells[1]).toBe(FORMULA_WITHOUT_RESULT);
  });

  it("reports merged ranges and counts rows before reading", async () => {
    const path = await fileOf(
      await workbookBytes([
        {
          name: "S",
          rows: [
            ["Họ và tên", null],
            ["x", "y"],
            ["z", "w"],
          ],
          merges: ["A1:B1"],
        },
      ]),
    );
    const opened = await openSpreadsheet(path);
    expect(opened.merges).toEqual(["A1:B1"]);
    expect(opened.rowCount).toBe(3);
  });

  it("reads CSV in UTF-8 with a BOM and semicolons, and in an 8-bit code page", async () => {
    const utf8 = await fileOf(
      `\ufeffHọ và tên;Ngày sinh\r\nNguyễn Văn A;01/02/1980\r\n\r\nTrần Thị B;3/4/85\r\n`,
    );
    const { rows } = await readAll(utf8);
    expect(rows.map((r) => [r.number, ...r.cells])).toEqual([
      [1, "Họ và tên", "Ngày sinh"],
      [2, "Nguyễn Văn A", "01/02/1980"],
      [4, "Trần Thị B", "3/4/85"],
    ]);
    const latin = await fileOf(Buffer.from("Hä vµ tªn,Ngµy sinh\nNguyÔn V¨n A,01/02/1980\n", "latin1"));
    const read = await readAll(latin);
    expect(read.rows[1]?.cells[0]).toBe("NguyÔn V¨n A");
  });

  it.each([
    ["an empty file", () => Buffer.alloc(0), "EMPTY"],
    ["a PNG", pngBytes, "NOT_SPREADSHEET"],
    [
      "a zip that is not a workbook",
      () => zipBytes([{ name: "a.txt", data: Buffer.from("hi") }]),
      "NOT_SPREADSHEET",
    ],
    ["a password-protected workbook", oleBytes, "ENCRYPTED_OR_XLS"],
    ["a corrupted workbook", corruptedWorkbookBytes, "CORRUPTED"],
    ["a zip bomb", () => zipBombBytes(60), "ZIP_BOMB"],
  ] as const)("refuses %s", async (_name, build, reason) => {
    const error = await failure(await fileOf(await build()));
    expect(error.reason).toBe(reason);
  });

  it("refuses an entry that inflates past its declared size", async () => {
    const bytes = zipBytes([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      {
        name: "xl/workbook.xml",
        data: Buffer.from('<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>'),
      },
      {
        name: "xl/_rels/workbook.xml.rels",
        data: Buffer.from(
          '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
        ),
      },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(5 * 1024 * 1024, 0x20), declaredSize: 1000 },
    ]);
    const error = await failure(await fileOf(bytes));
    expect(["CORRUPTED", "ZIP_BOMB"]).toContain(error.reason);
  });

  it("refuses more rows than allowed, with the count, before reading them", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`r${i}`]);
    const error = await failure(await fileOf(await simpleWorkbook(rows)), 25);
    expect(error.reason).toBe("TOO_MANY_ROWS");
    expect(error.count).toBe(30);
    const csv = await fileOf(rows.map((r) => r[0]).join("\n"));
    const csvError = await failure(csv, 25);
    expect([csvError.reason, csvError.count]).toEqual(["TOO_MANY_ROWS", 30]);
    // Line breaks inside quotes are not rows.
    const quoted = await fileOf(
      rows
        .map((r) => `"${r[0]}\nmore"`)
        .slice(0, 20)
        .join("\n"),
    );
    expect((await readAll(quoted, 25)).rows).toHaveLength(20);
  });

  it("refuses a cell reference beyond column XFD without padding up to it", async () => {
    const bytes = rawSheetBytes(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c></row>' +
        '<row r="2"><c r="AAAAAAA2" t="inlineStr"><is><t>x</t></is></c></row>',
    );
    expect((await failure(await fileOf(bytes))).reason).toBe("CORRUPTED");
    // XFD itself is the last column and is read.
    const last = rawSheetBytes('<row r="1"><c r="XFD1"><v>7</v></c></row>');
    const { rows } = await readAll(await fileOf(last));
    expect(rows[0]?.cells).toHaveLength(16_384);
    expect(rows[0]?.cells[16_383]).toBe(7);
  });

  it("refuses a row or a shared string that never ends instead of holding it all", async () => {
    // Text that does not compress like a zip bomb: letters from a small deterministic generator.
    let seed = 1;
    const noise = (length: number) =>
      Array.from({ length }, () => {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        return String.fromCharCode(97 + (seed % 26));
      }).join("");
    const endlessRow = rawSheetBytes(`<row r="1"><c r="A1" t="inlineStr"><is><t>${noise(5 * 1024 * 1024)}`);
    expect((await failure(await fileOf(endlessRow))).reason).toBe("CORRUPTED");
    const endlessString = rawSheetBytes(
      '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
      `<si><t>${noise(5 * 1024 * 1024)}`,
    );
    expect((await failure(await fileOf(endlessString))).reason).toBe("CORRUPTED");
  });

  it("refuses a CSV record longer than one row may be", async () => {
    const csv = await fileOf(`Họ và tên,Ghi chú\nAn,"${"x ".repeat(3 * 1024 * 1024)}"\n`);
    expect((await failure(csv)).reason).toBe("CORRUPTED");
  });

  it("reads date-formatted serials as Excel shows them, the 1900 leap-year bug included", async () => {
    const bytes = rawSheetBytes(
      '<row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="1"><v>59</v></c>' +
        '<c r="C1" s="1"><v>61</v></c><c r="D1" s="1"><v>45000.75</v></c><c r="E1" s="1"><v>60</v></c></row>',
    );
    const { rows } = await readAll(await fileOf(bytes));
    const iso = (rows[0]?.cells ?? []).map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : c));
    expect(iso).toEqual(["1900-01-01", "1900-02-28", "1900-03-01", "2023-03-15", 60]);
  });
});
