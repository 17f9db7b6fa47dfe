// Document files built in tests (no binary fixtures in the repository): a minimal .docx (OOXML zip)
// from paragraphs and tables, PDFs with a Vietnamese text layer (pdf-lib + DejaVu Sans, which unpdf
// reads back exactly), a scanned-like PDF with drawings only, an encrypted PDF, and the sample Party
// documents of the seed laid out as each kind of file.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import { type SampleDocument, sampleDocumentText } from "../src/seed/sample-document-texts.ts";
import { zipBytes } from "./spreadsheet-fixtures.ts";

export {
  COMMUNE_PLAN_08_KH_DU,
  PROVINCE_PLAN_12_KH_TU,
  type SampleDocument,
  sampleDocumentText,
} from "../src/seed/sample-document-texts.ts";
export { oleBytes, pngBytes, zipBombBytes, zipBytes } from "./spreadsheet-fixtures.ts";

// ---------------------------------------------------------------------------------------------- docx

/** A table of rows of cells; "\n" in a cell separates its paragraphs. */
export interface DocxTable {
  table: readonly (readonly string[])[];
}
export type DocxBlock = string | DocxTable;

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const paragraphXml = (text: string) =>
  `<w:p><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;

function tableXml(table: DocxTable): string {
  const rows = table.table.map(
    (row) =>
      `<w:tr>${row.map((cell) => `<w:tc>${cell.split("\n").map(paragraphXml).join("")}</w:tc>`).join("")}</w:tr>`,
  );
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${rows.join("")}</w:tbl>`;
}

/** The word/document.xml of the blocks. */
export function docxDocumentXml(blocks: readonly DocxBlock[]): string {
  const body = blocks.map((block) => (typeof block === "string" ? paragraphXml(block) : tableXml(block)));
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${body.join("")}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/></w:sectPr></w:body></w:document>`;
}

/** A minimal valid .docx: content types, package relationships and the main document part. */
export function docxBytes(blocks: readonly DocxBlock[]): Buffer {
  return docxFromDocumentXml(docxDocumentXml(blocks));
}

/** A .docx around a given word/document.xml (e.g. a broken one). */
export function docxFromDocumentXml(documentXml: string): Buffer {
  return zipBytes([
    {
      name: "[Content_Types].xml",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${R_NS}/officeDocument" Target="word/document.xml"/></Relationships>`,
      ),
    },
    { name: "word/document.xml", data: Buffer.from(documentXml, "utf8") },
  ]);
}

// ----------------------------------------------------------------------------------------------- pdf

/** One line of a page: a paragraph (wrapped to the page width), two columns at the same height, or a page break. */
export type PdfLine = string | { left: string; right: string } | { newPage: true };

const require = createRequire(import.meta.url);
const FONT_PATH = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
let fontBytes: Buffer | null = null;

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 57, bottom: 57, left: 85, right: 42 };
const FONT_SIZE = 12;
const LEADING = 16;

async function newPdf(): Promise<{ pdf: PDFDocument; font: PDFFont }> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  fontBytes ??= readFileSync(FONT_PATH);
  const font = await pdf.embedFont(fontBytes, { subset: true });
  return { pdf, font };
}

/** Words of a paragraph broken into lines that fit `width`. */
function wrap(text: string, font: PDFFont, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (line !== "" && font.widthOfTextAtSize(candidate, FONT_SIZE) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line !== "") lines.push(line);
  return lines.length > 0 ? lines : [""];
}

/** A PDF with a text layer: the lines flow down A4 pages (a new page when one is full). */
export async function textPdfBytes(lines: readonly PdfLine[]): Promise<Buffer> {
  const { pdf, font } = await newPdf();
  const width = A4.width - MARGIN.left - MARGIN.right;
  let page: PDFPage = pdf.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN.top;
  const nextLine = () => {
    if (y < MARGIN.bottom + LEADING) {
      page = pdf.addPage([A4.width, A4.height]);
      y = A4.height - MARGIN.top;
    }
    const at = y;
    y -= LEADING;
    return at;
  };
  for (const line of lines) {
    if (typeof line === "object" && "newPage" in line) {
      page = pdf.addPage([A4.width, A4.height]);
      y = A4.height - MARGIN.top;
    } else if (typeof line === "string") {
      for (const piece of wrap(line, font, width)) {
        page.drawText(piece, { x: MARGIN.left, y: nextLine(), size: FONT_SIZE, font });
      }
    } else {
      const at = nextLine();
      if (line.left !== "") page.drawText(line.left, { x: MARGIN.left, y: at, size: FONT_SIZE, font });
      if (line.right !== "") {
        const x = A4.width - MARGIN.right - font.widthOfTextAtSize(line.right, FONT_SIZE);
        page.drawText(line.right, { x, y: at, size: FONT_SIZE, font });
      }
    }
  }
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

/** A scanned-like PDF: pages of ruled lines and boxes, no text at all. */
export async function scannedPdfBytes(pageCount = 2): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  for (let p = 0; p < pageCount; p++) {
    const page = pdf.addPage([A4.width, A4.height]);
    page.drawRectangle({ x: 60, y: 700, width: 200, height: 80, borderColor: rgb(0, 0, 0), borderWidth: 1 });
    for (let y = 650; y > 80; y -= 18) {
      page.drawLine({
        start: { x: 85, y },
        end: { x: 85 + 300 + ((y * 7) % 120), y },
        thickness: 6,
        color: rgb(0.2, 0.2, 0.2),
      });
    }
  }
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

/**
 * A PDF encrypted with a user password (standard security handler): a text PDF with an incremental
 * update whose trailer names an /Encrypt dictionary, so a reader asks for the password.
 */
export async function encryptedPdfBytes(): Promise<Buffer> {
  const plain = await textPdfBytes(["Tài liệu mật"]);
  const text = plain.toString("latin1");
  const size = Number(/\/Size (\d+)/.exec(text)?.[1]);
  const root = /\/Root (\d+ \d+ R)/.exec(text)?.[1];
  const previous = Number(/startxref\s+(\d+)/.exec(text)?.[1]);
  const hex32 = (byte: string) => `<${byte.repeat(32)}>`;
  const objectOffset = plain.length;
  const object = `${size} 0 obj\n<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O ${hex32("a1")} /U ${hex32("b2")} >>\nendobj\n`;
  const xrefOffset = objectOffset + object.length;
  const xref = `xref\n${size} 1\n${String(objectOffset).padStart(10, "0")} 00000 n \ntrailer\n<< /Size ${size + 1} /Root ${root} /Prev ${previous} /Encrypt ${size} 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([plain, Buffer.from(object + xref, "latin1")]);
}

// ----------------------------------------------------------------------------- sample document files

/** Pairs two columns into rows (the shorter one padded with empty cells). */
function columns(left: readonly string[], right: readonly string[]): { left: string; right: string }[] {
  return Array.from({ length: Math.max(left.length, right.length) }, (_, i) => ({
    left: left[i] ?? "",
    right: right[i] ?? "",
  }));
}

/** The sample with its body repeated `bodyCopies` times (a long plan for benchmarks). */
export function withLongBody(document: SampleDocument, bodyCopies: number): SampleDocument {
  return { ...document, body: Array.from({ length: bodyCopies }, () => document.body).flat() };
}

/** The sample as a .docx: header and footer as two-column tables, as offices write them. */
export function sampleDocumentDocx(document: SampleDocument): Buffer {
  return docxBytes([
    { table: [[document.headerLeft.join("\n"), document.headerRight.join("\n")]] },
    ...document.title,
    ...document.body,
    { table: [[document.footerLeft.join("\n"), document.footerRight.join("\n")]] },
  ]);
}

/** The sample as a PDF with a text layer: the two-column header and footer side by side. */
export function sampleDocumentPdf(document: SampleDocument): Promise<Buffer> {
  return textPdfBytes([
    ...columns(document.headerLeft, document.headerRight),
    ...document.title,
    ...document.body,
    ...columns(document.footerLeft, document.footerRight),
  ]);
}

/** The sample as a UTF-8 .txt file. */
export function sampleDocumentTxt(document: SampleDocument): Buffer {
  return Buffer.from(sampleDocumentText(document), "utf8");
}
