// `namro refs FILE [--json]`: the references to other documents found in a .txt, .docx or PDF file,
// read through the same reader as uploads and found with the default tables of document types and
// issuer codes (no database needed). A table for people; with --json an array of objects with exactly
// the fields of a reference (text, start, end, system, type, number, issuer, date, plenum, term,
// congress), offsets counted in the file's extracted text.
import { DOCUMENT_FILE_MAX_BYTES, ERROR_CATALOGUE } from "@namro/contracts";
import { DEFAULT_DOCUMENT_TABLES, type DocumentReference, extractReferences } from "@namro/domain";
import { AppError } from "../../platform/errors.ts";
import { TextFileError } from "../../platform/text-files/text-file-errors.ts";
import { type ReadFile, readTextFileAt } from "../../platform/text-files/text-file-reader.ts";
import { documentFileError } from "./documents.uploads.service.ts";

const EXIT_FAILURE = 1;

export interface RefsCommandOptions {
  json?: boolean;
}

export interface CommandOutput {
  out(line: string): void;
  error(line: string): void;
}

/** The reference as the JSON output gives it: exactly these fields, in this order. */
export function referenceJson(reference: DocumentReference): DocumentReference {
  return {
    text: reference.text,
    start: reference.start,
    end: reference.end,
    system: reference.system,
    type: reference.type,
    number: reference.number,
    issuer: reference.issuer,
    date: reference.date,
    plenum: reference.plenum,
    term: reference.term,
    congress: reference.congress,
  };
}

const COLUMNS = [
  "text",
  "start",
  "end",
  "system",
  "type",
  "number",
  "issuer",
  "date",
  "plenum",
  "term",
  "congress",
] as const;
/** Longest quote shown in the table; the JSON output always has it whole. */
const MAX_TEXT_WIDTH = 60;

function cell(reference: DocumentReference, column: (typeof COLUMNS)[number]): string {
  const value = reference[column];
  if (value === null) return "";
  if (column !== "text") return String(value);
  const text = String(value).replace(/\s+/g, " ");
  return text.length > MAX_TEXT_WIDTH ? `${text.slice(0, MAX_TEXT_WIDTH - 1)}…` : text;
}

/** The references as an aligned text table with a header and a count line. */
export function referenceTable(references: readonly DocumentReference[]): string[] {
  const rows = references.map((reference) => COLUMNS.map((column) => cell(reference, column)));
  const widths = COLUMNS.map((column, i) =>
    Math.max(column.length, ...rows.map((row) => Array.from(row[i] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((value, i) => value + " ".repeat((widths[i] ?? 0) - Array.from(value).length))
      .join("  ")
      .trimEnd();
  return [
    line(COLUMNS),
    line(widths.map((width) => "-".repeat(width))),
    ...rows.map(line),
    `${references.length} trích dẫn (${references.length} references)`,
  ];
}

function failureMessage(error: unknown, file: string): string | null {
  if (error instanceof TextFileError) {
    const app = documentFileError(error);
    if (app instanceof AppError) {
      const { vi, en } = ERROR_CATALOGUE[app.code];
      return `${file}: ${vi} (${en})`;
    }
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return `${file}: không tìm thấy tệp (file not found)`;
  if (code === "EISDIR") return `${file}: đây là thư mục, không phải tệp (a directory, not a file)`;
  if (code === "EACCES") return `${file}: không có quyền đọc tệp (permission denied)`;
  return null;
}

/** Prints the references of the file; returns the exit code (1 when the file cannot be read). */
export async function runRefsCommand(
  file: string,
  options: RefsCommandOptions,
  output: CommandOutput,
): Promise<number> {
  let read: ReadFile;
  try {
    read = await readTextFileAt(file, DOCUMENT_FILE_MAX_BYTES);
  } catch (error) {
    const message = failureMessage(error, file);
    if (message === null) throw error;
    output.error(message);
    return EXIT_FAILURE;
  }
  if (read.kind === "image") {
    output.error(`${file}: đây là ảnh, không có chữ để đọc (an image: there is no text to read)`);
    return EXIT_FAILURE;
  }
  if (read.text === "") {
    output.error(
      read.kind === "pdf"
        ? `${file}: tệp PDF không có lớp chữ (bản quét), không có trích dẫn nào để tìm (a PDF without a text layer: no text to search)`
        : `${file}: tệp không có nội dung chữ (the file has no text)`,
    );
  }
  const references = extractReferences(read.text, DEFAULT_DOCUMENT_TABLES).map(referenceJson);
  if (options.json) output.out(JSON.stringify(references, null, 2));
  else for (const line of referenceTable(references)) output.out(line);
  return 0;
}
