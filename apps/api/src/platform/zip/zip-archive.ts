// Reading zip archives safely (an .xlsx, a .docx): opening from a file or from bytes, the central
// directory checked against zip-bomb caps before anything is inflated, entries inflated through yauzl
// (which stops an entry that grows past its declared size) as UTF-8 text, and XML text decoding.
import { StringDecoder } from "node:string_decoder";
import yauzl, { type Entry, type ZipFile } from "yauzl";

export type { Entry, ZipFile };

export type ZipFailure =
  | "CORRUPTED"
  /** The archive would expand to too much data, too many entries or at an abnormal ratio. */
  | "ZIP_BOMB"
  | "ENCRYPTED";

export class ZipError extends Error {
  readonly reason: ZipFailure;
  constructor(reason: ZipFailure, detail: string) {
    super(`${reason}: ${detail}`);
    this.reason = reason;
  }
}

export interface ZipLimits {
  /** Sum of the declared uncompressed sizes of all entries. */
  maxUncompressedBytes: number;
  /** Uncompressed / compressed for any entry larger than 1 MB uncompressed. */
  maxRatio: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
  maxEntries: 10_000,
};

/** Metadata parts larger than this are not from an office file. */
export const MAX_METADATA_BYTES = 20 * 1024 * 1024;

const OPTIONS = { lazyEntries: true, validateEntrySizes: true, autoClose: false } as const;

/** Opens an archive from a path or from bytes already in memory. */
export async function openZip(source: string | Buffer): Promise<ZipFile> {
  try {
    return typeof source === "string"
      ? await yauzl.openPromise(source, OPTIONS)
      : await yauzl.fromBufferPromise(source, OPTIONS);
  } catch (error) {
    throw new ZipError("CORRUPTED", (error as Error).message);
  }
}

/** The entries by name, refused as a zip bomb or an encrypted file from their declared sizes alone. */
export function zipEntries(zip: ZipFile, limits: ZipLimits): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    let total = 0;
    zip.on("entry", (entry: Entry) => {
      if (entries.size >= limits.maxEntries) {
        reject(new ZipError("ZIP_BOMB", `more than ${limits.maxEntries} entries`));
        return;
      }
      if (entry.isEncrypted()) {
        reject(new ZipError("ENCRYPTED", "encrypted zip entry"));
        return;
      }
      total += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (
        total > limits.maxUncompressedBytes ||
        (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxRatio)
      ) {
        reject(
          new ZipError("ZIP_BOMB", `${entry.fileName}: ${entry.uncompressedSize} bytes, ratio ${ratio}`),
        );
        return;
      }
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", (error: Error) => reject(new ZipError("CORRUPTED", error.message)));
    zip.readEntry();
  });
}

/** The entry inflated as UTF-8 text, chunk by chunk (a character split across chunks is kept whole). */
export async function* entryChunks(zip: ZipFile, entry: Entry): AsyncGenerator<string> {
  let stream: NodeJS.ReadableStream;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (error) {
    throw new ZipError("CORRUPTED", (error as Error).message);
  }
  const decoder = new StringDecoder("utf8");
  try {
    for await (const chunk of stream) yield decoder.write(chunk as Buffer);
  } catch (error) {
    throw new ZipError("CORRUPTED", (error as Error).message);
  }
  yield decoder.end();
}

/** A small part whole ("" when the file has none); larger than `maxBytes` is refused. */
export async function readEntryText(
  zip: ZipFile,
  entry: Entry | undefined,
  maxBytes = MAX_METADATA_BYTES,
): Promise<string> {
  if (!entry) return "";
  if (entry.uncompressedSize > maxBytes) throw new ZipError("ZIP_BOMB", `${entry.fileName} too large`);
  let text = "";
  for await (const chunk of entryChunks(zip, entry)) text += chunk;
  return text;
}

const ENTITY = /&(?:lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g;
const ENTITIES: Record<string, string> = {
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&apos;": "'",
  "&amp;": "&",
};

/** XML character data as text: the five named entities and numeric references, in one pass. */
export function decodeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (entity) => {
    const named = ENTITIES[entity];
    if (named) return named;
    const code = entity[2] === "x" ? Number.parseInt(entity.slice(3, -1), 16) : Number(entity.slice(2, -1));
    return Number.isFinite(code) ? String.fromCodePoint(code) : "";
  });
}
