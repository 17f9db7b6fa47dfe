// The tables of a .docx as rows of cells, for the plan checker (the text reader gives paragraphs only).
// Call it only on bytes the text reader has accepted as a .docx: that is where the zip is checked for
// bombs before mammoth opens it. mammoth turns the document into simple HTML; the table tags are read
// with one bounded pattern, a cell's paragraphs joined by "\n" as the reader joins them.

import mammoth from "mammoth";
import { tidyText } from "../../platform/text-files/text-file-reader.ts";

export type DocxTableRows = string[][];

const TAG = /<(\/?)(table|tr|td|th|p|br)\b[^>]{0,200}>|<[^>]{0,200}>/g;
const ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};
const ENTITY = /&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi;

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X"))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

interface OpenTable {
  /** Tables close inner first; they are listed in the order they open. */
  order: number;
  rows: DocxTableRows;
  row: string[] | null;
  cell: string[] | null;
}

/** Every table of the HTML, nested tables on their own, in the order they open. */
export function tablesFromHtml(html: string): DocxTableRows[] {
  const tables: { order: number; rows: DocxTableRows }[] = [];
  const open: OpenTable[] = [];
  let opened = 0;
  let last = 0;
  const addText = (raw: string) => {
    const cell = open.at(-1)?.cell;
    if (cell && raw !== "") cell[cell.length - 1] += decodeEntities(raw);
  };
  for (const match of html.matchAll(TAG)) {
    addText(html.slice(last, match.index));
    last = match.index + match[0].length;
    const closing = match[1] === "/";
    const tag = match[2];
    const table = open.at(-1);
    if (tag === "table") {
      if (closing) {
        const done = open.pop();
        if (done) tables.push({ order: done.order, rows: done.rows });
      } else open.push({ order: opened++, rows: [], row: null, cell: null });
    } else if (tag === "tr" && table) {
      if (closing) table.row = null;
      else {
        table.row = [];
        table.rows.push(table.row);
      }
    } else if ((tag === "td" || tag === "th") && table?.row) {
      if (closing) {
        table.row.push(tidyText((table.cell ?? []).join("\n")));
        table.cell = null;
      } else table.cell = [""];
    } else if (tag === "p" && !closing && table?.cell) {
      if ((table.cell.at(-1) ?? "") !== "") table.cell.push("");
    } else if (tag === "br" && table?.cell) table.cell.push("");
  }
  return tables.sort((a, b) => a.order - b.order).map((t) => t.rows);
}

/** The tables of a .docx the text reader has already accepted. */
export async function docxTables(bytes: Buffer): Promise<DocxTableRows[]> {
  const { value } = await mammoth.convertToHtml({ buffer: bytes });
  return tablesFromHtml(value);
}
