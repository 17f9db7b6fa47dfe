// Writes .xlsx files as a stream: each sheet's XML is built as text and deflated straight into the zip
// as rows arrive (a zip entry with a data descriptor, so no size is needed up front), so a sheet of
// 200,000 rows never sits in memory and costs a few microseconds a row. Strings are inline strings
// (text stays text: an ID with leading zeros never becomes a number), numbers are numbers, the header
// row is bold and frozen. Sheets are written one after the other.
import type { Writable } from "node:stream";
import { crc32, createDeflateRaw, type DeflateRaw } from "node:zlib";

export type WrittenCell = string | number | null;

export interface SheetWriter {
  addRow(cells: readonly WrittenCell[]): void;
  /** Ends the sheet; call before starting the next one. */
  end(): void;
}

export interface XlsxWriter {
  addSheet(name: string, headers: readonly string[], options?: { widths?: readonly number[] }): SheetWriter;
  /** Resolves when the output has taken what was written so far (call between batches). */
  drained(): Promise<void>;
  /** Finishes the workbook and the output stream. */
  finish(): Promise<void>;
}

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// Characters XML 1.0 cannot carry at all (control characters other than tab and line breaks).
function isInvalidXmlChar(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff
  );
}

function dropInvalidXml(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if (isInvalidXmlChar(text.charCodeAt(i))) {
      return Array.from(text)
        .filter((c) => !isInvalidXmlChar(c.charCodeAt(0)))
        .join("");
    }
  }
  return text;
}

function escapeXml(text: string): string {
  return dropInvalidXml(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function columnName(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string, taken: Set<string>): string {
  let base = name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Sheet";
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) {
    base = base.slice(0, 28);
    candidate = `${base} ${i}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

interface CentralEntry {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** A zip written front to back: entries deflated as they are written, the directory at the end. */
class ZipStream {
  private offset = 0;
  private readonly entries: CentralEntry[] = [];
  private readonly output: Writable;
  constructor(output: Writable) {
    this.output = output;
  }

  private push(chunk: Buffer): void {
    this.offset += chunk.length;
    this.output.write(chunk);
  }

  /** Entries are written one after another: a new one waits (its text buffered) for the last to end. */
  private chain: Promise<void> = Promise.resolve();

  /** Starts an entry; write text to it, then end() it (resolves once it is in the output). */
  open(name: string): { write(text: string): void; end(): Promise<void> } {
    const nameBytes = Buffer.from(name, "utf8");
    const entry: CentralEntry = { name: nameBytes, crc: 0, compressed: 0, size: 0, offset: 0 };
    let deflate: DeflateRaw | null = null;
    let pending = "";
    const flush = () => {
      if (!deflate || pending === "") return;
      const bytes = Buffer.from(pending, "utf8");
      pending = "";
      entry.crc = crc32(bytes, entry.crc);
      entry.size += bytes.length;
      deflate.write(bytes);
    };
    let signalEnd: () => void = () => undefined;
    const ended = new Promise<void>((resolve) => {
      signalEnd = resolve;
    });
    const begin = () => {
      entry.offset = this.offset;
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(0x0808, 6); // data descriptor follows; UTF-8 names
      header.writeUInt16LE(8, 8);
      header.writeUInt16LE(nameBytes.length, 26);
      this.push(Buffer.concat([header, nameBytes]));
      const stream = createDeflateRaw({ level: 6 });
      stream.on("data", (chunk: Buffer) => {
        entry.compressed += chunk.length;
        this.push(chunk);
      });
      deflate = stream;
      flush();
    };
    const complete = async () => {
      const stream = deflate as unknown as DeflateRaw;
      flush();
      const done = new Promise<void>((resolve, reject) => {
        stream.on("end", resolve);
        stream.on("error", reject);
      });
      stream.end();
      await done;
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(entry.crc >>> 0, 4);
      descriptor.writeUInt32LE(entry.compressed, 8);
      descriptor.writeUInt32LE(entry.size, 12);
      this.push(descriptor);
      this.entries.push(entry);
    };
    const completion = this.chain
      .then(begin)
      .then(() => ended)
      .then(complete);
    this.chain = completion;
    return {
      write: (text: string) => {
        pending += text;
        if (deflate && pending.length >= 64 * 1024) flush();
      },
      end: () => {
        signalEnd();
        return completion;
      },
    };
  }

  async file(name: string, text: string): Promise<void> {
    const entry = this.open(name);
    entry.write(text);
    await entry.end();
  }

  finish(): void {
    const start = this.offset;
    for (const entry of this.entries) {
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(0x0808, 8);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(entry.crc >>> 0, 16);
      central.writeUInt32LE(entry.compressed, 20);
      central.writeUInt32LE(entry.size, 24);
      central.writeUInt16LE(entry.name.length, 28);
      central.writeUInt32LE(entry.offset, 42);
      this.push(Buffer.concat([central, entry.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.push(end);
    this.output.end();
  }
}

const STYLES = `${XML_HEADER}<styleSheet xmlns="${MAIN_NS}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

export function createXlsxWriter(output: Writable): XlsxWriter {
  const zip = new ZipStream(output);
  const sheets: string[] = [];
  const taken = new Set<string>();
  let current: Promise<void> = Promise.resolve();
  let open = false;

  return {
    addSheet(name, headers, options = {}) {
      if (open) throw new Error("end the previous sheet first");
      open = true;
      sheets.push(sheetName(name, taken));
      const entry = zip.open(`xl/worksheets/sheet${sheets.length}.xml`);
      const letters: string[] = [];
      const letter = (i: number) => {
        letters[i] ??= columnName(i);
        return letters[i];
      };
      const widths = headers.map((header, i) => options.widths?.[i] ?? Math.max(12, header.length + 4));
      entry.write(
        `${XML_HEADER}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>`,
      );
      if (widths.length > 0) {
        entry.write(
          `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`,
        );
      }
      entry.write("<sheetData>");
      let rowNumber = 0;
      const writeRow = (cells: readonly WrittenCell[], style: string) => {
        rowNumber += 1;
        let xml = `<row r="${rowNumber}">`;
        for (let i = 0; i < cells.length; i++) {
          const cell = cells[i];
          if (cell === null || cell === undefined || cell === "") continue;
          const ref = `${letter(i)}${rowNumber}`;
          if (typeof cell === "number" && Number.isFinite(cell))
            xml += `<c r="${ref}"${style}><v>${cell}</v></c>`;
          else
            xml += `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(cell))}</t></is></c>`;
        }
        entry.write(`${xml}</row>`);
      };
      writeRow(headers, ' s="1"');
      return {
        addRow: (cells) => writeRow(cells, ""),
        end() {
          entry.write("</sheetData></worksheet>");
          open = false;
          current = entry.end();
        },
      };
    },
    drained() {
      if (!output.writableNeedDrain) return Promise.resolve();
      return new Promise((resolve) => output.once("drain", () => resolve()));
    },
    async finish() {
      if (open) throw new Error("end the last sheet first");
      await current;
      const sheetList = sheets
        .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join("");
      const rels = sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join("");
      const overrides = sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join("");
      await zip.file(
        "xl/workbook.xml",
        `${XML_HEADER}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheetList}</sheets></workbook>`,
      );
      await zip.file(
        "xl/_rels/workbook.xml.rels",
        `${XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
      );
      await zip.file("xl/styles.xml", STYLES);
      await zip.file(
        "_rels/.rels",
        `${XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      );
      await zip.file(
        "[Content_Types].xml",
        `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${overrides}</Types>`,
      );
      zip.finish();
      await new Promise<void>((resolve, reject) => {
        if (output.writableFinished) resolve();
        else {
          output.once("finish", () => resolve());
          output.once("error", reject);
        }
      });
    },
  };
}
