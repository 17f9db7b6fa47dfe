// Reads the header of a document's text — what an office would type into the register — for a person
// to confirm: number ("Số 12-KH/TU", "Số: 30/2020/NĐ-CP"), type (the capitalised type line "KẾ HOẠCH",
// or the number's), issuer codes, place and date ("Bắc Ninh, ngày 05 tháng 02 năm 2026"), subject (the
// lines under the type line, or "V/v …" in a Công văn) and signer (the name under the signature block).
// Works on text read from a .docx (each column of the header table in turn) as well as from a PDF
// (both columns on one line). Never throws; a field not found is null. Also proposes the relation a
// reference in the text has to the document (implements, replaces, amends, guides, refers to).

import { isIsoDate } from "../dates.ts";
import { toSearchKey } from "../vietnamese-text.ts";
import { DEFAULT_DOCUMENT_TABLES, type DocumentSystem, type DocumentTables } from "./document-types.ts";
import { type DocumentReference, extractReferences } from "./reference-extractor.ts";

export interface DocumentHeader {
  system: DocumentSystem | null;
  /** "KH", "NQ", "NĐ"; null when neither the number nor a type line says. */
  typeAbbreviation: string | null;
  /** The type's name when a type line gives it ("Quy định" and "Quyết định" share "QĐ"). */
  typeName: string | null;
  /** As written: "12", "05", "30/2020". */
  number: string | null;
  /** Lead issuer first: ["BTCTU", "BDVTU"]. */
  issuerCodes: string[];
  place: string | null;
  /** ISO date. */
  issuedOn: string | null;
  subject: string | null;
  signer: string | null;
  /** Offsets in the input of the line holding the number and of the subject's lines. */
  numberSpan: TextSpan | null;
  subjectSpan: TextSpan | null;
}

export interface TextSpan {
  start: number;
  end: number;
}

/** Types whose documents carry out others by default (the register keeps its own list: types marked as plans). */
export const PLAN_TYPE_ABBREVIATIONS: readonly string[] = ["KH", "CTr", "CTHĐ", "ĐA"];

interface Line {
  /** NFC, inner whitespace collapsed, trimmed. */
  text: string;
  /** Offsets of the raw line in the input. */
  start: number;
  end: number;
}

/** How far into the text a header may reach, and how far from the end the signature block. */
const HEADER_LINES = 14;
const FOOTER_LINES = 30;
const MAX_SUBJECT_LINES = 6;

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of text.split("\n")) {
    const clean = raw.normalize("NFC").replace(/\s+/g, " ").trim();
    if (clean !== "") lines.push({ text: clean, start, end: start + raw.length });
    start += raw.length + 1;
  }
  return lines;
}

// --- number ------------------------------------------------------------------------------------------

const NUMBER_WORD = /(?:^|\s)(?:Số|SỐ)\s*:?\s*/gu;

interface FoundNumber {
  reference: DocumentReference;
  span: TextSpan;
}

/** "Số 12-KH/TU" in the header lines: the reference the extractor finds right after the word "Số". */
function findNumber(lines: readonly Line[], tables: DocumentTables): FoundNumber | null {
  for (const line of lines) {
    for (const word of line.text.matchAll(NUMBER_WORD)) {
      const after = word.index + word[0].length;
      const reference = extractReferences(line.text.slice(after, after + 80), tables)[0];
      if (reference?.start === 0 && reference.number !== null) {
        return { reference, span: { start: line.start, end: line.end } };
      }
    }
  }
  return null;
}

// --- type line -----------------------------------------------------------------------------------------

interface TypeName {
  key: string;
  name: string;
  abbreviation: string;
  system: DocumentSystem;
}

function typeNames(tables: DocumentTables): TypeName[] {
  const names: TypeName[] = [];
  for (const [system, list] of [
    ["party", tables.partyTypes],
    ["state", tables.stateTypes],
  ] as const) {
    for (const entry of list) {
      if (entry.legacy) continue;
      const key = toSearchKey(entry.name);
      if (!names.some((n) => n.key === key && n.system === system))
        names.push({ key, name: entry.name, abbreviation: entry.abbreviation, system });
    }
  }
  return names;
}

const isUpperCase = (text: string) => text === text.toUpperCase() && text !== text.toLowerCase();

/** The index of the type line ("KẾ HOẠCH", "NGHỊ QUYẾT") among the first lines, and its type. */
function findTypeLine(
  lines: readonly Line[],
  tables: DocumentTables,
): { index: number; type: TypeName[] } | null {
  const names = typeNames(tables);
  for (const [index, line] of lines.slice(0, HEADER_LINES).entries()) {
    if (!isUpperCase(line.text)) continue;
    const key = toSearchKey(line.text);
    const exact = names.filter((n) => n.key === key);
    if (exact.length > 0) return { index, type: exact };
  }
  return null;
}

// --- place and date -----------------------------------------------------------------------------------

const PLACE_WORD = "(?:\\p{Lu}\\p{Ll}+|\\p{Lu}{1,3}\\.)";
/** Day, month, year as groups 1–3 (in words) or 4–6 (in figures: 5/2/2026, 25.10.2021, 25-10-2021). */
const DATE_FORMS =
  "(?:[Nn]gày\\s*(\\d{1,2})\\s+tháng\\s*(\\d{1,2})\\s*,?\\s*năm\\s*(\\d{4})" +
  "|(?:[Nn]gày\\s*)?(\\d{1,2})\\s*[./-]\\s*(\\d{1,2})\\s*[./-]\\s*(\\d{4}))(?!\\d)";
const PLACE_DATE = new RegExp(`(?<!\\S)(${PLACE_WORD}(?:\\s${PLACE_WORD}){0,4})\\s*,\\s*${DATE_FORMS}`, "u");
const DATE_LINE = new RegExp(`^${DATE_FORMS}`, "u");

/** The ISO date of written day, month and year; null when there is no such day or it is out of range. */
function isoDate(
  day: string | undefined,
  month: string | undefined,
  year: string | undefined,
): string | null {
  if (day === undefined || month === undefined || year === undefined) return null;
  const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  const y = Number(year);
  return y >= 1930 && y <= 2100 && isIsoDate(iso) ? iso : null;
}

const dateOf = (match: RegExpExecArray, first: number) =>
  isoDate(match[first], match[first + 1], match[first + 2]) ??
  isoDate(match[first + 3], match[first + 4], match[first + 5]);

/** "Bắc Ninh, ngày 05 tháng 02 năm 2026" in the header lines (or a date alone at a line's start). */
function findPlaceAndDate(lines: readonly Line[]): { place: string | null; issuedOn: string | null } {
  for (const line of lines) {
    const match = PLACE_DATE.exec(line.text);
    const issuedOn = match ? dateOf(match, 2) : null;
    if (match && issuedOn) return { place: match[1] ?? null, issuedOn };
  }
  for (const line of lines) {
    const match = DATE_LINE.exec(line.text);
    const issuedOn = match ? dateOf(match, 1) : null;
    if (issuedOn) return { place: null, issuedOn };
  }
  return { place: null, issuedOn: null };
}

// --- subject ------------------------------------------------------------------------------------------

/** A rule under the subject: "-----", "* * *", "___". */
const SEPARATOR = /^[-_*=.·–—\s]{1,40}$/u;
/** How a body usually begins; a subject line never does (they start in lower case or with "Về"). */
const BODY_START =
  /^(?:Thực hiện|Căn cứ|Kính gửi|Ngày\s|Trong\s|Để\s|Nhằm\s|Qua\s|Phần\s|Chương\s|Điều\s|[IVX]{1,4}\.|\d{1,2}[.)]\s|[a-zđ]\)\s|-\s)/u;
const REGARDING = /^(?:V\/v|Về việc)\s*:?\s*/iu;

/** The lines after the type line up to the body. */
function findSubject(lines: readonly Line[], typeIndex: number): Line[] {
  const subject: Line[] = [];
  for (const line of lines.slice(typeIndex + 1, typeIndex + 1 + MAX_SUBJECT_LINES)) {
    if (SEPARATOR.test(line.text) || BODY_START.test(line.text)) break;
    subject.push(line);
  }
  return subject;
}

/** "V/v triển khai …" (a Công văn): that line and the lower-case lines continuing it. */
function findRegarding(lines: readonly Line[]): { lines: Line[]; first: string } | null {
  const head = lines.slice(0, HEADER_LINES);
  const index = head.findIndex((line) => REGARDING.test(line.text));
  if (index < 0) return null;
  const first = head[index] as Line;
  const found = [first];
  for (const line of head.slice(index + 1)) {
    if (!/^\p{Ll}/u.test(line.text)) break;
    found.push(line);
  }
  return { lines: found, first: first.text.replace(REGARDING, "") };
}

// --- signer -------------------------------------------------------------------------------------------

const SIGNATURE_ROLE =
  /(?:^|\s)(?:T\/M|TM\.|K\/T|KT\.|T\/L|TL\.|Q\.|BÍ THƯ|PHÓ BÍ THƯ|CHỦ NHIỆM|TRƯỞNG BAN|PHÓ TRƯỞNG BAN|CHÁNH VĂN PHÒNG|THỦ TƯỚNG|CHỦ TỊCH|BỘ TRƯỞNG|GIÁM ĐỐC)(?=\s|$)/u;
const PERSON_NAME = /(?<![\p{L}])(\p{Lu}\p{Ll}*(?: \p{Lu}\p{Ll}*){1,4})$/u;

/** The name under the last signature role line ("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "K/T BÍ THƯ"). */
function findSigner(lines: readonly Line[]): string | null {
  const tail = lines.slice(-FOOTER_LINES);
  let roleIndex = -1;
  for (const [index, line] of tail.entries()) if (SIGNATURE_ROLE.test(line.text)) roleIndex = index;
  if (roleIndex < 0) return null;
  let name: string | null = null;
  for (const line of tail.slice(roleIndex + 1, roleIndex + 9)) {
    const match = PERSON_NAME.exec(line.text);
    if (match?.[1] && !/\d/.test(match[1])) name = match[1];
  }
  return name;
}

// --- the header ---------------------------------------------------------------------------------------

const STATE_MOTTO = /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM/u;

function spanOf(lines: readonly Line[]): TextSpan | null {
  const first = lines[0];
  const last = lines.at(-1);
  return first && last ? { start: first.start, end: last.end } : null;
}

/** The header fields of a document's text; `tables` gives the types and issuer codes to recognise. */
export function proposeDocumentHeader(
  text: string,
  tables: DocumentTables = DEFAULT_DOCUMENT_TABLES,
): DocumentHeader {
  const lines = linesOf(text);
  const typeLine = findTypeLine(lines, tables);
  const headerEnd = typeLine ? typeLine.index : Math.min(lines.length, HEADER_LINES);
  const number = findNumber(lines.slice(0, headerEnd), tables);
  const { place, issuedOn } = findPlaceAndDate(lines.slice(0, headerEnd));
  const isState =
    number?.reference.system === "state" ||
    (number === null && lines.slice(0, headerEnd).some((line) => STATE_MOTTO.test(line.text)));
  const lineType = typeLine
    ? (typeLine.type.find((t) => t.system === (isState ? "state" : "party")) ?? typeLine.type[0])
    : undefined;

  let subjectLines: Line[] = [];
  let subject: string | null = null;
  if (typeLine) {
    subjectLines = findSubject(lines, typeLine.index);
    subject = subjectLines.map((line) => line.text).join(" ");
  } else {
    const regarding = findRegarding(lines);
    if (regarding) {
      subjectLines = regarding.lines;
      subject = [regarding.first, ...regarding.lines.slice(1).map((line) => line.text)].join(" ").trim();
    }
  }

  const reference = number?.reference;
  return {
    system: reference?.system ?? lineType?.system ?? null,
    typeAbbreviation: reference?.type ?? lineType?.abbreviation ?? null,
    typeName:
      lineType && (reference === undefined || reference.type === lineType.abbreviation)
        ? lineType.name
        : null,
    number: reference?.number ?? null,
    issuerCodes: reference?.issuer ? reference.issuer.split("-") : [],
    place,
    issuedOn,
    subject: subject === "" ? null : subject,
    signer: findSigner(lines),
    numberSpan: number?.span ?? null,
    subjectSpan: subject ? spanOf(subjectLines) : null,
  };
}

// --- relation of a reference to the document -----------------------------------------------------------

export type ProposedRelationKind = "implements" | "replaces" | "amends" | "guides" | "refers_to";

/** How far back from a reference its clause is read. */
const CLAUSE_WINDOW = 80;

const REPLACES = /(?:^|\s)thay the(?: cho)?$/;
const AMENDS =
  /(?:^|\s)(?:sua doi|bo sung|sua doi,? bo sung)(?: (?:mot so dieu|mot so noi dung|dieu \d+|khoan \d+)(?: cua)?)?$/;
/** A clause that begins by carrying out what follows: "Thực hiện …", "Tiếp tục triển khai …". */
const CARRIES_OUT =
  /^(?:(?:tiep tuc|de|nham) )?(?:quan triet(?:,| va) )?(?:trien khai )?(?:thuc hien|trien khai|cu the hoa)(?: (?:nghiem tuc|co hieu qua|tot|day du))?$/;
const LIST_MARKER = /^(?:[ivx]{1,4}\.|\d{1,2}[.)]|[a-z]\)|-)\s*/;

/** The clause before `start`: from the last sentence break, list marker removed, as a search key. */
function clauseBefore(text: string, start: number): string {
  const window = text.slice(Math.max(0, start - CLAUSE_WINDOW), start);
  const breakAt = Math.max(...[".", ";", ":", "!", "?", "\n"].map((mark) => window.lastIndexOf(mark)));
  const clause = breakAt >= 0 && breakAt < window.length ? window.slice(breakAt + 1) : window;
  return toSearchKey(clause).replace(LIST_MARKER, "").replace(/,$/, "").trim();
}

function within(span: TextSpan | null, reference: DocumentReference): boolean {
  return span !== null && reference.start >= span.start && reference.end <= span.end;
}

/**
 * The relation proposed between the document and a reference in its text: "replaces" after "thay thế",
 * "amends" after "sửa đổi, bổ sung", "guides" in a Hướng dẫn whose subject names it, "implements" in a
 * plan (Kế hoạch, Chương trình, Đề án) whose subject names it or where a clause begins by carrying out
 * a Party document ("Thực hiện …", "triển khai …", "cụ thể hóa …"); otherwise "refers_to".
 */
export function proposedRelationKind(
  reference: DocumentReference,
  text: string,
  header: Pick<DocumentHeader, "typeAbbreviation" | "subjectSpan">,
  planTypes: readonly string[] = PLAN_TYPE_ABBREVIATIONS,
): ProposedRelationKind {
  const clause = clauseBefore(text, reference.start);
  if (REPLACES.test(clause)) return "replaces";
  if (AMENDS.test(clause)) return "amends";
  const inSubject = within(header.subjectSpan, reference);
  if (header.typeAbbreviation === "HD" && inSubject) return "guides";
  const isPlan = header.typeAbbreviation !== null && planTypes.includes(header.typeAbbreviation);
  // In the body, "thực hiện Nghị định …" means complying with a state document, not making it concrete.
  const carriesOut = reference.system === "party" && CARRIES_OUT.test(clause);
  if (isPlan && (inSubject || carriesOut)) return "implements";
  return "refers_to";
}
