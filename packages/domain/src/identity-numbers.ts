// Citizen ID numbers (số định danh cá nhân, printed on the CCCD card) and Party card numbers.
//
// A citizen ID is 12 digits: 3 for the province (or country) where the birth was registered, 1 for sex and
// century of birth (0/1 = male/female born 1900–1999, 2/3 = 2000–2099, 4/5 = 2100–2199, …), 2 for the last
// digits of the birth year, and 6 sequence digits. Only the length and the digits are certain enough to be
// errors: province codes are checked against the 63 published codes of the former provinces, but people
// born abroad and numbers issued after the 2025 merger of provinces may carry other codes, and 12-digit
// identity cards of the 2012–2016 model may not follow the sex/century/year layout; so those checks are
// warnings for a person to confirm.

import { CITIZEN_ID_PROVINCES } from "./citizen-id-provinces.ts";

export type CitizenIdIssueCode =
  /** Not 12 digits. */
  | "CITIZEN_ID_FORMAT"
  /** 9–11 digits: most likely a 12-digit number whose leading zeros a spreadsheet dropped. */
  | "CITIZEN_ID_LEADING_ZEROS"
  /** The first three digits are not a published province code. */
  | "CITIZEN_ID_PROVINCE"
  /** Century digit or birth-year digits disagree with the birth date. */
  | "CITIZEN_ID_BIRTH_MISMATCH"
  /** Sex digit disagrees with the recorded sex. */
  | "CITIZEN_ID_SEX_MISMATCH";

export interface CitizenIdIssue {
  readonly code: CitizenIdIssueCode;
  readonly severity: "error" | "warning";
}

export type Sex = "male" | "female";

export interface CitizenIdContext {
  /** ISO "yyyy-mm-dd". */
  readonly birthDate?: string;
  readonly sex?: Sex;
}

/** Trims and removes inner whitespace (people paste "001 234 567 890"). */
export function normalizeCitizenId(value: string): string {
  return value.replace(/\s+/g, "");
}

/** Issues with a citizen ID (after normalizeCitizenId); empty when it is fine. */
export function validateCitizenId(value: string, context: CitizenIdContext = {}): CitizenIdIssue[] {
  const id = normalizeCitizenId(value);
  if (!/^\d{12}$/.test(id)) {
    const code = /^\d{9,11}$/.test(id) ? "CITIZEN_ID_LEADING_ZEROS" : "CITIZEN_ID_FORMAT";
    return [{ code, severity: "error" }];
  }
  const issues: CitizenIdIssue[] = [];
  if (!CITIZEN_ID_PROVINCES.has(id.slice(0, 3)))
    issues.push({ code: "CITIZEN_ID_PROVINCE", severity: "warning" });
  const sexCentury = Number(id.charAt(3));
  const birthYear = 1900 + Math.floor(sexCentury / 2) * 100 + Number(id.slice(4, 6));
  if (context.birthDate !== undefined && Number(context.birthDate.slice(0, 4)) !== birthYear) {
    issues.push({ code: "CITIZEN_ID_BIRTH_MISMATCH", severity: "warning" });
  }
  if (context.sex !== undefined && (sexCentury % 2 === 0 ? "male" : "female") !== context.sex) {
    issues.push({ code: "CITIZEN_ID_SEX_MISMATCH", severity: "warning" });
  }
  return issues;
}

/** What a well-formed citizen ID says about its holder, or null when it is not 12 digits. */
export function describeCitizenId(
  value: string,
): { provinceCode: string; provinceName: string | null; sex: Sex; birthYear: number } | null {
  const id = normalizeCitizenId(value);
  if (!/^\d{12}$/.test(id)) return null;
  const sexCentury = Number(id.charAt(3));
  const provinceCode = id.slice(0, 3);
  return {
    provinceCode,
    provinceName: CITIZEN_ID_PROVINCES.get(provinceCode) ?? null,
    sex: sexCentury % 2 === 0 ? "male" : "female",
    birthYear: 1900 + Math.floor(sexCentury / 2) * 100 + Number(id.slice(4, 6)),
  };
}

/**
 * Masks a citizen ID for people not allowed to see it: a 12-digit number keeps its first five digits
 * (province, sex/century, decade of birth) and last two, "001234567890" → "00123*****90"; anything else
 * keeps only its last two characters, so a malformed value never shows more than a well-formed one.
 */
export function maskCitizenId(value: string): string {
  const id = normalizeCitizenId(value);
  if (/^\d{12}$/.test(id)) return `${id.slice(0, 5)}*****${id.slice(10)}`;
  if (id.length <= 2) return "*".repeat(id.length);
  return "*".repeat(id.length - 2) + id.slice(-2);
}

/**
 * Party card numbers: the registry fixes no format here, so only what cannot change the number is done —
 * trim and drop whitespace (including non-breaking spaces from spreadsheets).
 */
export function normalizeCardNumber(value: string): string {
  return value.replace(/[\s\u00a0\u202f]+/g, "");
}
