// Evidence files of progress reports: what a file is, told by its bytes (never its name) — PDF, Word
// (.docx), Excel (.xlsx), PNG or JPEG images, plain text —, and the failures of reading an upload as
// the reports' error codes. Evidence is stored as sent (not read for text), so an Office file's zip is
// only checked for its main part and against zip-bomb caps from its directory, never inflated.
import { TASK_REPORT_FILE_MAX_BYTES } from "@namro/contracts";
import { AppError } from "../../platform/errors.ts";
import { sniffFormat } from "../../platform/text-files/file-signature.ts";
import { TextFileError } from "../../platform/text-files/text-file-errors.ts";
import { DEFAULT_ZIP_LIMITS, openZip, type ZipFile, zipEntries } from "../../platform/zip/zip-archive.ts";

export const EVIDENCE_MEDIA_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  png: "image/png",
  jpeg: "image/jpeg",
  utf8Text: "text/plain; charset=utf-8",
  text: "text/plain",
} as const;

const HEAD_BYTES = 64 * 1024;

/** The Office format of a zip by its main part, or null when it is another archive. */
async function officeFormat(bytes: Buffer): Promise<"docx" | "xlsx" | null> {
  let zip: ZipFile | null = null;
  try {
    zip = await openZip(bytes);
    const entries = await zipEntries(zip, DEFAULT_ZIP_LIMITS);
    if (entries.has("word/document.xml")) return "docx";
    if (entries.has("xl/workbook.xml")) return "xlsx";
    return null;
  } catch (error) {
    throw new AppError("TASK_REPORT_FILE_UNSUPPORTED", { detail: (error as Error).message });
  } finally {
    zip?.close();
  }
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The media type evidence is kept and served under; refuses anything not allowed. */
export async function evidenceMediaType(bytes: Buffer): Promise<string> {
  if (bytes.length === 0) throw new AppError("TASK_REPORT_FILE_EMPTY");
  if (bytes.length > TASK_REPORT_FILE_MAX_BYTES) throw new AppError("TASK_REPORT_FILE_TOO_LARGE");
  let format: ReturnType<typeof sniffFormat>;
  try {
    format = sniffFormat(bytes.subarray(0, HEAD_BYTES));
  } catch (error) {
    throw evidenceFileError(error);
  }
  switch (format) {
    case "zip": {
      const office = await officeFormat(bytes);
      if (office === null) {
        throw new AppError("TASK_REPORT_FILE_UNSUPPORTED", {
          detail: "a zip archive that is not .docx or .xlsx",
        });
      }
      return EVIDENCE_MEDIA_TYPES[office];
    }
    case "pdf":
    case "png":
    case "jpeg":
      return EVIDENCE_MEDIA_TYPES[format];
    case "text":
      return isUtf8(bytes) ? EVIDENCE_MEDIA_TYPES.utf8Text : EVIDENCE_MEDIA_TYPES.text;
  }
}

/** A reading failure (too large, empty, not a format we take) as the reports' error. */
export function evidenceFileError(error: unknown): unknown {
  if (!(error instanceof TextFileError)) return error;
  switch (error.reason) {
    case "TOO_LARGE":
      return new AppError("TASK_REPORT_FILE_TOO_LARGE", { detail: error.message });
    case "EMPTY":
      return new AppError("TASK_REPORT_FILE_EMPTY", { detail: error.message });
    default:
      return new AppError("TASK_REPORT_FILE_UNSUPPORTED", { detail: error.message });
  }
}
