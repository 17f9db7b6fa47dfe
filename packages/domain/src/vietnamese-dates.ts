// Dates as Vietnamese spreadsheets and documents write them: day first always ("03/04/2021" is 3 April),
// in figures or words ("ngày 25 tháng 10 năm 2021"), or as Excel serial numbers when a cell was formatted
// as a date. The result is an ISO "yyyy-mm-dd" string or a reason that the importer turns into a message.

import { isIsoDate } from "./dates.ts";
import { toSearchKey } from "./vietnamese-text.ts";

export type DateParseFailure =
  | "EMPTY"
  /** Not a shape of date we read. */
  | "FORMAT"
  /** Right shape, but no such day (31/02/2021, 00/01/2020, Excel's fictitious 29/02/1900). */
  | "INVALID_DATE"
  /** A real day outside the years accepted (default 1900–2100). */
  | "OUT_OF_RANGE"
  /** A two-digit year and no reference year to resolve it with. */
  | "AMBIGUOUS_YEAR"
  /** A bare year such as 1975 (as number or text): no day or month was given. */
  | "YEAR_ONLY";

export type DateParseResult = { ok: true; iso: string } | { ok: false; reason: DateParseFailure };

export interface DateParseOptions {
  /**
   * Resolves two-digit years: "yy" becomes the latest year ending in yy that is not after this year
   * (reference 2025: "25" → 2025, "26" → 1926). Without it, two-digit years fail with AMBIGUOUS_YEAR.
   * Pass the current year in Vietnam from the injected clock.
   */
  readonly referenceYear?: number;
  /** Earliest and latest accepted years (default 1900 and 2100). */
  readonly minYear?: number;
  readonly maxYear?: number;
}

const DAY_MONTH_YEAR = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})$/;
const YEAR_MONTH_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
// On the search key (lower case, no diacritics): "[ngay] [mong|mung] 25 thang 10 nam 2021".
const IN_WORDS =
  /^(?:ngay\s*)?(?:(?:mong|mung)\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*,?\s*nam\s*(\d{4}|\d{2})$/;
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;

/** Excel serial 61 is 1900-03-01; serials below it are shifted by Excel's fictitious 1900-02-29 (60). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 24 * 60 * 60 * 1000;

export function parseVietnameseDate(input: string | number, options: DateParseOptions = {}): DateParseResult {
  if (typeof input === "number") return fromExcelSerial(input, options);
  const text = input.normalize("NFC").replace(/\s+/g, " ").trim();
  if (text === "") return { ok: false, reason: "EMPTY" };
  if (PLAIN_NUMBER.test(text)) return fromExcelSerial(Number(text), options);

  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) return fromParts(dmy[4] ?? "", dmy[3] ?? "", dmy[1] ?? "", options);
  const ymd = YEAR_MONTH_DAY.exec(text);
  if (ymd) return fromParts(ymd[1] ?? "", ymd[2] ?? "", ymd[3] ?? "", options);
  const words = IN_WORDS.exec(toSearchKey(text));
  if (words) return fromParts(words[3] ?? "", words[2] ?? "", words[1] ?? "", options);
  return { ok: false, reason: "FORMAT" };
}

function fromParts(
  yearText: string,
  monthText: string,
  dayText: string,
  options: DateParseOptions,
): DateParseResult {
  let year = Number(yearText);
  if (yearText.length === 2) {
    if (options.referenceYear === undefined) return { ok: false, reason: "AMBIGUOUS_YEAR" };
    year = resolveTwoDigitYear(year, options.referenceYear);
  }
  const iso = `${String(year).padStart(4, "0")}-${monthText.padStart(2, "0")}-${dayText.padStart(2, "0")}`;
  if (!isIsoDate(iso)) return { ok: false, reason: "INVALID_DATE" };
  return inRange(iso, year, options);
}

/** The latest year ending in the two digits that is not after the reference year. */
export function resolveTwoDigitYear(twoDigits: number, referenceYear: number): number {
  const candidate = Math.floor(referenceYear / 100) * 100 + twoDigits;
  return candidate > referenceYear ? candidate - 100 : candidate;
}

/**
 * The day of an Excel serial as an ISO date: the 1900 date system with Excel's leap-year bug (serial 60
 * is the 29 February 1900 that never was: null; serials before it are one day off without the fix),
 * or the 1904 system. A fraction is the time of day and is dropped. Null when not a day Excel can show.
 */
export function excelSerialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial) + (date1904 ? 1462 : 0);
  if (day < 1 || day === 60) return null;
  const offset = day < 60 ? day + 1 : day;
  if (offset > 3_000_000) return null;
  return new Date(EXCEL_EPOCH_MS + offset * DAY_MS).toISOString().slice(0, 10);
}

function fromExcelSerial(serial: number, options: DateParseOptions): DateParseResult {
  if (!Number.isFinite(serial) || serial < 1) return { ok: false, reason: "FORMAT" };
  const day = Math.floor(serial); // a fraction is the time of day
  if (day === serial && day >= 1900 && day <= 2100) return { ok: false, reason: "YEAR_ONLY" };
  if (day === 60) return { ok: false, reason: "INVALID_DATE" };
  if (day + (day < 60 ? 1 : 0) > 3_000_000) return { ok: false, reason: "OUT_OF_RANGE" };
  const iso = excelSerialToIso(serial) as string;
  return inRange(iso, Number(iso.slice(0, 4)), options);
}

function inRange(iso: string, year: number, options: DateParseOptions): DateParseResult {
  const minYear = options.minYear ?? 1900;
  const maxYear = options.maxYear ?? 2100;
  if (year < minYear || year > maxYear) return { ok: false, reason: "OUT_OF_RANGE" };
  return { ok: true, iso };
}

/** ISO date → Excel serial number (1900 date system), for writing spreadsheets and for tests. */
export function toExcelSerial(isoDate: string): number {
  const days = Math.round((Date.parse(`${isoDate}T00:00:00Z`) - EXCEL_EPOCH_MS) / DAY_MS);
  return days < 61 ? days - 1 : days;
}
