// Reads the rows of an uploaded .xlsx or .csv safely and in bounded memory: the format from the first
// bytes (never the file name), the zip checked before inflating (xlsx-inspection), the first visible
// sheet streamed (xlsx-rows), a CSV streamed with csv-parse. Formulas are never
// evaluated: the result Excel stored with the formula is used, or the cell is reported as such.
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { parse as parseCsv } from "csv-parse";
import { SpreadsheetError } from "./spreadsheet-errors.ts";
import { inspectXlsx } from "./xlsx-inspection.ts";
import { MAX_PENDING_XML_CHARS, readXlsxRows, type SheetRow } from "./xlsx-rows.ts";
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from "./xlsx-zip.ts";

export { FORMULA_WITHOUT_RESULT, type SheetCell, type SheetRow } from "./xlsx-rows.ts";

export interface SpreadsheetLimits extends ZipLimits {
  /** Rows (including header and title rows) beyond which the file is refused. */
  maxRows: number;
}

export interface OpenedSpreadsheet {
  format: "xlsx" | "csv";
  /** The sheet read (xlsx), and the other sheets that were skipped because they are hidden. */
  sheetName: string | null;
  hiddenSheets: string[];
  /** Merged ranges of the sheet read, e.g. "A1:C1" (xlsx only). */
  merges: string[];
  /** Rows in the sheet as counted before reading (xlsx), for progress; null for CSV. */
  rowCount: number | null;
  rows(): AsyncIterable<SheetRow>;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, i) => bytes[i] === byte);

/** Recognises the file from its first bytes; throws SpreadsheetError when it is none of ours. */
export function sniffFormat(head: Uint8Array): "xlsx" | "csv" {
  if (head.length === 0) throw new SpreadsheetError("EMPTY", "empty file");
  if (startsWith(head, CFB_MAGIC)) throw new SpreadsheetError("ENCRYPTED_OR_XLS", "OLE compound file");
  if (startsWith(head, ZIP_MAGIC)) return "xlsx";
  if (startsWith(head, EMPTY_ZIP_MAGIC)) throw new SpreadsheetError("NOT_SPREADSHEET", "empty zip");
  if (looksLikeText(head)) return "csv";
  throw new SpreadsheetError("NOT_SPREADSHEET", "binary content");
}

/** Text: no NUL bytes and few control characters (a CSV in UTF-8 or an 8-bit code page). */
function looksLikeText(head: Uint8Array): boolean {
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return false;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20) || byte === 0x7f) control++;
  }
  return control <= head.length / 100;
}

async function readHead(path: string, length: number): Promise<Uint8Array> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export async function openSpreadsheet(
  path: string,
  limits: Partial<SpreadsheetLimits> = {},
): Promise<OpenedSpreadsheet> {
  const all: SpreadsheetLimits = { ...DEFAULT_ZIP_LIMITS, maxRows: 1_000_000, ...limits };
  const size = (await stat(path)).size;
  if (size === 0) throw new SpreadsheetError("EMPTY", "empty file");
  const head = await readHead(path, 64 * 1024);
  const format = sniffFormat(head);
  if (format === "csv") {
    const encoding = isUtf8(head) ? "utf-8" : "windows-1252";
    const delimiter = delimiterOf(head);
    // Line breaks bound the records from above; only when they exceed the cap are records counted
    // (quoted fields may hold line breaks), so a million rows is refused before any is read.
    let rowCount = await countLines(path);
    if (rowCount > all.maxRows) {
      rowCount = 0;
      for await (const _ of csvRows(path, encoding, delimiter, Number.POSITIVE_INFINITY)) rowCount++;
      if (rowCount > all.maxRows) throw new SpreadsheetError("TOO_MANY_ROWS", `${rowCount} rows`, rowCount);
    }
    return {
      format,
      sheetName: null,
      hiddenSheets: [],
      merges: [],
      rowCount,
      rows: () => csvRows(path, encoding, delimiter, all.maxRows),
    };
  }
  const inspection = await inspectXlsx(path, all, all.maxRows);
  return {
    format,
    sheetName: inspection.sheet.name,
    hiddenSheets: inspection.sheets.filter((s) => s.state !== "visible").map((s) => s.name),
    merges: inspection.merges,
    rowCount: inspection.rowCount,
    rows: () => readXlsxRows(path, inspection.sheet.path, all.maxRows),
  };
}

// ----------------------------------------------------------------------------------------------- csv

function isUtf8(bytes: Uint8Array): boolean {
  // A chunk may end inside a multi-byte character: ignore up to 3 trailing bytes.
  for (let cut = 0; cut <= 3 && cut < bytes.length; cut++) {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, bytes.length - cut));
      return true;
    } catch {
      // try a shorter prefix
    }
  }
  return false;
}

/** Non-empty lines of a text file (an upper bound of its CSV records). */
async function countLines(path: string): Promise<number> {
  let lines = 0;
  let lineHasContent = false;
  for await (const chunk of createReadStream(path)) {
    for (const byte of chunk as Buffer) {
      if (byte === 0x0a) {
        if (lineHasContent) lines++;
        lineHasContent = false;
      } else if (byte !== 0x0d && byte !== 0x20) lineHasContent = true;
    }
  }
  return lineHasContent ? lines + 1 : lines;
}

/** The separator of the first line: the most frequent of , ; and tab outside quotes. */
function delimiterOf(head: Uint8Array): string {
  const firstLine = Buffer.from(head).toString("latin1").split(/\r?\n/)[0] ?? "";
  const unquoted = firstLine.replace(/"[^"]*"/g, "");
  const counts = [",", ";", "\t"].map((d) => [d, unquoted.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return (counts[0]?.[1] ?? 0) > 0 ? (counts[0]?.[0] ?? ",") : ",";
}

async function* csvRows(
  path: string,
  encoding: string,
  delimiter: string,
  maxRows: number,
): AsyncGenerator<SheetRow> {
  const decoder = new TextDecoderStream(encoding);
  const source = createReadStream(path);
  const parser = parseCsv({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
    // One record (an unclosed quote swallows the rest of the file) is held whole: bounded like an
    // .xlsx row.
    max_record_size: MAX_PENDING_XML_CHARS,
  });
  const text = readableFromWeb(source, decoder);
  text.pipe(parser);
  text.on("error", (error) => parser.destroy(error));
  let count = 0;
  try {
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (++count > maxRows) throw new SpreadsheetError("TOO_MANY_ROWS", `more than ${maxRows} rows`, count);
      yield { number: record.info.lines, cells: record.record.map((v) => (v === "" ? null : v)) };
    }
  } catch (error) {
    if (error instanceof SpreadsheetError) throw error;
    throw new SpreadsheetError("CORRUPTED", (error as Error).message);
  } finally {
    source.destroy();
  }
}

/** Bytes from a Node stream through a web TextDecoderStream, back as a Node text stream. */
function readableFromWeb(source: Readable, decoder: TextDecoderStream): Readable {
  const web = (Readable.toWeb(source) as unknown as ReadableStream<Uint8Array>).pipeThrough(decoder);
  return Readable.fromWeb(web as unknown as WebReadableStream<string>);
}
