// Streams the rows of one worksheet of an .xlsx without building a workbook model: the shared strings
// and the date styles are read first, then the sheet's XML is inflated (through yauzl, which stops an
// entry that grows past its declared size) and cut into <row> elements as it arrives. Only what an
// import needs is read: the value of each cell (a stored formula result, never a formula), dates
// recognised from their number format.
import { excelSerialToIso } from "@namro/domain";
import { SpreadsheetError } from "./spreadsheet-errors.ts";
import {
  DEFAULT_ZIP_LIMITS,
  decodeXml,
  type Entry,
  entryChunks,
  openXlsxZip,
  readEntryText,
  type ZipFile,
  zipEntries,
} from "./xlsx-zip.ts";

/** A formula whose result Excel did not store (the file was written by a program, not saved in Excel). */
export const FORMULA_WITHOUT_RESULT = Symbol("formula without result");

export type SheetCell = string | number | boolean | Date | null | typeof FORMULA_WITHOUT_RESULT;

export interface SheetRow {
  /** 1-based row number as a person sees it (Excel row, or CSV record + blank lines skipped). */
  number: number;
  /** 0-based by column; missing cells are null. */
  cells: SheetCell[];
}

/** Shared strings may be large (one per distinct text); beyond this the file is not a member list. */
const MAX_SHARED_STRINGS_BYTES = 300 * 1024 * 1024;
/**
 * Longest stretch of XML held while waiting for an element to close (one row, one shared string): no
 * member list comes near it, and a file whose element never closes is not read into memory whole.
 */
export const MAX_PENDING_XML_CHARS = 4 * 1024 * 1024;
/** Excel's last column is XFD: a cell reference beyond it is a damaged (or hostile) file. */
export const MAX_COLUMNS = 16_384;
/** A closing tag split across chunks starts at most this far before the new chunk (prefix included). */
const CLOSING_OVERLAP = 1024;

const TEXT_RUN = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g;
const PHONETIC = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;

/** The text of an <si> or <is>: its <t> runs (rich text included), without phonetic guides. */
function textOf(xml: string): string {
  let out = "";
  for (const match of xml.replace(PHONETIC, "").matchAll(TEXT_RUN)) out += match[1] ?? "";
  return decodeXml(out);
}

/**
 * The streamed XML cut after the last complete element (`closing`, a global pattern of its end) of each
 * chunk, then the rest. Only the new text is searched for an end (not the whole pending stretch again),
 * and a stretch that grows past MAX_PENDING_XML_CHARS without an end is refused as a damaged file.
 */
async function* completeParts(chunks: AsyncIterable<string>, closing: RegExp): AsyncGenerator<string> {
  let carry = "";
  for await (const text of chunks) {
    const scanFrom = Math.max(0, carry.length - CLOSING_OVERLAP);
    carry += text;
    let last = -1;
    closing.lastIndex = scanFrom;
    for (let match = closing.exec(carry); match; match = closing.exec(carry))
      last = match.index + match[0].length;
    if (last >= 0) {
      yield carry.slice(0, last);
      carry = carry.slice(last);
    }
    if (carry.length > MAX_PENDING_XML_CHARS) {
      throw new SpreadsheetError("CORRUPTED", "an XML element longer than the reader accepts");
    }
  }
  if (carry.trim() !== "") yield carry;
}

/** Calls `each` with every complete element matched by `closing` as the entry streams in. */
async function forEachElement(
  zip: ZipFile,
  entry: Entry,
  closing: RegExp,
  each: (xml: string) => void,
): Promise<void> {
  for await (const part of completeParts(entryChunks(zip, entry), closing)) each(part);
}

async function readSharedStrings(zip: ZipFile, entry: Entry | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  if (entry.uncompressedSize > MAX_SHARED_STRINGS_BYTES) {
    throw new SpreadsheetError("ZIP_BOMB", "shared strings too large");
  }
  const item = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
  await forEachElement(zip, entry, /<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g, (xml) => {
    for (const match of xml.matchAll(item)) strings.push(match[1] === undefined ? "" : textOf(match[1]));
  });
  return strings;
}

/** Built-in number formats that show dates (Excel's ids 14–22, 27–36, 45–47, 50–58). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/\[[^\]]*]/g, "")
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "");
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Which cell style indexes (the `s` attribute) show dates. */
function dateStyles(stylesXml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const match of stylesXml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const id = /numFmtId="(\d+)"/.exec(match[0])?.[1];
    const code = /formatCode="([^"]*)"/.exec(match[0])?.[1];
    if (id !== undefined && code !== undefined) custom.set(Number(id), decodeXml(code));
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[\s\S]*?<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[0] ?? "";
  const styles: boolean[] = [];
  for (const match of cellXfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    const id = Number(/numFmtId="(\d+)"/.exec(match[0])?.[1] ?? 0);
    const code = custom.get(id);
    styles.push(code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id));
  }
  return styles;
}

/**
 * A date-formatted cell as a UTC date (the domain's reading of serials, Excel's 1900 leap-year bug
 * included). Serial 60 (29/02/1900, a day that never was) stays a number and is reported as such.
 */
function excelDate(serial: number, date1904: boolean): Date | number {
  const iso = excelSerialToIso(serial, date1904);
  return iso === null ? serial : new Date(`${iso}T00:00:00Z`);
}

/** 0-based column of a cell reference ("B7" → 1); -1 without letters, MAX_COLUMNS when beyond XFD. */
function columnIndex(ref: string): number {
  let index = 0;
  for (const char of ref) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
    if (index > MAX_COLUMNS) return MAX_COLUMNS;
  }
  return index - 1;
}

const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const FORMULA = /<(?:\w+:)?f\b/;
const INLINE = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;

// The attributes read on rows and cells, compiled once (they run for every cell).
const ATTRIBUTES = {
  r: /(?:^|\s)r="([^"]*)"/,
  s: /(?:^|\s)s="([^"]*)"/,
  t: /(?:^|\s)t="([^"]*)"/,
} as const;

const attr = (attributes: string, name: keyof typeof ATTRIBUTES): string | undefined =>
  ATTRIBUTES[name].exec(attributes)?.[1];

interface SheetContext {
  strings: string[];
  dateStyle: boolean[];
  date1904: boolean;
}

function cellValue(attributes: string, inner: string | undefined, context: SheetContext): SheetCell {
  if (inner === undefined) return null;
  const type = attr(attributes, "t");
  const raw = VALUE.exec(inner)?.[1];
  if (FORMULA.test(inner) && raw === undefined) return FORMULA_WITHOUT_RESULT;
  if (type === "inlineStr") {
    const inline = INLINE.exec(inner)?.[1];
    return inline === undefined ? null : textOf(inline);
  }
  if (raw === undefined) return null;
  switch (type) {
    case "s":
      return context.strings[Number(raw)] ?? null;
    case "str":
      return decodeXml(raw);
    case "b":
      return raw.trim() === "1";
    case "e":
      return null;
    default: {
      const number = Number(raw);
      if (!Number.isFinite(number)) return decodeXml(raw);
      const style = Number(attr(attributes, "s") ?? 0);
      return context.dateStyle[style] ? excelDate(number, context.date1904) : number;
    }
  }
}

/** Rows of the worksheet stored at `sheetPath` (e.g. "xl/worksheets/sheet1.xml"). */
export async function* readXlsxRows(
  path: string,
  sheetPath: string,
  maxRows: number,
): AsyncGenerator<SheetRow> {
  const zip = await openXlsxZip(path);
  try {
    // Checked again here (cheap: declared sizes only), so the reader is safe without the inspection.
    const entries = await zipEntries(zip, DEFAULT_ZIP_LIMITS);
    const sheet = entries.get(sheetPath);
    if (!sheet) throw new SpreadsheetError("CORRUPTED", `${sheetPath} missing`);
    const workbookXml = await readEntryText(zip, entries.get("xl/workbook.xml"));
    const context: SheetContext = {
      strings: await readSharedStrings(zip, entries.get("xl/sharedStrings.xml")),
      dateStyle: dateStyles(await readEntryText(zip, entries.get("xl/styles.xml"))),
      date1904: /date1904="(?:1|true)"/.test(workbookXml),
    };

    let count = 0;
    let previous = 0;
    const pending: SheetRow[] = [];
    const parseRows = (xml: string) => {
      for (const row of xml.matchAll(ROW)) {
        const rowAttributes = row[1] ?? "";
        const number = Number(attr(rowAttributes, "r") ?? previous + 1);
        previous = number;
        if (row[2] === undefined) continue;
        const cells: SheetCell[] = [];
        let next = 0;
        for (const cell of row[2].matchAll(CELL)) {
          const attributes = cell[1] ?? "";
          const ref = attr(attributes, "r");
          const index = ref ? columnIndex(ref) : next;
          // Checked before padding: a reference such as "AAAAAAA2" would otherwise pad billions of cells.
          if (index < 0 || index >= MAX_COLUMNS) {
            throw new SpreadsheetError("CORRUPTED", `cell reference ${ref ?? ""} outside the sheet`);
          }
          next = index + 1;
          const value = cellValue(attributes, cell[2], context);
          while (cells.length < index) cells.push(null);
          cells[index] = value;
        }
        if (++count > maxRows)
          throw new SpreadsheetError("TOO_MANY_ROWS", `more than ${maxRows} rows`, count);
        pending.push({ number, cells });
      }
    };
    // Rows end at </row> (or a self-closing <row/>); the sheet data ends at </sheetData>, after which
    // nothing is a row (merged ranges, validations… may be long and are not read here).
    const closing = /<\/(?:\w+:)?row>|<(?:\w+:)?row\b[^>]*\/>|<\/(?:\w+:)?sheetData>/g;
    const end = /<\/(?:\w+:)?sheetData>/;
    for await (const part of completeParts(entryChunks(zip, sheet), closing)) {
      parseRows(part);
      yield* pending;
      pending.length = 0;
      if (end.test(part)) break;
    }
  } finally {
    zip.close();
  }
}
