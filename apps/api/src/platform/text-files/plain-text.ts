// The text of a .txt file: UTF-8 (with or without its byte order mark) or UTF-16 with its byte order
// mark; anything else is read as an 8-bit code page and must turn out to be TCVN3 or VNI, the legacy
// Vietnamese encodings (packages/domain detects and decodes them).
import { TextFileError } from "./text-file-errors.ts";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "8-bit";

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

function decode(bytes: Uint8Array, encoding: string, skip: number): string {
  return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip));
}

export function decodeTextBytes(bytes: Uint8Array): DecodedText {
  try {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
      return { text: decode(bytes, "utf-8", 3), encoding: "utf-8" };
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
      return { text: decode(bytes, "utf-16le", 2), encoding: "utf-16le" };
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
      return { text: decode(bytes, "utf-16be", 2), encoding: "utf-16be" };
  } catch (error) {
    throw new TextFileError(
      "MALFORMED",
      `not valid text after its byte order mark: ${(error as Error).message}`,
    );
  }
  try {
    return { text: decode(bytes, "utf-8", 0), encoding: "utf-8" };
  } catch {
    // TCVN3 and VNI are 8-bit: their bytes read as Windows-1252 are what the domain's decoders take.
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "8-bit" };
  }
}
