// Who does a task: the lead unit ("Ban Tổ chức Tỉnh ủy chủ trì", "giao Văn phòng Tỉnh ủy …", "Các đảng
// ủy trực thuộc thực hiện"), the supporting units ("phối hợp với …") and a person answering for it
// ("đồng chí Bí thư … chịu trách nhiệm"). Unit names are read from their first word (a known head such
// as "Ban", "Văn phòng", "các chi bộ", or an abbreviation like "BTCTU") up to the verb that follows;
// verbs inside names are capitalised ("Ủy ban Kiểm tra"), verbs of the sentence are not.

import {
  ADVERBS,
  ASSIGN_BEFORE,
  CAPITAL_ONLY_HEADS,
  COMMITTEE_SUFFIXES,
  CONCRETE_VERBS,
  GENERIC_UNIT_MARKERS,
  GENERIC_UNIT_STARTS,
  GENERIC_UNITS,
  LEAD_ROLE_AFTER,
  PERSON_INTRODUCERS,
  PERSON_ROLE_AFTER,
  PERSON_TITLES,
  SUPPORT_BEFORE,
  UNIT_ABBREVIATIONS,
  UNIT_HEADS,
  VAGUE_VERBS,
} from "./plan-vocabulary.ts";
import { isClauseEnd, matchAt, type PlanWord, phraseSet, startsClause } from "./plan-words.ts";

export interface UnitSpan {
  /** As written: `text === input.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /** Abbreviations expanded: "BTC TU" → "Ban Tổ chức Tỉnh ủy". */
  name: string;
  /** "các cơ quan liên quan" and the like. */
  generic: boolean;
}

/** How the lead was named: "X chủ trì", "giao X", X as the subject, or X only "phối hợp" (no one leads). */
export type LeadRole = "lead" | "assigned" | "subject" | "supporting";

export interface UnitFindings {
  /** Units named as leading; more than one means the lead is shared. */
  leads: UnitSpan[];
  leadRole: LeadRole | null;
  support: UnitSpan[];
  person: UnitSpan | null;
}

const HEADS = phraseSet(UNIT_HEADS);
const LEAD_AFTER = phraseSet(LEAD_ROLE_AFTER);
const ASSIGN = phraseSet(ASSIGN_BEFORE);
const SUPPORT = phraseSet(SUPPORT_BEFORE);
const TITLES = phraseSet(PERSON_TITLES);
const INTRODUCERS = phraseSet(PERSON_INTRODUCERS);
const PERSON_ROLES = phraseSet(PERSON_ROLE_AFTER);
const VERBS = phraseSet([
  ...CONCRETE_VERBS,
  ...VAGUE_VERBS,
  ...LEAD_ROLE_AFTER,
  ...SUPPORT_BEFORE,
  ...PERSON_ROLE_AFTER,
  "co trach nhiem",
  "can cu",
]);
const ADVERB_SET = phraseSet(ADVERBS);
const STOP_WORDS = new Set([
  "ve",
  "theo",
  "tai",
  "truoc",
  "de",
  "nham",
  "cua",
  "tu",
  "den",
  "voi",
  "khi",
  "sau",
  "neu",
  "thi",
]);
/** Lower-case words that continue a list of localities inside one unit name: "các đảng ủy xã, phường". */
const LIST_WORDS = new Set([
  "xa",
  "phuong",
  "thi",
  "dac",
  "huyen",
  "tinh",
  "thanh",
  "co",
  "khu",
  "nganh",
  "dia",
  "doan",
]);
const MAX_UNIT_WORDS = 25;
const ABBREVIATION = /^[A-ZĐ][A-Za-zĐđ]{1,11}$/;

/** "BTCTU" → "Ban Tổ chức Tỉnh ủy", "UBKT" → "Ủy ban Kiểm tra"; null when not a known code. */
export function expandAbbreviation(code: string): string | null {
  const exact = UNIT_ABBREVIATIONS[code];
  if (exact !== undefined) return exact;
  for (const suffix of COMMITTEE_SUFFIXES) {
    if (!code.endsWith(suffix) || code.length === suffix.length) continue;
    const body = expandAbbreviation(code.slice(0, -suffix.length));
    const committee = UNIT_ABBREVIATIONS[suffix];
    if (body !== null && committee !== undefined) return `${body} ${committee}`;
  }
  return null;
}

/** The name with every known abbreviation spelled out. */
export function expandUnitName(written: string): string {
  if (!/[A-ZĐ][A-Za-zĐđ]{0,11}[A-ZĐ]/.test(written))
    return written.normalize("NFC").replace(/\s+/g, " ").trim();
  return written
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .trim()
    .split(" ")
    .map((part) => {
      const core = part.replace(/[,;.]$/, "");
      const expanded =
        ABBREVIATION.test(core) && /[A-ZĐ].*[A-ZĐ]/.test(core) ? expandAbbreviation(core) : null;
      return expanded === null ? part : expanded + part.slice(core.length);
    })
    .join(" ");
}

function writtenOf(input: string, word: PlanWord): string {
  return input.slice(word.start, word.end);
}

function isAbbreviation(input: string, word: PlanWord | undefined): boolean {
  if (word?.kind !== "word") return false;
  const written = writtenOf(input, word);
  return ABBREVIATION.test(written) && /[A-ZĐ].*[A-ZĐ]/.test(written) && expandAbbreviation(written) !== null;
}

/** Words a unit name starts with at `i` (0 if none). */
export function unitHeadAt(input: string, words: readonly PlanWord[], i: number): number {
  if (isAbbreviation(input, words[i])) return 1;
  const length = matchAt(words, i, HEADS);
  if (length === 0) return 0;
  const phrase = words
    .slice(i, i + length)
    .map((w) => w.key)
    .join(" ");
  if (CAPITAL_ONLY_HEADS.has(phrase) && !words[i]?.capital) return 0;
  // "ban hành", "tổ chức hội nghị": a verb, not a unit
  const verb = matchAt(words, i, VERBS);
  if (verb > 0 && (!words[i]?.capital || (startsClause(words, i) && !words[i + verb]?.capital))) return 0;
  if (phrase === "ban" && words[i + 1]?.key === "hanh") return 0;
  return length;
}

function isSentenceVerb(words: readonly PlanWord[], i: number): boolean {
  const word = words[i];
  return word !== undefined && !word.capital && matchAt(words, i, VERBS) > 0;
}

function span(input: string, words: readonly PlanWord[], from: number, to: number): UnitSpan {
  const start = (words[from] as PlanWord).start;
  const end = (words[to - 1] as PlanWord).end;
  const text = input.slice(start, end);
  const name = expandUnitName(text);
  const key = words
    .slice(from, to)
    .map((w) => w.key)
    .join(" ")
    .replace(/ ,/g, ",");
  const generic =
    GENERIC_UNITS.has(key) ||
    GENERIC_UNIT_MARKERS.some((marker) => key.endsWith(marker)) ||
    GENERIC_UNIT_STARTS.some((start) => key.startsWith(start));
  return { text, start, end, name, generic };
}

/**
 * Units named from word `i` on: a list of names ("Ban Tổ chức, Văn phòng Tỉnh ủy và các cơ quan liên
 * quan") up to the verb or the end of the clause; [] when no unit name starts at `i`.
 */
export function readUnitsForward(
  input: string,
  words: readonly PlanWord[],
  i: number,
): { units: UnitSpan[]; to: number } {
  const units: UnitSpan[] = [];
  let from = i;
  let k = i;
  if (unitHeadAt(input, words, k) === 0) return { units, to: i };
  while (k < words.length && k - i < MAX_UNIT_WORDS) {
    const word = words[k] as PlanWord;
    if (isClauseEnd(word) || word.key === "(" || word.key === ")") break;
    // "cần" before a verb ("Các cấp ủy cần quán triệt"); "cán sự" has the same key and is part of a name
    const modal = word.key === "can" && isSentenceVerb(words, k + 1);
    if (
      k > from &&
      (isSentenceVerb(words, k) ||
        modal ||
        (STOP_WORDS.has(word.key) && !word.capital) ||
        (!word.capital && matchAt(words, k, ADVERB_SET) > 0))
    )
      break;
    if (word.key === "," || (word.key === "va" && k > from)) {
      const next = k + 1;
      if (word.key === "," && LIST_WORDS.has(words[next]?.key ?? "") && !words[next]?.capital) {
        k = next + 1;
        continue;
      }
      // "các cơ quan, đơn vị": a lower-case head after a comma continues the same name
      if (
        word.key === "," &&
        unitHeadAt(input, words, next) === 0 &&
        matchAt(words, next, HEADS) > 0 &&
        !isSentenceVerb(words, next)
      ) {
        k = next;
        continue;
      }
      if (
        unitHeadAt(input, words, next) > 0 ||
        (word.key === "," && words[next]?.key === "va" && unitHeadAt(input, words, next + 1) > 0)
      ) {
        units.push(span(input, words, from, k));
        k = words[next]?.key === "va" ? next + 1 : next;
        from = k;
        continue;
      }
      if (word.key === ",") break;
    }
    k++;
  }
  if (k > from) units.push(span(input, words, from, k));
  return { units, to: k };
}

/** Start of the clause that ends before `i`: after the last ";", "." or ":" (or the task's start). */
function clauseStart(words: readonly PlanWord[], i: number): number {
  let k = i;
  // a unit name is never longer than MAX_UNIT_WORDS, nor is "giao" far before it
  while (k > 0 && i - k < MAX_UNIT_WORDS + 4 && !startsClause(words, k)) k--;
  return k;
}

/**
 * A person named from word `i`: "đồng chí Bí thư …", or a post at the start of a clause followed by
 * "chịu trách nhiệm". `standalone`: the words are a cell of their own (no verb needed).
 */
export function personAt(
  input: string,
  words: readonly PlanWord[],
  i: number,
  standalone = false,
): UnitSpan | null {
  let k = i;
  const introducer = matchAt(words, k, INTRODUCERS);
  if (introducer > 0) k += introducer;
  const title = matchAt(words, k, TITLES);
  if (introducer === 0 && title === 0) return null;
  if (introducer === 0 && !words[k]?.capital && !startsClause(words, k)) return null;
  if (introducer > 0 && title === 0 && !words[k]?.capital) return null;
  const from = k;
  let end = k;
  while (end < words.length && end - from < 15) {
    const word = words[end] as PlanWord;
    // "Phó Bí thư Chi bộ, Trưởng thôn": one person holding two posts
    if (word.key === "," && end > from && matchAt(words, end + 1, TITLES) > 0 && words[end + 1]?.capital) {
      end++;
      continue;
    }
    if (isClauseEnd(word) || word.key === "," || word.key === "(" || word.key === ")") break;
    if (end > from && isSentenceVerb(words, end)) break;
    end++;
  }
  if (end === from) return null;
  // a title alone at the start is a person only when a responsibility verb follows ("Bí thư chi bộ chịu trách nhiệm")
  if (introducer === 0 && !standalone && matchAt(words, end, PERSON_ROLES) === 0) return null;
  const found = span(input, words, from, end);
  return { ...found, generic: false };
}

/** Lead, supporting units and person of the words of one task. */
export function findUnits(input: string, words: readonly PlanWord[]): UnitFindings {
  let leads: UnitSpan[] = [];
  let leadRole: LeadRole | null = null;
  const support: UnitSpan[] = [];
  let person: UnitSpan | null = null;
  let subject: UnitSpan[] = [];
  let subjectSupports = false;
  let assigned: UnitSpan[] = [];

  for (let i = 0; i < words.length; i++) {
    const word = words[i] as PlanWord;
    const clauseFirst = startsClause(words, i);
    if (person === null) {
      const found = personAt(input, words, i);
      if (found && (clauseFirst || matchAt(words, i, INTRODUCERS) > 0)) person = found;
    }
    const supportLength = word.capital && !clauseFirst ? 0 : matchAt(words, i, SUPPORT);
    if (supportLength > 0) {
      let next = i + supportLength;
      if (words[next]?.key === ":") next++;
      const read = readUnitsForward(input, words, next);
      if (read.units.length > 0) {
        support.push(...read.units);
        i = read.to - 1;
        continue;
      }
    }
    const leadLength = matchAt(words, i, LEAD_AFTER);
    if (leadLength > 0 && (!word.capital || clauseFirst)) {
      if (words[i + leadLength]?.key === ":") {
        const read = readUnitsForward(input, words, i + leadLength + 1);
        if (read.units.length > 0 && leads.length === 0) {
          leads = read.units;
          leadRole = "lead";
        }
        continue;
      }
      const from = clauseStart(words, i);
      let head = from;
      const assign = matchAt(words, head, ASSIGN);
      if (assign > 0) head += assign;
      const read = readUnitsForward(input, words, head);
      if (read.units.length > 0 && read.to === i && leads.length === 0) {
        leads = read.units;
        leadRole = "lead";
      }
      continue;
    }
    const assignLength = !word.capital || clauseFirst ? matchAt(words, i, ASSIGN) : 0;
    if (assignLength > 0 && assigned.length === 0) {
      let next = i + assignLength;
      if (words[next]?.key === ":") next++;
      const read = readUnitsForward(input, words, next);
      if (read.units.length > 0) assigned = read.units;
      continue;
    }
    if (clauseFirst && subject.length === 0 && unitHeadAt(input, words, i) > 0) {
      const read = readUnitsForward(input, words, i);
      let verb = read.to;
      while (verb < words.length && verb - read.to < 4 && matchAt(words, verb, ADVERB_SET) > 0)
        verb += matchAt(words, verb, ADVERB_SET);
      if (read.units.length > 0 && isSentenceVerb(words, verb)) {
        subject = read.units;
        // "… phối hợp thực hiện" with no partner named: these units only support
        const supportWords = matchAt(words, verb, SUPPORT);
        subjectSupports =
          supportWords > 0 && readUnitsForward(input, words, verb + supportWords).units.length === 0;
      }
    }
  }
  if (leads.length === 0 && assigned.length > 0) {
    leads = assigned;
    leadRole = "assigned";
  }
  if (leads.length === 0 && subject.length > 0) {
    leads = subject;
    leadRole = subjectSupports ? "supporting" : "subject";
  }
  return { leads, leadRole, support, person };
}
