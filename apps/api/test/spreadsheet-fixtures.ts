// Spreadsheet files built in tests (no binary fixtures in the repository): workbooks through ExcelJS,
// and raw zip bytes for the broken and hostile cases a library would refuse to write.
import { crc32, deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";

export type FixtureCell = ExcelJS.CellValue;

export interface FixtureSheet {
  name: string;
  rows: FixtureCell[][];
  state?: "visible" | "hidden" | "veryHidden";
  merges?: string[];
}

/** A workbook with the given sheets (rows from row 1). */
export async function workbookBytes(sheets: FixtureSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { state: sheet.state ?? "visible" });
    for (const row of sheet.rows) worksheet.addRow(row);
    for (const range of sheet.merges ?? []) worksheet.mergeCells(range);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One visible sheet named "Danh sách". */
export function simpleWorkbook(rows: FixtureCell[][]): Promise<Buffer> {
  return workbookBytes([{ name: "Danh sách", rows }]);
}

export interface ZipEntryInput {
  name: string;
  data: Buffer;
  /** Overrides the uncompressed size written in both headers (to lie about it). */
  declaredSize?: number;
}

/** A zip archive written byte by byte (deflate), e.g. a bomb or an archive that is not a workbook. */
export function zipBytes(entries: ZipEntryInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const compressed = deflateRawSync(entry.data);
    const crc = crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const centralSize = centrals.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>';

/** An .xlsx-looking zip whose one sheet inflates to `megabytes` MB of zeros: a zip bomb. */
export function zipBombBytes(megabytes = 60): Buffer {
  return zipBytes([
    { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
    { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
    { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(megabytes * 1024 * 1024) },
  ]);
}

/** A password-protected workbook is an OLE compound file (as is an old .xls): its signature and padding. */
export function oleBytes(): Buffer {
  const bytes = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
  bytes.write("EncryptedPackage", 1024, "utf16le");
  return bytes;
}

/** A workbook cut in half: the zip's central directory is missing. */
export async function corruptedWorkbookBytes(): Promise<Buffer> {
  const whole = await simpleWorkbook([
    ["Họ và tên", "Ngày sinh"],
    ["Nguyễn Văn A", "01/02/1980"],
  ]);
  return whole.subarray(0, Math.floor(whole.length / 2));
}

/** Not a spreadsheet: a PNG signature and binary noise. */
export function pngBytes(): Buffer {
  const bytes = Buffer.alloc(2048, 0);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes;
}

/**
 * A workbook of one sheet given as raw XML (the `<sheetData>` content), with a style table whose style 1
 * shows dates, and optional shared strings (the `<sst>` content): for files ExcelJS would not write.
 */
export function rawSheetBytes(sheetData: string, sharedStrings?: string): Buffer {
  const entries = [
    { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
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
    {
      name: "xl/styles.xml",
      data: Buffer.from('<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>'),
    },
    {
      name: "xl/worksheets/sheet1.xml",
      data: Buffer.from(`<worksheet><sheetData>${sheetData}</sheetData></worksheet>`),
    },
  ];
  if (sharedStrings !== undefined) {
    entries.push({ name: "xl/sharedStrings.xml", data: Buffer.from(`<sst>${sharedStrings}</sst>`) });
  }
  return zipBytes(entries);
}
