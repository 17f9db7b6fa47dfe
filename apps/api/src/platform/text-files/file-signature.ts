// What a file is, told by its first bytes (never by its name): the formats a document may be uploaded
// in, and the ones recognised only to be refused with a useful message.
import { TextFileError } from "./text-file-errors.ts";

export type SniffedFormat = "zip" | "pdf" | "png" | "jpeg" | "text";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const PDF = Buffer.from("%PDF-", "latin1");
const RTF = Buffer.from("{\\rtf", "latin1");

/** Signatures of other binary formats, named in the refusal. */
const REFUSED: readonly { name: string; magic: readonly number[] }[] = [
  { name: "old binary Office file (.doc, .xls, .ppt)", magic: OLE },
  { name: "empty zip archive", magic: EMPTY_ZIP },
  { name: "Windows executable", magic: [0x4d, 0x5a] },
  { name: "ELF executable", magic: [0x7f, 0x45, 0x4c, 0x46] },
  { name: "GIF image", magic: [0x47, 0x49, 0x46, 0x38] },
  { name: "7-Zip archive", magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: "RAR archive", magic: [0x52, 0x61, 0x72, 0x21] },
  { name: "gzip archive", magic: [0x1f, 0x8b] },
];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);

/**
 * Text formats that are not plain text: Word can save a "document" as web page, single-file web page
 * (MHTML) or Word 2003 XML, and such files are often renamed .doc.
 */
const MARKUP: readonly { name: string; pattern: RegExp }[] = [
  { name: "HTML document", pattern: /^<(?:!doctype\s+html|html)[\s>]/i },
  { name: "XML document", pattern: /^<\?xml[\s?]/i },
  { name: "MHTML web archive", pattern: /^(?:MIME-Version|From|Content-Type):/i },
];

/** The first characters of a text file as ASCII, byte order mark and leading white space skipped. */
function textStart(head: Uint8Array): string {
  const text = Buffer.from(head.subarray(0, 256))
    .toString("latin1")
    .replace(/^\u00ef\u00bb\u00bf/, "");
  return text.trimStart();
}

/** A PDF may carry a few bytes before its header (the format allows 1,024). */
const PDF_HEADER_WINDOW = 1024;

/** UTF-16 text starts with its byte order mark; other text has no NUL and few control characters. */
export function looksLikeText(head: Uint8Array): boolean {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return true;
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return false;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20) || byte === 0x7f) control++;
  }
  return control <= head.length / 100;
}

/** The format of a non-empty file from its first bytes (64 KB is plenty); throws when it is none of ours. */
export function sniffFormat(head: Uint8Array): SniffedFormat {
  if (head.length === 0) throw new TextFileError("EMPTY", "empty file");
  if (startsWith(head, ZIP)) return "zip";
  if (Buffer.from(head.subarray(0, PDF_HEADER_WINDOW)).includes(PDF)) return "pdf";
  if (startsWith(head, PNG)) return "png";
  if (startsWith(head, JPEG)) return "jpeg";
  const refused = REFUSED.find((format) => startsWith(head, format.magic));
  if (refused) throw new TextFileError("UNSUPPORTED", refused.name);
  if (startsWith(head, [...RTF])) throw new TextFileError("UNSUPPORTED", "RTF document");
  if (looksLikeText(head)) {
    const markup = MARKUP.find((format) => format.pattern.test(textStart(head)));
    if (markup) throw new TextFileError("UNSUPPORTED", markup.name);
    return "text";
  }
  throw new TextFileError("UNSUPPORTED", "binary content");
}
