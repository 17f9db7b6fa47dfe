// Time phrases of a task: a day ("trước ngày 30/6/2026", "ngày 25 tháng 10 năm 2026", "trước 15/12"),
// a month ("tháng 12/2026"), a quarter ("trong quý II/2026"), a half year ("6 tháng đầu năm"), a year
// ("trong năm 2026"), a recurrence ("hằng năm", "định kỳ hằng quý") or "thường xuyên". Each becomes the
// deadline value of issue 6: an ISO date, an ISO period, a recurrence or "continuous". A day or period
// written without its year takes the plan's year; without one it has no value and says so.

import { parseRomanNumeral } from "../party-documents/roman-numerals.ts";
import { parseVietnameseDate } from "../vietnamese-dates.ts";
import { matchAt, matchBefore, type PlanWord, phraseSet } from "./plan-words.ts";

export type TimeKind = "date" | "period" | "recurring" | "continuous";

export interface TimeFinding {
  /** Word indices: [first, last + 1). */
  from: number;
  to: number;
  start: number;
  end: number;
  kind: TimeKind;
  /** "2026-06-30", "2026-Q2", "2026-06", "2026-H1", "2026", "yearly", "half-yearly", "quarterly",
   * "monthly", "continuous"; null when the year is needed and unknown. */
  deadline: string | null;
  /** Written with "trước", "chậm nhất", "hạn", "đến": a deadline rather than a mention. */
  firm: boolean;
  /** The year was not written and the plan's year was not known. */
  missingYear: boolean;
}

const RECURRING: readonly (readonly [string, string])[] = [
  ["hang nam", "yearly"],
  ["moi nam", "yearly"],
  ["thuong nien", "yearly"],
  ["dinh ky hang nam", "yearly"],
  ["dinh ky nam", "yearly"],
  ["hang quy", "quarterly"],
  ["moi quy", "quarterly"],
  ["dinh ky hang quy", "quarterly"],
  ["dinh ky quy", "quarterly"],
  ["hang thang", "monthly"],
  ["moi thang", "monthly"],
  ["dinh ky hang thang", "monthly"],
  ["dinh ky 6 thang", "half-yearly"],
  ["dinh ky sau thang", "half-yearly"],
  ["6 thang mot lan", "half-yearly"],
  ["thuong xuyen", "continuous"],
  ["lien tuc", "continuous"],
  ["dinh ky", "continuous"],
];
const RECURRING_SET = phraseSet(RECURRING.map(([phrase]) => phrase));
const RECURRING_VALUE = new Map(RECURRING);

/** Words that may stand before a time and belong to its phrase. */
const PREFIX_WORDS = new Set([
  "truoc",
  "ngay",
  "cham",
  "nhat",
  "la",
  "vao",
  "trong",
  "den",
  "het",
  "han",
  "xong",
  "tu",
]);
/** "cuối năm 2026", "đầu quý III": only right before the year, quarter or month they qualify. */
const PART_WORDS = new Set(["dau", "cuoi", "giua"]);
const PART_OF = new Set(["nam", "quy", "thang"]);
const FIRM_WORDS = new Set(["truoc", "cham", "han", "den", "het", "xong"]);
const MAX_PREFIX = 4;

const TIME_LABELS = phraseSet([
  "thoi gian",
  "thoi han",
  "tien do",
  "thoi gian hoan thanh",
  "thoi gian thuc hien",
]);

/** "II" (key "ii") → 2; null unless a quarter written in roman numerals. */
function romanQuarter(key: string): number | null {
  const value = parseRomanNumeral(key.toUpperCase());
  return value !== null && value <= 4 ? value : null;
}

interface Core {
  to: number;
  kind: TimeKind;
  deadline: string | null;
  missingYear: boolean;
}

function yearOf(word: PlanWord | undefined): number | null {
  if (word?.kind !== "number" || !/^(?:19|20)\d{2}$/.test(word.key)) return null;
  return Number(word.key);
}

function smallNumber(word: PlanWord | undefined, max: number): number | null {
  if (word?.kind !== "number" || !/^\d{1,2}$/.test(word.key)) return null;
  const value = Number(word.key);
  return value >= 1 && value <= max ? value : null;
}

function isoDay(day: number, month: number, year: number): string | null {
  const parsed = parseVietnameseDate(`${day}/${month}/${year}`);
  return parsed.ok ? parsed.iso : null;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A year written after the word at `index`: "/2026", "năm 2026", ", năm 2026"; or none. */
function trailingYear(words: readonly PlanWord[], index: number): { year: number; to: number } | null {
  let i = index;
  if (words[i]?.key === "/" || words[i]?.key === "-") {
    const year = yearOf(words[i + 1]);
    return year === null ? null : { year, to: i + 2 };
  }
  if (words[i]?.key === ",") i++;
  if (words[i]?.key === "nam") {
    const year = yearOf(words[i + 1]);
    if (year !== null) return { year, to: i + 2 };
    if (words[i + 1]?.key === "nay") return null;
  }
  return null;
}

function withYear(
  to: number,
  kind: TimeKind,
  written: { year: number; to: number } | null,
  planYear: number | null,
  format: (year: number) => string | null,
): Core {
  const year = written?.year ?? planYear;
  return {
    to: written?.to ?? to,
    kind,
    deadline: year === null ? null : format(year),
    missingYear: year === null,
  };
}

/** The time phrase whose value-bearing part starts at `i`, without its prefix words. */
function coreAt(words: readonly PlanWord[], i: number, planYear: number | null): Core | null {
  const word = words[i];
  if (!word) return null;

  const recurring = matchAt(words, i, RECURRING_SET);
  if (recurring > 0) {
    const phrase = words
      .slice(i, i + recurring)
      .map((w) => w.key)
      .join(" ");
    const value = RECURRING_VALUE.get(phrase) ?? "continuous";
    return {
      to: i + recurring,
      kind: value === "continuous" ? "continuous" : "recurring",
      deadline: value,
      missingYear: false,
    };
  }

  if (word.kind === "number") {
    const parts = word.key.split(/[./-]/).map(Number);
    const count = smallNumber(word, 31);
    if (parts.length === 1 && count !== null && words[i + 1]?.key === "thang") {
      // "6 tháng đầu năm", "3 tháng cuối năm 2026"
      const side = words[i + 2]?.key;
      if ((side === "dau" || side === "cuoi") && words[i + 3]?.key === "nam") {
        const first = side === "dau";
        const period = count === 6 ? (first ? "H1" : "H2") : count === 3 ? (first ? "Q1" : "Q4") : null;
        if (period === null) return null;
        const year = yearOf(words[i + 4]);
        const written = year === null ? null : { year, to: i + 5 };
        return withYear(i + 4, "period", written, planYear, (y) => `${y}-${period}`);
      }
      // "ngày 25 tháng 10 năm 2026", "30 tháng 6"
      const month = smallNumber(words[i + 2], 12);
      if (month === null) return null;
      return withYear(i + 3, "date", trailingYear(words, i + 3), planYear, (y) => isoDay(count, month, y));
    }
    if (parts.length === 3) {
      const [day, month, year] = parts as [number, number, number];
      if (year < 1900) return null;
      const iso = isoDay(day, month, year);
      return iso === null ? null : { to: i + 1, kind: "date", deadline: iso, missingYear: false };
    }
    if (parts.length === 2) {
      const [a, b] = parts as [number, number];
      if (b >= 1900 && a >= 1 && a <= 12) {
        return { to: i + 1, kind: "period", deadline: `${b}-${pad(a)}`, missingYear: false };
      }
      if (b >= 1 && b <= 12 && a >= 1 && a <= 31 && words[i - 1]?.key !== "so") {
        return withYear(i + 1, "date", null, planYear, (y) => isoDay(a, b, y));
      }
    }
    return null;
  }

  if (word.key === "thang") {
    const next = words[i + 1];
    if (next?.kind !== "number") return null;
    const parts = next.key.split(/[./-]/).map(Number);
    if (parts.length === 2 && (parts[1] as number) >= 1900) {
      const [month, year] = parts as [number, number];
      return month >= 1 && month <= 12
        ? { to: i + 2, kind: "period", deadline: `${year}-${pad(month)}`, missingYear: false }
        : null;
    }
    const month = smallNumber(next, 12);
    if (month === null) return null;
    return withYear(i + 2, "period", trailingYear(words, i + 2), planYear, (y) => `${y}-${pad(month)}`);
  }

  if (word.key === "quy") {
    const next = words[i + 1];
    if (!next) return null;
    if (next.kind === "number") {
      const parts = next.key.split(/[./-]/).map(Number);
      if (
        parts.length === 2 &&
        (parts[1] as number) >= 1900 &&
        (parts[0] as number) >= 1 &&
        (parts[0] as number) <= 4
      ) {
        return { to: i + 2, kind: "period", deadline: `${parts[1]}-Q${parts[0]}`, missingYear: false };
      }
    }
    const quarter = next.kind === "word" ? romanQuarter(next.key) : smallNumber(next, 4);
    if (quarter === null) return null;
    return withYear(i + 2, "period", trailingYear(words, i + 2), planYear, (y) => `${y}-Q${quarter}`);
  }

  if (word.key === "nam") {
    const year = yearOf(words[i + 1]);
    const before = words[i - 1]?.key;
    if (year === null) {
      if (words[i + 1]?.key === "nay" && planYear !== null && before !== "hang")
        return { to: i + 2, kind: "period", deadline: String(planYear), missingYear: false };
      return null;
    }
    if (words[i + 2]?.key === "-" && yearOf(words[i + 3]) !== null) return null; // a span of years names a term
    const deadline = before === "cuoi" ? `${year}-12` : before === "dau" ? `${year}-Q1` : String(year);
    return { to: i + 2, kind: "period", deadline, missingYear: false };
  }
  return null;
}

/** Every time phrase in `words`, in order, not overlapping; those starting where `isExcluded` says
 * (inside a citation: "Kết luận số 21-KL/TW, ngày 25.10.2021") are dropped. */
export function findTimes(
  words: readonly PlanWord[],
  planYear: number | null,
  isExcluded: (offset: number) => boolean = () => false,
): TimeFinding[] {
  const found: TimeFinding[] = [];
  let i = 0;
  while (i < words.length) {
    const core = coreAt(words, i, planYear);
    const word = words[i] as PlanWord;
    if (!core || isExcluded(word.start)) {
      i++;
      continue;
    }
    let from = i;
    if (PART_OF.has(word.key) && PART_WORDS.has(words[i - 1]?.key ?? "")) from--;
    const floor = found.length > 0 ? (found[found.length - 1] as TimeFinding).to : 0;
    while (from > floor && i - from < MAX_PREFIX + 1 && PREFIX_WORDS.has(words[from - 1]?.key ?? "")) from--;
    // "định kỳ" belongs to the recurrence after it ("định kỳ 6 tháng"), matched as one phrase above.
    if (matchBefore(words, i, RECURRING_SET) > 0 && core.kind !== "recurring") from = i;
    // "Thời gian: quý II/2026" is the task's time by its label
    let firm = words[from - 1]?.key === ":" && matchBefore(words, from - 1, TIME_LABELS) > 0;
    for (let k = from; k < i; k++) if (FIRM_WORDS.has(words[k]?.key ?? "")) firm = true;
    found.push({
      from,
      to: core.to,
      start: (words[from] as PlanWord).start,
      end: (words[core.to - 1] as PlanWord).end,
      kind: core.kind,
      deadline: core.deadline,
      firm,
      missingYear: core.missingYear,
    });
    i = core.to;
  }
  return found;
}

const RANK: Readonly<Record<TimeKind, number>> = { date: 0, period: 0, recurring: 20, continuous: 30 };

/** Day before month before quarter before half year before year. */
function specificity(deadline: string | null): number {
  if (deadline === null) return 5;
  if (/^\d{4}-\d{2}-\d{2}$/.test(deadline)) return 0;
  if (/^\d{4}-\d{2}$/.test(deadline)) return 1;
  if (/-Q\d$/.test(deadline)) return 2;
  if (/-H\d$/.test(deadline)) return 3;
  return 4;
}

/**
 * The time that sets the task's deadline: a firm day or period first ("trước", "chậm nhất", a "Thời
 * gian:" label), then the most specific one, then a recurrence, then "thường xuyên".
 */
export function chooseDeadline(times: readonly TimeFinding[]): TimeFinding | null {
  let best: TimeFinding | null = null;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const time of times) {
    const dated = time.kind === "date" || time.kind === "period";
    const rank = RANK[time.kind] + (dated ? (time.firm ? 0 : 10) + specificity(time.deadline) : 0);
    if (rank < bestRank) {
      best = time;
      bestRank = rank;
    }
  }
  return best;
}
