// The text of a .docx: the zip is checked first (entry count, declared sizes and ratios, then every
// entry inflated through yauzl, which stops one that grows past its declared size), and only then is it
// handed to mammoth, which unzips it again without such limits.
import mammoth from "mammoth";
import { openZip, ZipError, type ZipFile, type ZipLimits, zipEntries } from "../zip/zip-archive.ts";
import { TextFileError } from "./text-file-errors.ts";

/** Far above any real document (a 200-page plan is a few MB inflated), far below harm. */
export const DOCX_ZIP_LIMITS: ZipLimits = {
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxRatio: 200,
  maxEntries: 2_000,
};

const MAIN_PART = "word/document.xml";

/** mammoth holds the whole XML tree of the body in memory (many times its size): a 200-page plan's
 * body is a few MB, so 50 MB is far above any real document and keeps one upload to a bounded heap. */
export const MAX_DOCUMENT_XML_BYTES = 50 * 1024 * 1024;

export type ZipContent = "docx" | "other";

/** Checks the archive against the limits; says whether it is a Word document. */
export async function inspectDocxZip(
  bytes: Buffer,
  limits: ZipLimits = DOCX_ZIP_LIMITS,
): Promise<ZipContent> {
  let zip: ZipFile | null = null;
  try {
    zip = await openZip(bytes);
    const entries = await zipEntries(zip, limits);
    const main = entries.get(MAIN_PART);
    if (!main) return "other";
    if (main.uncompressedSize > MAX_DOCUMENT_XML_BYTES) {
      throw new TextFileError("MALFORMED", `${MAIN_PART}: ${main.uncompressedSize} bytes`);
    }
    for (const entry of entries.values()) {
      if (entry.fileName.endsWith("/")) continue;
      for await (const _ of await zip.openReadStreamPromise(entry)) {
        // inflating only: yauzl checks the size and CRC as it goes
      }
    }
    return "docx";
  } catch (error) {
    throw asTextFileError(error);
  } finally {
    zip?.close();
  }
}

function asTextFileError(error: unknown): TextFileError {
  if (error instanceof TextFileError) return error;
  if (error instanceof ZipError) {
    if (error.reason === "ENCRYPTED") return new TextFileError("ENCRYPTED", error.message);
    if (error.reason === "ZIP_BOMB") return new TextFileError("MALFORMED", error.message);
  }
  return new TextFileError("MALFORMED", (error as Error).message);
}

/** The raw text of a checked .docx: paragraphs one per line. */
export async function docxText(bytes: Buffer): Promise<string> {
  let value: string;
  try {
    ({ value } = await mammoth.extractRawText({ buffer: bytes }));
  } catch (error) {
    throw new TextFileError("MALFORMED", (error as Error).message);
  }
  // mammoth ends every paragraph with a blank line; one line per paragraph reads like the document.
  return value.replace(/\n\n/g, "\n");
}
