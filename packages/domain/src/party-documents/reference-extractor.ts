// Finds references to other documents in running text: numbered Party documents ("Kết luận số
// 21-KL/TW, ngày 25.10.2021"), state documents ("Nghị định 30/2020/NĐ-CP") and unnumbered ones named
// by plenum or congress ("Nghị quyết Trung ương 4 (khóa XII)", "Nghị quyết Đại hội XIV").
//
// One global regular expression, built once per set of tables, scans the text. Every repetition in it
// is bounded and no two quantifiers compete for the same characters, so the scan stays linear (no
// catastrophic backtracking). Words are matched with their diacritics folded into character classes,
// so "khóa"/"khoá", NFD input and text typed without diacritics all match.

import { toSearchKey } from "../vietnamese-text.ts";
import { DEFAULT_DOCUMENT_TABLES, type DocumentSystem, type DocumentTables } from "./document-types.ts";
import { parseRomanNumeral, ROMAN_NUMERAL_PATTERN, toRomanNumeral } from "./roman-numerals.ts";

export interface DocumentReference {
  /** The span as written: `text === input.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  system: DocumentSystem;
  /** Abbreviation: "KL", "NQ", "NĐ", "QĐ". */
  type: string;
  /** As written: "05", "30/2020"; null for references by plenum or congress. */
  number: string | null;
  /** Code as written, joint issuers joined by "-": "TW", "BTCTU-BDVTU", "CP", "UBND". */
  issuer: string | null;
  /** ISO date following the reference ("ngày 25.10.2021"), if any. */
  date: string | null;
  plenum: number | null;
  /** Committee term (khóa) as a roman numeral: "XII". */
  term: string | null;
  /** National congress as a roman numeral: "XIV". */
  congress: string | null;
}

// --- pattern pieces ---------------------------------------------------------------------------------

const LETTERS = "A-Za-z\\u00C0-\\u024F\\u1E00-\\u1EFF";
const NOT_LETTER_BEFORE = `(?<![${LETTERS}])`;
const NOT_WORD_AFTER = `(?![${LETTERS}0-9])`;
const GAP = "\\s{1,6}";
const OPT_GAP = "\\s{0,6}";
const SEP = `${OPT_GAP},?${OPT_GAP}`;
const ROMAN = `${ROMAN_NUMERAL_PATTERN}${NOT_WORD_AFTER}`;
const SMALL_NUMBER = `(?:\\d{1,2}(?!\\d)|${ROMAN})`;
const CODE = "[A-ZĐ][A-Za-zĐđ]{0,11}";
const STATE_CODE = "[A-ZĐ][A-Za-zĐđ0-9]{0,11}";

const VOWEL_GROUPS = [
  "aàáảãạăằắẳẵặâầấẩẫậ",
  "eèéẻẽẹêềếểễệ",
  "iìíỉĩị",
  "oòóỏõọôồốổỗộơờớởỡợ",
  "uùúủũụưừứửữự",
  "yỳýỷỹỵ",
  "dđ",
];

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

function charClass(char: string): string {
  const base = toSearchKey(char);
  if (!/^[a-z]$/.test(base)) return escapeRegex(char);
  const group = VOWEL_GROUPS.find((g) => g.startsWith(base)) ?? base;
  return `[${group}${group.toUpperCase()}]`;
}

/** A phrase matched regardless of case, diacritics and tone placement; words separated by whitespace. */
function folded(phrase: string): string {
  // NFC first: a table edited elsewhere may hold decomposed text; every NFC Vietnamese letter is one unit.
  return phrase
    .normalize("NFC")
    .trim()
    .split(/\s+/)
    .map((word) => word.split("").map(charClass).join(""))
    .join(GAP);
}

function alternation(items: readonly string[], map: (item: string) => string): string {
  const unique = [...new Set(items)].sort((a, b) => b.length - a.length);
  return unique.map(map).join("|");
}

const SPELLED_UNITS = ["một", "mốt", "hai", "ba", "bốn", "tư", "năm", "lăm", "sáu", "bảy", "tám", "chín"];
const SPELLED = `(?:(?:${folded("hai mươi")}|${folded("mười")})(?:${GAP}(?:${SPELLED_UNITS.map(folded).join("|")}))?|${folded("nhất")}|${SPELLED_UNITS.map(folded).join("|")})${NOT_WORD_AFTER}`;

function datePattern(p: string): string {
  const day = "0?[1-9]|[12]\\d|3[01]";
  const month = "0?[1-9]|1[0-2]";
  const year = "(?:19|20)\\d{2}(?!\\d)";
  return (
    `(?:(?<${p}d>${day})(?<${p}s>[./-])(?<${p}m>${month})\\k<${p}s>(?<${p}y>${year})` +
    `|(?<${p}D>${day})${GAP}${folded("tháng")}${GAP}(?<${p}M>${month})${GAP},?${OPT_GAP}${folded("năm")}${GAP}(?<${p}Y>${year}))`
  );
}

function datePhrase(p: string): string {
  const day = folded("ngày");
  return (
    `(?:(?:(?:${folded("ban hành")}|${folded("ký")})${GAP})?${day}${GAP}${datePattern(p)}` +
    `|\\(${OPT_GAP}(?:${day}${GAP})?${datePattern(`${p}p`)}${OPT_GAP}\\))`
  );
}

const CENTRAL = `(?:(?:${folded("Ban Chấp hành")}${GAP})?${folded("Trung ương")}(?:${GAP}${folded("Đảng")})?)`;
const MEETING = folded("Hội nghị");

function plenumPattern(p: string): string {
  const ordinal = `(?:${folded("lần thứ")}${GAP}(?<${p}a>${SPELLED}|${SMALL_NUMBER})|(?<${p}b>${SMALL_NUMBER}))`;
  return (
    `(?:(?:${MEETING}${GAP})?${CENTRAL}${GAP}${ordinal.replaceAll(`<${p}`, `<${p}x`)}` +
    `|${MEETING}${GAP}${ordinal}${GAP}(?:${folded("của")}${GAP})?${CENTRAL}${NOT_WORD_AFTER})`
  );
}

function termPattern(p: string): string {
  const term = `(?:${ROMAN}|\\d{1,2}(?!\\d))`;
  const khoa = folded("khóa");
  return `(?:\\(${OPT_GAP}${khoa}${GAP}(?<${p}a>${term})${OPT_GAP}\\)|${khoa}${GAP}(?<${p}b>${term}))`;
}

const CONGRESS =
  `${folded("Đại hội")}(?:${GAP}${folded("đại biểu")})?(?:${GAP}${folded("Đảng")})?(?:${GAP}${folded("toàn quốc")})?` +
  `(?:${GAP}${folded("lần thứ")})?${GAP}(?<cg>${SMALL_NUMBER})(?!${GAP}${folded("Đảng bộ")})` +
  `(?:${GAP}${folded("của")}${GAP}${folded("Đảng")}${NOT_WORD_AFTER})?`;

const WORD = "[^\\s\\d,.;:()]{1,30}";
const OF_BODY = `${folded("của")}${GAP}${WORD}(?:${GAP}${WORD}){0,7}`;

function buildPattern(tables: DocumentTables): RegExp {
  const names = [...tables.partyTypes, ...tables.stateTypes].map((t) => t.name);
  const name = `${NOT_LETTER_BEFORE}(?:${alternation(names, folded)})${NOT_WORD_AFTER}`;
  const partyTypes = alternation(
    tables.partyTypes.map((t) => t.abbreviation),
    escapeRegex,
  );
  const stateTypes = alternation(
    tables.stateTypes.map((t) => t.abbreviation),
    escapeRegex,
  );
  const numberStart = `(?<![${LETTERS}0-9/.,-])`;
  const partySymbol = `${numberStart}(?<pn>\\d{1,5})-(?<pt>${partyTypes})/(?<pi>${CODE}(?:-${CODE}){0,4})${NOT_WORD_AFTER}`;
  const stateSymbol = `${numberStart}(?<sn>\\d{1,6}(?:/\\d{4})?)/(?<st>${stateTypes})-(?<si>${STATE_CODE}(?:-${STATE_CODE}){0,4})${NOT_WORD_AFTER}`;
  const numberWord = `(?:${folded("số")}${OPT_GAP}:?${OPT_GAP})`;
  const partyTail =
    `(?:${SEP}${datePhrase("d1")})?` +
    `(?:${SEP}(?:${folded("của")}${GAP})?(?:${plenumPattern("p1")}(?:${SEP}${termPattern("t1")})?|${termPattern("t2")}))?` +
    `(?:${SEP}(?:${OF_BODY}${SEP})?${datePhrase("d2")})?`;
  const stateTail = `(?:${SEP}(?:${OF_BODY}${SEP})?${datePhrase("d3")})?`;
  const numbered = `(?:(?<name>${name})${GAP}${numberWord}?)?(?:${partySymbol}${partyTail}|${stateSymbol}${stateTail})`;
  const named =
    `(?<nname>${name})${GAP}(?:${folded("của")}${GAP})?` +
    `(?:${plenumPattern("p2")}(?:${SEP}${termPattern("t3")})?|${CONGRESS})` +
    `(?:${SEP}${datePhrase("d4")})?`;
  return new RegExp(`${numbered}|${named}`, "g");
}

const compiled = new WeakMap<DocumentTables, RegExp>();

function patternFor(tables: DocumentTables): RegExp {
  let pattern = compiled.get(tables);
  if (!pattern) {
    pattern = buildPattern(tables);
    compiled.set(tables, pattern);
  }
  return new RegExp(pattern.source, pattern.flags);
}

// --- values -----------------------------------------------------------------------------------------

const SPELLED_VALUES: Record<string, number> = {
  nhat: 1,
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  lam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};

function smallNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const roman = parseRomanNumeral(text);
  if (roman !== null) return roman;
  const words = toSearchKey(text).split(" ");
  let value = 0;
  if (words[0] === "hai" && words[1] === "muoi") {
    value = 20;
    words.splice(0, 2);
  } else if (words[0] === "muoi") {
    value = 10;
    words.splice(0, 1);
  }
  for (const word of words) value += SPELLED_VALUES[word] ?? 0;
  return value > 0 ? value : null;
}

function romanOf(text: string | undefined): string | null {
  if (text === undefined) return null;
  return /^\d+$/.test(text) ? toRomanNumeral(Number(text)) : text;
}

function isoDate(
  day: string | undefined,
  month: string | undefined,
  year: string | undefined,
): string | null {
  if (day === undefined || month === undefined || year === undefined) return null;
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCDate() !== d || date.getUTCMonth() !== m - 1) return null;
  return `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function dateFrom(groups: Record<string, string | undefined>, prefixes: readonly string[]): string | null {
  for (const p of prefixes) {
    for (const q of [p, `${p}p`]) {
      const date =
        isoDate(groups[`${q}d`], groups[`${q}m`], groups[`${q}y`]) ??
        isoDate(groups[`${q}D`], groups[`${q}M`], groups[`${q}Y`]);
      if (date) return date;
    }
  }
  return null;
}

function plenumFrom(groups: Record<string, string | undefined>, p: string): number | null {
  const text = groups[`${p}a`] ?? groups[`${p}b`] ?? groups[`${p}xa`] ?? groups[`${p}xb`];
  return text === undefined ? null : smallNumber(text);
}

function typeForName(name: string, tables: DocumentTables): string | null {
  const key = toSearchKey(name);
  const found =
    tables.partyTypes.find((t) => !t.legacy && toSearchKey(t.name) === key) ??
    tables.stateTypes.find((t) => toSearchKey(t.name) === key);
  return found?.abbreviation ?? null;
}

// --- normalisation with an offset map ---------------------------------------------------------------

const HAS_MARK = /\p{M}/u;
const MARKED_CLUSTER = /\P{M}?\p{M}+/gu;

interface Normalised {
  text: string;
  /** Offset in the input for each offset in `text` (length text.length + 1); null when unchanged. */
  toInput: Int32Array | null;
}

/** NFC per cluster (a character and its combining marks), remembering where each piece came from. */
function normalise(input: string): Normalised {
  if (!HAS_MARK.test(input)) return { text: input, toInput: null };
  const pieces: string[] = [];
  const origins: number[] = [];
  let last = 0;
  const push = (piece: string, origin: number, unchanged: boolean) => {
    pieces.push(piece);
    for (let i = 0; i < piece.length; i++) origins.push(unchanged ? origin + i : origin);
  };
  for (const match of input.matchAll(MARKED_CLUSTER)) {
    if (match.index > last) push(input.slice(last, match.index), last, true);
    push(match[0].normalize("NFC"), match.index, false);
    last = match.index + match[0].length;
  }
  if (last < input.length) push(input.slice(last), last, true);
  origins.push(input.length);
  return { text: pieces.join(""), toInput: Int32Array.from(origins) };
}

// --- extraction -------------------------------------------------------------------------------------

/** Every document reference in `input`, in order, not overlapping; never throws. */
export function extractReferences(
  input: string,
  tables: DocumentTables = DEFAULT_DOCUMENT_TABLES,
): DocumentReference[] {
  const { text, toInput } = normalise(input);
  const pattern = patternFor(tables);
  const found: DocumentReference[] = [];
  for (const match of text.matchAll(pattern)) {
    const groups = (match.groups ?? {}) as Record<string, string | undefined>;
    const startN = match.index;
    const endN = startN + match[0].length;
    const start = toInput ? (toInput[startN] ?? startN) : startN;
    const end = toInput ? (toInput[endN] ?? endN) : endN;
    const base = { text: input.slice(start, end), start, end };
    if (groups.pn !== undefined) {
      found.push({
        ...base,
        system: "party",
        type: groups.pt ?? "",
        number: groups.pn,
        issuer: groups.pi ?? null,
        date: dateFrom(groups, ["d1", "d2"]),
        plenum: plenumFrom(groups, "p1"),
        term: romanOf(groups.t1a ?? groups.t1b ?? groups.t2a ?? groups.t2b),
        congress: null,
      });
    } else if (groups.sn !== undefined) {
      found.push({
        ...base,
        system: "state",
        type: groups.st ?? "",
        number: groups.sn,
        issuer: groups.si ?? null,
        date: dateFrom(groups, ["d3"]),
        plenum: null,
        term: null,
        congress: null,
      });
    } else {
      const congress = romanOf(groups.cg);
      found.push({
        ...base,
        system: "party",
        type: typeForName(groups.nname ?? "", tables) ?? "NQ",
        number: null,
        issuer: "TW",
        date: dateFrom(groups, ["d4"]),
        plenum: congress === null ? plenumFrom(groups, "p2") : null,
        term: congress === null ? romanOf(groups.t3a ?? groups.t3b) : null,
        congress,
      });
    }
  }
  return found;
}
