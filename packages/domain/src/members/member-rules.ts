// Rules a member record must satisfy, shared by the record form, the API and the importer. Each broken
// rule names the field and a code; MEMBER_RULE_MESSAGES gives the words in both languages.
import { normalizeCardNumber, normalizeCitizenId, validateCitizenId } from "../identity-numbers.ts";

export const MIN_ADMISSION_AGE = 18;
export const MAX_ADMISSION_AGE = 60;
export const PROBATION_MONTHS = 12;

export const MEMBER_RULE_MESSAGES = {
  MEMBER_NAME_INVALID: {
    vi: "Họ và tên phải có từ 2 đến 200 ký tự.",
    en: "The full name must have 2 to 200 characters.",
  },
  MEMBER_DATE_IN_FUTURE: { vi: "Ngày này ở tương lai.", en: "This date is in the future." },
  MEMBER_ADMISSION_AGE: {
    vi: "Tuổi khi vào Đảng phải từ 18 đến 60.",
    en: "Age at admission must be between 18 and 60.",
  },
  MEMBER_FULL_BEFORE_ADMISSION: {
    vi: "Ngày chính thức phải sau ngày vào Đảng.",
    en: "The date made full member must be after the date admitted.",
  },
  MEMBER_PROBATION_TOO_SHORT: {
    vi: "Ngày chính thức phải sau ngày vào Đảng ít nhất 12 tháng.",
    en: "A member is made full no earlier than 12 months after admission.",
  },
  MEMBER_CITIZEN_ID_INVALID: {
    vi: "Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số.",
    en: "The citizen ID number must have exactly 12 digits.",
  },
  MEMBER_CARD_NUMBER_INVALID: {
    vi: "Số thẻ đảng viên phải gồm từ 6 đến 12 chữ số.",
    en: "The Party card number must have 6 to 12 digits.",
  },
} as const satisfies Record<string, { vi: string; en: string }>;
export type MemberRuleCode = keyof typeof MEMBER_RULE_MESSAGES;

export interface MemberRuleInput {
  fullName: string;
  birthDate: string;
  admittedOn: string;
  fullMemberOn?: string | null | undefined;
  citizenId?: string | null | undefined;
  cardNumber?: string | null | undefined;
}

export type MemberRuleField = keyof MemberRuleInput;

export interface MemberRuleViolation {
  field: MemberRuleField;
  code: MemberRuleCode;
}

/** Card numbers as stored: digits only (spaces, dots and dashes that spreadsheets add are dropped). */
export function canonicalCardNumber(value: string): string {
  return normalizeCardNumber(value).replace(/[.\-/]/g, "");
}

/** Whole years between two ISO dates (age on `on` of someone born on `born`). */
export function yearsBetween(born: string, on: string): number {
  const [by, bm, bd] = born.split("-").map(Number) as [number, number, number];
  const [oy, om, od] = on.split("-").map(Number) as [number, number, number];
  return oy - by - (om < bm || (om === bm && od < bd) ? 1 : 0);
}

/** The ISO date `months` months after `iso` (clamped to the month's last day). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Every rule the record breaks, given today's date in Vietnam. Empty when the record is valid. */
export function checkMemberRecord(record: MemberRuleInput, today: string): MemberRuleViolation[] {
  const violations: MemberRuleViolation[] = [];
  const name = record.fullName.normalize("NFC").trim();
  if (name.length < 2 || name.length > 200)
    violations.push({ field: "fullName", code: "MEMBER_NAME_INVALID" });
  for (const field of ["birthDate", "admittedOn", "fullMemberOn"] as const) {
    const value = record[field];
    if (value && value > today) violations.push({ field, code: "MEMBER_DATE_IN_FUTURE" });
  }
  const age = yearsBetween(record.birthDate, record.admittedOn);
  if (age < MIN_ADMISSION_AGE || age > MAX_ADMISSION_AGE) {
    violations.push({ field: "admittedOn", code: "MEMBER_ADMISSION_AGE" });
  }
  if (record.fullMemberOn) {
    if (record.fullMemberOn <= record.admittedOn) {
      violations.push({ field: "fullMemberOn", code: "MEMBER_FULL_BEFORE_ADMISSION" });
    } else if (record.fullMemberOn < addMonths(record.admittedOn, PROBATION_MONTHS)) {
      violations.push({ field: "fullMemberOn", code: "MEMBER_PROBATION_TOO_SHORT" });
    }
  }
  if (record.citizenId) {
    const errors = validateCitizenId(normalizeCitizenId(record.citizenId)).filter(
      (i) => i.severity === "error",
    );
    if (errors.length > 0) violations.push({ field: "citizenId", code: "MEMBER_CITIZEN_ID_INVALID" });
  }
  if (record.cardNumber && !/^\d{6,12}$/.test(canonicalCardNumber(record.cardNumber))) {
    violations.push({ field: "cardNumber", code: "MEMBER_CARD_NUMBER_INVALID" });
  }
  return violations;
}
