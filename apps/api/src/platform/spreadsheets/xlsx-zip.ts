// The zip side of reading an .xlsx, shared by the inspection and the row reader: the shared zip reader
// (platform/zip) with its failures told as spreadsheet failures.
import {
  type Entry,
  openZip,
  readEntryText as readZipEntryText,
  ZipError,
  type ZipFile,
  type ZipLimits,
  entryChunks as zipEntryChunks,
  zipEntries as zipEntryList,
} from "../zip/zip-archive.ts";
import { SpreadsheetError } from "./spreadsheet-errors.ts";

export { DEFAULT_ZIP_LIMITS, decodeXml, MAX_METADATA_BYTES } from "../zip/zip-archive.ts";
export type { Entry, ZipFile, ZipLimits };

function asSpreadsheetError(error: unknown): unknown {
  if (!(error instanceof ZipError)) return error;
  const reason = error.reason === "ENCRYPTED" ? "ENCRYPTED_OR_XLS" : error.reason;
  return new SpreadsheetError(reason, error.message);
}

export async function openXlsxZip(path: string): Promise<ZipFile> {
  try {
    return await openZip(path);
  } catch (error) {
    throw asSpreadsheetError(error);
  }
}

/** The entries by name, refused as a zip bomb or an encrypted file from their declared sizes alone. */
export async function zipEntries(zip: ZipFile, limits: ZipLimits): Promise<Map<string, Entry>> {
  try {
    return await zipEntryList(zip, limits);
  } catch (error) {
    throw asSpreadsheetError(error);
  }
}

/** The entry inflated as UTF-8 text, chunk by chunk (a character split across chunks is kept whole). */
export async function* entryChunks(zip: ZipFile, entry: Entry): AsyncGenerator<string> {
  try {
    yield* zipEntryChunks(zip, entry);
  } catch (error) {
    throw asSpreadsheetError(error);
  }
}

/** A small part whole ("" when the file has none); larger than `maxBytes` is refused. */
export async function readEntryText(
  zip: ZipFile,
  entry: Entry | undefined,
  maxBytes?: number,
): Promise<string> {
  try {
    return await readZipEntryText(zip, entry, maxBytes);
  } catch (error) {
    throw asSpreadsheetError(error);
  }
}
