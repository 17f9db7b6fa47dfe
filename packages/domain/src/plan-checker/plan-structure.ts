// Where the tasks of a plan are: numbered and bulleted items ("1.", "1.1.", "a)", "-", "+", "•"),
// paragraphs under task headings ("NHIỆM VỤ, GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN") and rows of task tables.
// The document header, the purposes ("MỤC ĐÍCH, YÊU CẦU") and the recipients and signature are not
// tasks. An item whose next item is deeper, or a short title followed by paragraphs, is a heading: what
// it says (a deadline, a lead unit) holds for everything below it. Paragraphs without a marker after
// an item continue that item.

import { DEFAULT_PARTY_DOCUMENT_TYPES } from "../party-documents/document-types.ts";
import { toSearchKey } from "../vietnamese-text.ts";
import {
  CLOSING_STARTS,
  FIELD_LABEL_LINES,
  FOOTER_STARTS,
  INTRO_STARTS,
  SKIP_SECTION_WORDS,
  TABLE_HEADERS,
  TASK_SECTION_WORDS,
  type TableColumn,
} from "./plan-vocabulary.ts";
import { matchAt, phraseSet, planWords } from "./plan-words.ts";

export interface TextSpan {
  start: number;
  end: number;
}

export interface PlanHeading extends TextSpan {
  /** Outline depth: 0 for a section ("II. NHIỆM VỤ, GIẢI PHÁP"), deeper for group items. */
  depth: number;
}

export interface PlanBlock extends TextSpan {
  kind: "item" | "paragraph" | "row";
  /** The marker as written ("1.", "a)", "-"); null for paragraphs and rows. */
  label: string | null;
  /** What "như mục 1" refers to: "1", "2.1", "a"; the number cell of a row. */
  number: string | null;
  /** Headings above, outermost first. */
  headings: PlanHeading[];
  /** The cells of a table row by column. */
  cells: Partial<Record<TableColumn, TextSpan>> | null;
  /** Found outside any task heading: a task only if it names a unit, a time or a result. */
  needsSignal: boolean;
}

/** Table rows as the .docx gives them: cells' text, which the plan's text also holds, in order. */
export type PlanTable = readonly (readonly string[])[];

export interface PlanInput {
  text: string;
  tables?: readonly PlanTable[];
}

interface Line extends TextSpan {
  key: string;
  marker: Marker | null;
}

interface Marker {
  kind: string;
  label: string;
  number: string;
  contentStart: number;
}

const MARKER =
  /^(?:(?<roman>[IVX]{1,5})[.)]|(?<multi>\d{1,2}(?:\.\d{1,2}){1,3})\.?|(?<num>\d{1,2})[.)]|(?<letter>[a-zđ])[).]|(?<dash>[-–—])|(?<plus>\+)|(?<bullet>[•·●▪◦❖✓]))(?=\s)/u;

function markerOf(text: string, lineStart: number): Marker | null {
  const match = MARKER.exec(text);
  if (!match?.groups) return null;
  const g = match.groups;
  const label = match[0];
  let rest = label.length;
  while (rest < text.length && /\s/.test(text[rest] as string)) rest++;
  if (rest >= text.length) return null;
  const contentStart = lineStart + rest;
  if (g.roman) return { kind: "roman", label, number: g.roman, contentStart };
  if (g.multi) return { kind: `multi${g.multi.split(".").length}`, label, number: g.multi, contentStart };
  if (g.num) return { kind: "num", label, number: g.num, contentStart };
  if (g.letter) return { kind: "letter", label, number: g.letter, contentStart };
  if (g.dash) return { kind: "dash", label, number: "", contentStart };
  if (g.plus) return { kind: "plus", label, number: "", contentStart };
  return { kind: "bullet", label, number: "", contentStart };
}

const LINE = /[^\r\n]+/g;

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  for (const match of text.matchAll(LINE)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === "") continue;
    const start = match.index + lead;
    const end = start + trimmed.length;
    lines.push({ start, end, key: toSearchKey(trimmed), marker: markerOf(trimmed, start) });
  }
  return lines;
}

const FOOTER = phraseSet(FOOTER_STARTS);
const CLOSING = phraseSet(CLOSING_STARTS);
const INTRO = phraseSet(INTRO_STARTS);
const FIELD_LABELS = phraseSet(FIELD_LABEL_LINES);

/** "+ Chủ trì: Ban Tổ chức": a part of the task above, not a task. */
function isFieldLine(text: string, line: Line): boolean {
  const words = planWords(text, line.marker?.contentStart ?? line.start, Math.min(line.end, line.start + 60));
  const length = matchAt(words, 0, FIELD_LABELS);
  return length > 0 && words[length]?.key === ":";
}

const hasAny = (key: string, words: readonly string[]) => words.some((w) => key.includes(w));

function isUpperCase(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

type SectionKind = "task" | "skip";

function sectionOf(key: string): SectionKind {
  if (
    hasAny(key, SKIP_SECTION_WORDS) &&
    !hasAny(
      key,
      TASK_SECTION_WORDS.filter((w) => w !== "noi dung"),
    )
  )
    return "skip";
  return "task";
}

function startsWith(text: string, line: Line, set: ReturnType<typeof phraseSet>): boolean {
  const words = planWords(text, line.start, Math.min(line.end, line.start + 40));
  return matchAt(words, 0, set) > 0;
}

/** The type line of a document ("KẾ HOẠCH", "CHƯƠNG TRÌNH") is a title, not a section. */
const TYPE_LINES = new Set(DEFAULT_PARTY_DOCUMENT_TYPES.map((t) => toSearchKey(t.name)));

/** A section heading: "II. NHIỆM VỤ, GIẢI PHÁP", or a line in capitals naming a kind of section. */
function isSectionHeading(text: string, line: Line): boolean {
  if (line.marker?.kind === "roman") return true;
  if (TYPE_LINES.has(line.key)) return false;
  const content = text.slice(line.marker?.contentStart ?? line.start, line.end);
  return (
    line.marker === null &&
    isUpperCase(content) &&
    hasAny(line.key, [...TASK_SECTION_WORDS, ...SKIP_SECTION_WORDS])
  );
}

/** A line that names a group rather than a task: in capitals, ending with ":", or short with no full stop. */
function isTitleLike(text: string, block: TextSpan): boolean {
  const content = text.slice(block.start, block.end);
  if (content.endsWith(":") || isUpperCase(content)) return true;
  return !/[.;]$/.test(content) && content.split(/\s+/).length <= 12;
}

// --- tables -------------------------------------------------------------------------------------------

const HEADER_KEYS = TABLE_HEADERS.map(([column, names]) => [column, new Set(names)] as const);

function columnOf(cell: string): TableColumn | null {
  const key = toSearchKey(cell)
    .replace(/[.:()]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  for (const [column, names] of HEADER_KEYS) if (names.has(key)) return column;
  for (const [column, names] of HEADER_KEYS)
    for (const name of names) if (name.length > 3 && key.startsWith(name)) return column;
  return null;
}

/** Columns of a header row, or null when the row is not a task table's header. */
function headerColumns(cells: readonly string[]): (TableColumn | null)[] | null {
  const columns = cells.map(columnOf);
  const known = columns.filter((c) => c !== null).length;
  return known >= 2 && columns.includes("text") ? columns : null;
}

interface LocatedRow {
  cells: (TextSpan | null)[];
  texts: string[];
}

const MAX_LINE_TRIES = 50;

/** Where a cell's text is: on a line of its own if it is one (a short "1" is everywhere), else anywhere. */
function findCell(text: string, cell: string, from: number): number {
  let at = text.indexOf(cell, from);
  for (let tries = 0; at >= 0 && tries < MAX_LINE_TRIES; tries++) {
    const before = at === 0 ? "\n" : text[at - 1];
    const after = text[at + cell.length] ?? "\n";
    if ((before === "\n" || before === "\t") && (after === "\n" || after === "\r" || after === "\t"))
      return at;
    at = text.indexOf(cell, at + 1);
  }
  return text.indexOf(cell, from);
}

/** Finds each cell's text in the plan's text, in order from `cursor`; cells not found are null. */
function locateRows(text: string, table: PlanTable, from: number): { rows: LocatedRow[]; end: number } {
  let cursor = from;
  const rows: LocatedRow[] = [];
  for (const row of table) {
    const cells: (TextSpan | null)[] = [];
    for (const cell of row) {
      const wanted = cell.trim();
      if (wanted === "") {
        cells.push(null);
        continue;
      }
      const at = findCell(text, wanted, cursor);
      if (at < 0) {
        cells.push(null);
        continue;
      }
      cells.push({ start: at, end: at + wanted.length });
      cursor = at + wanted.length;
    }
    rows.push({ cells, texts: row.map((c) => c.trim()) });
  }
  return { rows, end: cursor };
}

function rowBlocks(
  rows: readonly LocatedRow[],
  headings: readonly PlanHeading[],
): { blocks: PlanBlock[]; consumed: TextSpan | null } {
  const blocks: PlanBlock[] = [];
  let columns: (TableColumn | null)[] | null = null;
  let group: PlanHeading | null = null;
  let first = Number.POSITIVE_INFINITY;
  let last = -1;
  for (const row of rows) {
    const located = row.cells.filter((c): c is TextSpan => c !== null);
    for (const cell of located) {
      first = Math.min(first, cell.start);
      last = Math.max(last, cell.end);
    }
    if (columns === null) {
      columns = headerColumns(row.texts);
      continue;
    }
    const filled = row.texts.filter((t) => t !== "");
    if (located.length === 0) continue;
    // a merged row ("I. CÔNG TÁC CHÍNH TRỊ, TƯ TƯỞNG", "Quý II/2026") or a row numbered "I", "II"
    // groups the rows below it
    const numberCell = row.texts[columns.indexOf("number")] ?? "";
    const merged = filled.length === 1 && (row.texts.length === 1 || row.texts.length < columns.length);
    if ((merged || /^[IVX]{1,5}\.?$/.test(numberCell)) && located[0]) {
      group = {
        start: Math.min(...located.map((c) => c.start)),
        end: Math.max(...located.map((c) => c.end)),
        depth: 1,
      };
      continue;
    }
    const cells: Partial<Record<TableColumn, TextSpan>> = {};
    row.cells.forEach((cell, index) => {
      const column = columns?.[index];
      if (cell && column && !cells[column]) cells[column] = cell;
    });
    const content = cells.text;
    if (!content) continue;
    const start = Math.min(...located.map((c) => c.start));
    const end = Math.max(...located.map((c) => c.end));
    const numberIndex = columns.indexOf("number");
    const number = numberIndex >= 0 ? (row.texts[numberIndex] ?? "").replace(/[.)]$/, "") || null : null;
    blocks.push({
      kind: "row",
      start,
      end,
      label: number,
      number,
      headings: group ? [...headings, group] : [...headings],
      cells,
      needsSignal: false,
    });
  }
  if (columns === null) return { blocks: [], consumed: null };
  return { blocks, consumed: last < 0 ? null : { start: first, end: last } };
}

function tabRows(text: string, lines: readonly Line[]): LocatedRow[] {
  return lines.map((line) => {
    const cells: (TextSpan | null)[] = [];
    const texts: string[] = [];
    let at = line.start;
    for (const part of text.slice(line.start, line.end).split("\t")) {
      const lead = part.length - part.trimStart().length;
      const trimmed = part.trim();
      texts.push(trimmed);
      cells.push(trimmed === "" ? null : { start: at + lead, end: at + lead + trimmed.length });
      at += part.length + 1;
    }
    return { cells, texts };
  });
}

// --- outline ------------------------------------------------------------------------------------------

/** The tasks' places in a plan, in the order they are written. */
export function findPlanBlocks(input: PlanInput): PlanBlock[] {
  const { text } = input;
  const lines = linesOf(text);
  const blocks: PlanBlock[] = [];

  // Tables given as rows: their text is in `text` too, and is read as rows only.
  const consumed: TextSpan[] = [];
  let cursor = 0;
  for (const table of input.tables ?? []) {
    const located = locateRows(text, table, cursor);
    const sectionAbove = lines
      .filter(
        (l) => isSectionHeading(text, l) && l.end <= (located.rows[0]?.cells.find((c) => c)?.start ?? 0),
      )
      .at(-1);
    const headings = sectionAbove
      ? [{ start: sectionAbove.marker?.contentStart ?? sectionAbove.start, end: sectionAbove.end, depth: 0 }]
      : [];
    const read = rowBlocks(located.rows, headings);
    if (read.consumed) {
      consumed.push(read.consumed);
      blocks.push(...read.blocks);
      cursor = located.end;
    }
  }
  const inTable = (line: Line) => consumed.some((c) => line.start >= c.start && line.end <= c.end);

  let bodyEnd = lines.length;
  for (let i = 0; i < lines.length; i++) {
    if (startsWith(text, lines[i] as Line, FOOTER) && i > 0) {
      bodyEnd = i;
      break;
    }
  }
  const hasSections = lines.slice(0, bodyEnd).some((l) => isSectionHeading(text, l));
  let bodyStart = 0;
  if (!hasSections) {
    const intro = lines.findIndex((l, i) => i < bodyEnd && /nhu sau\s*:?$/.test(l.key));
    if (intro >= 0) bodyStart = intro + 1;
    else {
      // the header: lines in capitals, numbers and dates, then the subject lines up to the first sentence
      while (bodyStart < bodyEnd) {
        const line = lines[bodyStart] as Line;
        const content = text.slice(line.start, line.end);
        if (line.marker !== null && line.marker.kind !== "dash") break;
        if (/[.;:]$/.test(content) && !isUpperCase(content) && content.split(/\s+/).length > 8) break;
        bodyStart++;
      }
    }
  }

  let section: SectionKind | null = hasSections ? null : "task";
  let sectionHeading: PlanHeading | null = null;
  const kinds: string[] = [];
  let groups: PlanHeading[] = [];
  let current: PlanBlock | null = null;
  let currentDepth = 0;
  let tabRun: Line[] = [];

  const headingsFor = (depth: number): PlanHeading[] => [
    ...(sectionHeading ? [sectionHeading] : []),
    ...groups.filter((g) => g.depth <= depth),
  ];
  const close = () => {
    if (current) blocks.push(current);
    current = null;
  };
  const flushTabs = () => {
    if (tabRun.length > 1) {
      const read = rowBlocks(tabRows(text, tabRun), headingsFor(0));
      blocks.push(...read.blocks);
    }
    tabRun = [];
  };

  for (let i = bodyStart; i < bodyEnd; i++) {
    const line = lines[i] as Line;
    if (inTable(line)) continue;
    const content = text.slice(line.start, line.end);
    if (content.includes("\t") && section !== "skip") {
      const open = current as PlanBlock | null;
      if (tabRun.length === 0 && open?.kind === "item" && isTitleLike(text, open)) {
        groups.push({ start: open.start, end: open.end, depth: currentDepth + 1 });
        current = null;
      }
      close();
      tabRun.push(line);
      continue;
    }
    flushTabs();
    if (isSectionHeading(text, line)) {
      close();
      section = sectionOf(line.key);
      sectionHeading = { start: line.marker?.contentStart ?? line.start, end: line.end, depth: 0 };
      kinds.length = 0;
      groups = [];
      continue;
    }
    if (section !== "task") continue;
    if (startsWith(text, line, CLOSING)) {
      close();
      continue;
    }
    const marker = line.marker;
    const open = current as PlanBlock | null;
    if (open && isFieldLine(text, line)) {
      open.end = line.end;
      continue;
    }
    if (marker && marker.kind !== "roman") {
      let depth = kinds.indexOf(marker.kind);
      if (depth < 0) {
        kinds.push(marker.kind);
        depth = kinds.length - 1;
      } else kinds.length = depth + 1;
      // the item before heads this deeper one; a title ("1. Công tác tư tưởng") is only a heading, a
      // sentence ("1. Văn phòng chủ trì theo dõi.") is a task as well
      const previous = current as PlanBlock | null;
      if (previous && previous.kind === "item" && depth > currentDepth) {
        groups.push({ start: previous.start, end: previous.end, depth: currentDepth + 1 });
        if (isTitleLike(text, previous)) current = null;
      }
      close();
      groups = groups.filter((g) => g.depth <= depth);
      current = {
        kind: "item",
        start: marker.contentStart,
        end: line.end,
        label: marker.label,
        number: marker.number === "" ? null : marker.number,
        headings: headingsFor(depth),
        cells: null,
        needsSignal: false,
      };
      currentDepth = depth;
      continue;
    }
    // a paragraph without a marker
    const block = current as PlanBlock | null;
    if (block && block.kind === "item") {
      if (isTitleLike(text, block)) {
        groups.push({ start: block.start, end: block.end, depth: currentDepth + 1 });
        current = null;
      } else {
        block.end = line.end;
        continue;
      }
    }
    close();
    if (content.endsWith(":")) {
      groups = groups.filter((g) => g.depth < kinds.length);
      groups.push({ start: line.start, end: line.end, depth: kinds.length });
      continue;
    }
    if (!hasSections && startsWith(text, line, INTRO) && /nhu sau|ke hoach/.test(line.key)) continue;
    blocks.push({
      kind: "paragraph",
      start: line.start,
      end: line.end,
      label: null,
      number: null,
      headings: headingsFor(kinds.length),
      cells: null,
      needsSignal: !hasSections,
    });
  }
  close();
  flushTabs();
  return blocks.sort((a, b) => a.start - b.start);
}
