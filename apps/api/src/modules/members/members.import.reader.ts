// From an uploaded file to the rows of a member import: opens it safely (platform/spreadsheets), finds
// the header row among the first rows (title rows above it are common), refuses merged header cells,
// detects a legacy encoding (TCVN3/VNI) on a sample, proposes the mapping, then hands out the data rows.
import {
  cellText,
  detectSheetEncoding,
  headerScore,
  type ImportCell,
  type LegacyEncoding,
  type MemberImportField,
  proposeMapping,
} from "@namro/domain";
import { AppError } from "../../platform/errors.ts";
import { SpreadsheetError } from "../../platform/spreadsheets/spreadsheet-errors.ts";
import {
  FORMULA_WITHOUT_RESULT,
  openSpreadsheet,
  type SheetCell,
  type SheetRow,
} from "../../platform/spreadsheets/spreadsheet-reader.ts";

/** A cell as stored in member_import_rows.raw (JSON). */
export type StoredCell = string | number | boolean | null | { date: string } | { formula: true };

export interface ImportColumn {
  index: number;
  header: string;
  field: MemberImportField | null;
  proposed: MemberImportField | null;
}

export interface ReadImportHeader {
  format: "xlsx" | "csv";
  sheetName: string | null;
  notes: string[];
  headerRow: number;
  headerCells: string[];
  encoding: LegacyEncoding | null;
  columns: ImportColumn[];
  /** Rows in the sheet (xlsx), for progress. */
  totalRows: number | null;
}

export interface ImportFileReader {
  header: ReadImportHeader;
  /** Data rows under the header (blank rows skipped), in batches. */
  batches(size: number): AsyncIterable<{ rowNumber: number; raw: StoredCell[] }[]>;
}

const HEADER_SEARCH_ROWS = 10;
const ENCODING_SAMPLE_ROWS = 200;

export function storedCell(cell: SheetCell): StoredCell {
  if (cell === FORMULA_WITHOUT_RESULT) return { formula: true };
  if (cell instanceof Date) return { date: cell.toISOString().slice(0, 10) };
  if (typeof cell === "string") return cell.trim() === "" ? null : cell;
  return cell;
}

export function importCell(cell: StoredCell | undefined): ImportCell {
  if (cell === undefined || cell === null) return null;
  if (typeof cell === "object") {
    if ("date" in cell) return new Date(`${cell.date}T00:00:00Z`);
    return { formulaWithoutResult: true };
  }
  return cell;
}

/** A cell as a person reads it in the preview and the error report. */
export function displayCell(cell: StoredCell | undefined, encoding: LegacyEncoding | null): string {
  if (cell === undefined || cell === null) return "";
  if (typeof cell === "object") {
    if ("date" in cell) {
      const [y, m, d] = cell.date.split("-");
      return `${d}/${m}/${y}`;
    }
    return "=?";
  }
  if (typeof cell === "string") return cellText(cell, encoding);
  return String(cell);
}

const isBlank = (cells: StoredCell[]) =>
  cells.every((c) => c === null || (typeof c === "string" && c.trim() === ""));

/** Turns a reader failure into the import's error (the caller records it; nothing is imported). */
export function importErrorOf(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (!(error instanceof SpreadsheetError)) return null;
  const code = {
    EMPTY: "MEMBER_IMPORT_EMPTY_FILE",
    NOT_SPREADSHEET: "MEMBER_IMPORT_NOT_SPREADSHEET",
    ENCRYPTED_OR_XLS: "MEMBER_IMPORT_ENCRYPTED",
    CORRUPTED: "MEMBER_IMPORT_CORRUPTED",
    ZIP_BOMB: "MEMBER_IMPORT_ZIP_BOMB",
    TOO_MANY_ROWS: "MEMBER_IMPORT_TOO_MANY_ROWS",
    NO_VISIBLE_SHEET: "MEMBER_IMPORT_NO_VISIBLE_SHEET",
  } as const;
  return new AppError(code[error.reason], {
    detail: error.message,
    ...(error.count !== undefined
      ? { issues: [{ path: "file", message: `Tệp có ${error.count.toLocaleString("vi-VN")} dòng.` }] }
      : {}),
  });
}

/** Column letters of a 0-based index: 0 → A, 27 → AB. */
function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function rowsOfRange(range: string): [number, number] {
  const numbers = range.match(/\d+/g)?.map(Number) ?? [];
  return [numbers[0] ?? 0, numbers[1] ?? numbers[0] ?? 0];
}

/**
 * Opens the file and reads up to the header (plus a sample for encoding detection). Throws AppError
 * with a MEMBER_IMPORT_* code when the file cannot be imported.
 */
export async function openImportFile(path: string, maxRows: number): Promise<ImportFileReader> {
  let opened: Awaited<ReturnType<typeof openSpreadsheet>>;
  try {
    // The header and title rows count too: allow a few beyond the data-row cap.
    opened = await openSpreadsheet(path, { maxRows: maxRows + HEADER_SEARCH_ROWS });
  } catch (error) {
    throw importErrorOf(error) ?? error;
  }
  const iterator = opened.rows()[Symbol.asyncIterator]();
  const buffered: SheetRow[] = [];
  const next = async (): Promise<SheetRow | null> => {
    try {
      const step = await iterator.next();
      return step.done ? null : step.value;
    } catch (error) {
      throw importErrorOf(error) ?? error;
    }
  };
  for (let i = 0; i < HEADER_SEARCH_ROWS + ENCODING_SAMPLE_ROWS; i++) {
    const row = await next();
    if (!row) break;
    buffered.push(row);
  }
  if (buffered.length === 0) throw new AppError("MEMBER_IMPORT_EMPTY_FILE");

  const textSample = buffered.flatMap((row) =>
    row.cells.filter((c): c is string => typeof c === "string" && c.trim() !== ""),
  );
  if (textSample.length === 0 && buffered.every((r) => isBlank(r.cells.map(storedCell)))) {
    throw new AppError("MEMBER_IMPORT_EMPTY_FILE");
  }
  const encoding = detectSheetEncoding(textSample);

  // The header row: the one among the first rows whose cells best look like template headers.
  let headerIndex = -1;
  let best = 0;
  for (let i = 0; i < Math.min(HEADER_SEARCH_ROWS, buffered.length); i++) {
    const cells = (buffered[i]?.cells ?? []).map((c) => (typeof c === "string" ? cellText(c, encoding) : ""));
    const score = headerScore(cells);
    if (score > best) {
      best = score;
      headerIndex = i;
    }
  }
  if (headerIndex < 0 || best < 2) throw new AppError("MEMBER_IMPORT_NO_HEADER");
  const headerSheetRow = buffered[headerIndex] as SheetRow;
  const headerRow = headerSheetRow.number;

  const mergedInHeader = opened.merges.filter((range) => {
    const [from, to] = rowsOfRange(range);
    return from <= headerRow && headerRow <= to && range.includes(":");
  });
  if (mergedInHeader.length > 0) {
    throw new AppError("MEMBER_IMPORT_MERGED_HEADER", {
      issues: [{ path: "file", message: `Ô gộp ở dòng tiêu đề: ${mergedInHeader.join(", ")}.` }],
    });
  }

  const headerCells = headerSheetRow.cells.map((c) =>
    c === null ? "" : displayCell(storedCell(c), encoding),
  );
  const proposed = proposeMapping(headerCells);
  const columns: ImportColumn[] = headerCells.map((header, index) => ({
    index,
    header: header === "" ? `Cột ${columnLetters(index)}` : header,
    field: proposed[index] ?? null,
    proposed: proposed[index] ?? null,
  }));

  const notes: string[] = [];
  if (opened.sheetName !== null) {
    notes.push(
      opened.hiddenSheets.length > 0
        ? `Đã đọc trang tính "${opened.sheetName}" (trang hiện đầu tiên); bỏ qua trang ẩn: ${opened.hiddenSheets.map((s) => `"${s}"`).join(", ")}.`
        : `Đã đọc trang tính "${opened.sheetName}".`,
    );
  }
  if (headerRow > 1) notes.push(`Dòng tiêu đề là dòng ${headerRow}; các dòng phía trên được bỏ qua.`);
  if (encoding !== null) {
    notes.push(
      `Tệp gõ bằng bảng mã ${encoding === "tcvn3" ? "TCVN3 (ABC)" : "VNI"}; đã chuyển sang Unicode.`,
    );
  }

  const rest = buffered.slice(headerIndex + 1);
  const readToEnd = buffered.length < HEADER_SEARCH_ROWS + ENCODING_SAMPLE_ROWS;
  if (readToEnd && rest.every((row) => isBlank(row.cells.map(storedCell)))) {
    throw new AppError("MEMBER_IMPORT_NO_DATA_ROWS");
  }
  const header: ReadImportHeader = {
    format: opened.format,
    sheetName: opened.sheetName,
    notes,
    headerRow,
    headerCells,
    encoding,
    columns,
    totalRows: opened.rowCount,
  };

  return {
    header,
    async *batches(size) {
      let batch: { rowNumber: number; raw: StoredCell[] }[] = [];
      let dataRows = 0;
      const take = (row: SheetRow) => {
        const raw = row.cells.map(storedCell);
        if (isBlank(raw)) return;
        if (++dataRows > maxRows) {
          throw new AppError("MEMBER_IMPORT_TOO_MANY_ROWS", {
            issues: [
              { path: "file", message: `Tệp có hơn ${maxRows.toLocaleString("vi-VN")} dòng dữ liệu.` },
            ],
          });
        }
        batch.push({ rowNumber: row.number, raw });
      };
      for (const row of rest) {
        take(row);
        if (batch.length >= size) {
          yield batch;
          batch = [];
        }
      }
      for (let row = await next(); row; row = await next()) {
        take(row);
        if (batch.length >= size) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
      if (dataRows === 0) throw new AppError("MEMBER_IMPORT_NO_DATA_ROWS");
    },
  };
}
