// Looks at an .xlsx before any library inflates it: the zip's central directory against size, ratio and
// entry-count caps (zip bombs), then — inflating through yauzl, which stops an entry that grows past its
// declared size — the workbook's sheet list (hidden sheets), and the chosen sheet's row count and merged
// ranges (merges come after the rows in the XML, and counting first refuses a million rows up front).
import type { Readable } from "node:stream";
import { SpreadsheetError } from "./spreadsheet-errors.ts";
import {
  DEFAULT_ZIP_LIMITS,
  decodeXml,
  type Entry,
  openXlsxZip,
  readEntryText,
  type ZipFile,
  type ZipLimits,
  zipEntries,
} from "./xlsx-zip.ts";

export interface XlsxSheet {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** Path in the zip, e.g. "xl/worksheets/sheet1.xml". */
  path: string;
}

export interface XlsxInspection {
  sheets: XlsxSheet[];
  /** The first visible sheet, the one to read. */
  sheet: XlsxSheet;
  /** Rows with content in that sheet (count of <row> elements). */
  rowCount: number;
  /** Merged ranges of that sheet, as "A1:C1". */
  merges: string[];
}

export async function inspectXlsx(
  path: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  maxRows = Number.POSITIVE_INFINITY,
): Promise<XlsxInspection> {
  const zip = await openXlsxZip(path);
  try {
    const entries = await zipEntries(zip, limits);
    const workbook = entries.get("xl/workbook.xml");
    if (!workbook || !entries.has("[Content_Types].xml")) {
      throw new SpreadsheetError("NOT_SPREADSHEET", "zip without xl/workbook.xml");
    }
    const workbookXml = await readEntryText(zip, workbook);
    const relsXml = await readEntryText(zip, entries.get("xl/_rels/workbook.xml.rels"));
    const sheets = sheetsOf(workbookXml, relsXml);
    const sheet = sheets.find((s) => s.state === "visible" && entries.has(s.path));
    if (!sheet) throw new SpreadsheetError("NO_VISIBLE_SHEET", "no visible sheet");
    const sheetEntry = entries.get(sheet.path) as Entry;
    const { rowCount, merges } = await scanSheet(zip, sheetEntry);
    if (rowCount > maxRows) throw new SpreadsheetError("TOO_MANY_ROWS", `${rowCount} rows`, rowCount);
    // Inflate the other parts the reader will use, so a lying local header fails here, not in it.
    for (const name of ["xl/sharedStrings.xml", "xl/styles.xml"]) {
      const entry = entries.get(name);
      if (entry) await drain(zip, entry);
    }
    return { sheets, sheet, rowCount, merges };
  } finally {
    zip.close();
  }
}

async function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  try {
    return await zip.openReadStreamPromise(entry);
  } catch (error) {
    throw new SpreadsheetError("CORRUPTED", (error as Error).message);
  }
}

async function drain(zip: ZipFile, entry: Entry): Promise<void> {
  try {
    for await (const _ of await openEntry(zip, entry)) {
      // inflating only: yauzl checks the size and CRC as it goes
    }
  } catch (error) {
    if (error instanceof SpreadsheetError) throw error;
    throw new SpreadsheetError("CORRUPTED", (error as Error).message);
  }
}

const SHEET_TAG = /<(?:\w+:)?sheet\b([^>]*)\/?>/g;
const REL_TAG = /<(?:\w+:)?Relationship\b([^>]*)\/?>/g;

function attribute(attributes: string, name: string): string | null {
  const match = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes);
  return match ? decodeXml(match[1] ?? "") : null;
}

function sheetsOf(workbookXml: string, relsXml: string): XlsxSheet[] {
  const targets = new Map<string, string>();
  for (const match of relsXml.matchAll(REL_TAG)) {
    const id = attribute(match[1] ?? "", "Id");
    const target = attribute(match[1] ?? "", "Target");
    if (id && target) targets.set(id, target);
  }
  const sheets: XlsxSheet[] = [];
  for (const match of workbookXml.matchAll(SHEET_TAG)) {
    const attributes = match[1] ?? "";
    const name = attribute(attributes, "name") ?? "";
    const state = attribute(attributes, "state");
    const relId = attribute(attributes, "r:id") ?? attribute(attributes, "[a-z]+:id");
    const target = relId ? targets.get(relId) : undefined;
    if (!target) continue;
    const path = target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
    sheets.push({
      name,
      state: state === "hidden" || state === "veryHidden" ? state : "visible",
      path,
    });
  }
  return sheets;
}

const ROW_OPEN = /<(?:\w+:)?row[\s>]/g;
const MERGE_REF = /<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+\d+(?::[A-Z]+\d+)?)"/g;

/** Counts rows and collects merged ranges in one streaming pass (a tail is kept across chunk edges). */
async function scanSheet(zip: ZipFile, entry: Entry): Promise<{ rowCount: number; merges: string[] }> {
  let rowCount = 0;
  const merges: string[] = [];
  let carry = "";
  try {
    for await (const chunk of await openEntry(zip, entry)) {
      const text = carry + (chunk as Buffer).toString("latin1");
      // Keep the last 300 characters for the next chunk; count only matches that start before them.
      const cut = Math.max(0, text.length - 300);
      for (const match of text.matchAll(ROW_OPEN)) if (match.index < cut) rowCount++;
      for (const match of text.matchAll(MERGE_REF)) if (match.index < cut) merges.push(match[1] ?? "");
      carry = text.slice(cut);
    }
  } catch (error) {
    if (error instanceof SpreadsheetError) throw error;
    throw new SpreadsheetError("CORRUPTED", (error as Error).message);
  }
  for (const _ of carry.matchAll(ROW_OPEN)) rowCount++;
  for (const match of carry.matchAll(MERGE_REF)) merges.push(match[1] ?? "");
  return { rowCount, merges };
}
