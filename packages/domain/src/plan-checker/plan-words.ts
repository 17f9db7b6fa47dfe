// Words of a plan with their place in the input: each word's search key (lower case, no diacritics,
// đ→d) for matching, its offsets for highlighting, and whether it was written with a capital (officialese
// capitalises unit names — "Ban Tổ chức" — and leaves verbs in lower case — "tổ chức hội nghị").
//
// The token pattern has no nested or competing quantifiers, so tokenising stays linear in the input.

import { toSearchKey } from "../vietnamese-text.ts";

export interface PlanWord {
  /** Search key: "to", "chuc", "30/6/2026", "%", ",". */
  key: string;
  start: number;
  end: number;
  /** First character is an upper-case letter. */
  capital: boolean;
  kind: "word" | "number" | "mark";
  /** First on its line, or first after a bullet that opens the line ("+ Chủ trì: …"). */
  lineStart: boolean;
}

const BULLETS = new Set(["-", "+", "•", "–", "—", "*"]);

// A run of letters (with any combining marks), a number with up to two date separators, or any other
// single visible character.
const TOKEN = /[\p{L}\p{M}]{1,64}|\d{1,6}(?:[./-]\d{1,4}){0,2}|\S/gu;
const DIGIT = /^\d/;
const LETTER = /^\p{L}/u;

// Plans repeat their words; folding each spelling once saves most of the tokenising time.
const KEY_CACHE_LIMIT = 20_000;
const keyCache = new Map<string, string>();

function searchKeyOf(word: string): string {
  let key = keyCache.get(word);
  if (key === undefined) {
    key = toSearchKey(word);
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keyCache.set(word, key);
  }
  return key;
}

/** The words of `input.slice(from, to)`, offsets into `input`. */
export function planWords(input: string, from = 0, to = input.length): PlanWord[] {
  const words: PlanWord[] = [];
  const slice = input.slice(from, to);
  let previousEnd = 0;
  // exec in a loop, not matchAll: matchAll copies the pattern on every call, and tasks are many
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(slice); match !== null; match = TOKEN.exec(slice)) {
    const text = match[0];
    const start = from + match.index;
    const first = text[0] ?? "";
    const kind = DIGIT.test(text) ? "number" : LETTER.test(text) ? "word" : "mark";
    const previous = words[words.length - 1];
    const lineStart =
      previous === undefined ||
      slice.slice(previousEnd, match.index).includes("\n") ||
      (previous.lineStart && previous.kind === "mark" && BULLETS.has(previous.key));
    previousEnd = match.index + text.length;
    words.push({
      lineStart,
      key: kind === "word" ? searchKeyOf(text) : text,
      start,
      end: start + text.length,
      capital: kind === "word" && first !== first.toLowerCase(),
      kind,
    });
  }
  return words;
}

/**
 * Phrases written as search keys with single spaces ("chu tri", "phoi hop voi"), indexed by their first
 * and last word so a lookup at one position only tries the phrases that can start or end there.
 */
export interface PhraseSet {
  byFirst: Map<string, (readonly string[])[]>;
  byLast: Map<string, (readonly string[])[]>;
}

export function phraseSet(phrases: readonly string[]): PhraseSet {
  const byFirst = new Map<string, (readonly string[])[]>();
  const byLast = new Map<string, (readonly string[])[]>();
  const add = (map: Map<string, (readonly string[])[]>, key: string, keys: readonly string[]) => {
    const list = map.get(key) ?? [];
    list.push(keys);
    list.sort((a, b) => b.length - a.length);
    map.set(key, list);
  };
  for (const phrase of phrases) {
    const keys = phrase.split(" ");
    add(byFirst, keys[0] ?? "", keys);
    add(byLast, keys[keys.length - 1] ?? "", keys);
  }
  return { byFirst, byLast };
}

function matches(words: readonly PlanWord[], from: number, keys: readonly string[]): boolean {
  if (from < 0 || from + keys.length > words.length) return false;
  for (let k = 0; k < keys.length; k++) if (words[from + k]?.key !== keys[k]) return false;
  return true;
}

/** Length in words of the longest phrase of `set` that starts at `index`, or 0. */
export function matchAt(words: readonly PlanWord[], index: number, set: PhraseSet): number {
  const candidates = set.byFirst.get(words[index]?.key ?? "");
  for (const keys of candidates ?? []) if (matches(words, index, keys)) return keys.length;
  return 0;
}

/** Length in words of the longest phrase of `set` that ends just before `index`, or 0. */
export function matchBefore(words: readonly PlanWord[], index: number, set: PhraseSet): number {
  const candidates = set.byLast.get(words[index - 1]?.key ?? "");
  for (const keys of candidates ?? []) if (matches(words, index - keys.length, keys)) return keys.length;
  return 0;
}

/** Offsets covered by a set of spans, looked up by binary search (a task may cite hundreds of documents). */
export function spanLookup(spans: readonly (readonly [number, number])[]): (offset: number) => boolean {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return (offset) => {
    let low = 0;
    let high = merged.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const [start, end] = merged[mid] as [number, number];
      if (offset < start) high = mid - 1;
      else if (offset >= end) low = mid + 1;
      else return true;
    }
    return false;
  };
}

/** The word at `i` opens a clause: first, after ";", "." or ":", or first on its line. */
export function startsClause(words: readonly PlanWord[], i: number): boolean {
  return i === 0 || isClauseEnd(words[i - 1]) || words[i]?.lineStart === true;
}

/** Words that end a clause: the unit or time phrase being read stops there. */
export function isClauseEnd(word: PlanWord | undefined): boolean {
  return (
    word === undefined || (word.kind === "mark" && (word.key === ";" || word.key === "." || word.key === ":"))
  );
}
