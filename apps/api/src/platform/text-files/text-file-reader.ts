// Reads an uploaded document safely: the real format from its bytes (never its name), size caps before
// reading on, and the text of a .docx, a PDF or a .txt as NFC Unicode (legacy TCVN3/VNI text converted).
// Images are accepted as attachments without text. Everything else is refused with a reason.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { Readable } from "node:stream";
import { decodeLegacy, detectLegacyEncoding, type LegacyEncoding } from "@namro/domain";
import { docxText, inspectDocxZip } from "./docx-text.ts";
import { sniffFormat } from "./file-signature.ts";
import { pdfText } from "./pdf-text.ts";
import { decodeTextBytes } from "./plain-text.ts";
import { TextFileError } from "./text-file-errors.ts";

export type ReadFileKind = "docx" | "pdf" | "txt" | "image";

/** Something the person should know about the reading (callers word it in the user's language). */
export type ReadingNote =
  /** A PDF without a text layer (a scan): accepted, but there is no text to search or to read references from. */
  | "NO_TEXT_LAYER"
  /** A document with no text at all. */
  | "NO_TEXT"
  /** The text was in TCVN3 or VNI and has been converted to Unicode. */
  | "LEGACY_ENCODING_CONVERTED"
  /** A PDF longer than MAX_PDF_TEXT_PAGES: the text of its first pages only was read. */
  | "TEXT_FROM_FIRST_PAGES";

export interface ReadFile {
  kind: ReadFileKind;
  mediaType: string;
  /** NFC, lines separated by "\n", no control characters; "" when there is none. */
  text: string;
  /** PDF: whether it has a text layer; .docx and .txt: true; images: null. */
  hasTextLayer: boolean | null;
  pageCount: number | null;
  legacyEncoding: LegacyEncoding | null;
  notes: ReadingNote[];
}

export const MEDIA_TYPES: Record<ReadFileKind | "png" | "jpeg", string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  txt: "text/plain; charset=utf-8",
  image: "application/octet-stream",
  png: "image/png",
  jpeg: "image/jpeg",
};

const HEAD_BYTES = 64 * 1024;

// Control characters (tab and line feed are kept), and the replacement character pdf.js leaves for
// glyphs without a Unicode mapping.
const CONTROL = /[\p{Cc}\ufffd]/gu;
const keepTabAndLineFeed = (char: string) => (char === "\t" || char === "\n" ? char : "");

/** NFC, "\n" line breaks, no control characters, no trailing spaces, at most one blank line in a row. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?|\f|\v/g, "\n")
    .replace(CONTROL, keepTabAndLineFeed)
    .normalize("NFC")
    .replace(/[ \t\u00a0]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Tidied text, converted from TCVN3 or VNI when it is clearly in one of them. */
function unicodeText(raw: string): { text: string; legacyEncoding: LegacyEncoding | null } {
  const text = tidyText(raw);
  const legacyEncoding = detectLegacyEncoding(text);
  return legacyEncoding
    ? { text: tidyText(decodeLegacy(text, legacyEncoding)), legacyEncoding }
    : { text, legacyEncoding };
}

function withTextNotes(file: Omit<ReadFile, "notes">, notes: ReadingNote[] = []): ReadFile {
  if (file.legacyEncoding) notes.push("LEGACY_ENCODING_CONVERTED");
  if (file.text === "" && file.kind !== "image" && !notes.includes("NO_TEXT_LAYER")) notes.push("NO_TEXT");
  return { ...file, notes };
}

/** Reads a whole file held in memory (at most `maxBytes`, checked by the caller or here). */
export async function readTextFile(bytes: Buffer, maxBytes: number): Promise<ReadFile> {
  if (bytes.length === 0) throw new TextFileError("EMPTY", "empty file");
  if (bytes.length > maxBytes) throw new TextFileError("TOO_LARGE", `${bytes.length} bytes`);
  const format = sniffFormat(bytes.subarray(0, HEAD_BYTES));
  switch (format) {
    case "zip": {
      if ((await inspectDocxZip(bytes)) !== "docx")
        throw new TextFileError("UNSUPPORTED", "a zip archive that is not a Word document");
      const { text, legacyEncoding } = unicodeText(await docxText(bytes));
      return withTextNotes({
        kind: "docx",
        mediaType: MEDIA_TYPES.docx,
        text,
        hasTextLayer: true,
        pageCount: null,
        legacyEncoding,
      });
    }
    case "pdf": {
      const pdf = await pdfText(bytes);
      const { text, legacyEncoding } = unicodeText(pdf.text);
      return withTextNotes(
        {
          kind: "pdf",
          mediaType: MEDIA_TYPES.pdf,
          text,
          hasTextLayer: pdf.hasTextLayer,
          pageCount: pdf.pageCount,
          legacyEncoding,
        },
        [
          ...(pdf.hasTextLayer ? [] : (["NO_TEXT_LAYER"] as const)),
          ...(pdf.pagesRead < pdf.pageCount ? (["TEXT_FROM_FIRST_PAGES"] as const) : []),
        ],
      );
    }
    case "png":
    case "jpeg":
      return withTextNotes({
        kind: "image",
        mediaType: MEDIA_TYPES[format],
        text: "",
        hasTextLayer: null,
        pageCount: null,
        legacyEncoding: null,
      });
    case "text": {
      const decoded = decodeTextBytes(bytes);
      const { text, legacyEncoding } = unicodeText(decoded.text);
      if (decoded.encoding === "8-bit" && !legacyEncoding)
        throw new TextFileError("UNKNOWN_ENCODING", "neither UTF-8 nor TCVN3/VNI");
      if (text === "") throw new TextFileError("EMPTY", "only white space");
      return withTextNotes({
        kind: "txt",
        mediaType: MEDIA_TYPES.txt,
        text,
        hasTextLayer: true,
        pageCount: null,
        legacyEncoding,
      });
    }
  }
}

/**
 * The bytes of a stream, refused as too large once more than `maxBytes` have come: nothing past the cap
 * is kept, and the rest is drained so the request ends cleanly. `truncated` reports a cap the source
 * enforced itself (a multipart file part stopped at its size limit).
 */
export async function readStreamAtMost(
  stream: Readable & { truncated?: boolean },
  maxBytes: number,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += (chunk as Buffer).length;
    if (total <= maxBytes) chunks.push(chunk as Buffer);
  }
  if (total > maxBytes || stream.truncated)
    throw new TextFileError("TOO_LARGE", `more than ${maxBytes} bytes`);
  return Buffer.concat(chunks, total);
}

/** Reads a file on disk; its size is checked before any byte is read. */
export async function readTextFileAt(path: string, maxBytes: number): Promise<ReadFile> {
  const { size } = await stat(path);
  if (size > maxBytes) throw new TextFileError("TOO_LARGE", `${size} bytes`);
  return readTextFile(await readStreamAtMost(createReadStream(path), maxBytes), maxBytes);
}
