// Option lists for the member registry's codes (status, sex, education, …), labelled from the
// catalogues so both languages read naturally.
import {
  AgeBandSchema,
  type MemberEventKind,
  type MemberStatus,
  MemberStatusSchema,
  ProfessionalEducationSchema,
  TheoryLevelSchema,
} from "@namro/contracts";
import type { TFunction } from "i18next";

export const MEMBER_STATUSES = MemberStatusSchema.options;
export const AGE_BANDS = AgeBandSchema.options;
export const PROFESSIONAL_EDUCATION = ProfessionalEducationSchema.options;
export const THEORY_LEVELS = TheoryLevelSchema.options;

/** Common ethnic groups, offered first; any other name can be typed. */
export const COMMON_ETHNICITIES = [
  "Kinh",
  "Tày",
  "Thái",
  "Mường",
  "Khmer",
  "Hoa",
  "Nùng",
  "Mông",
  "Dao",
  "Gia Rai",
  "Ê Đê",
  "Ba Na",
  "Sán Chay",
  "Chăm",
  "Sán Dìu",
];
export const COMMON_RELIGIONS = ["Không", "Phật giáo", "Công giáo", "Tin lành", "Cao Đài", "Hòa Hảo"];

export function statusOptions(t: TFunction) {
  return MEMBER_STATUSES.map((value) => ({ value, label: t(`members.status.${value}`) }));
}
export function ageBandOptions(t: TFunction) {
  return AGE_BANDS.map((value) => ({ value, label: t(`members.ageBand.${value}`) }));
}
export function educationOptions(t: TFunction) {
  return PROFESSIONAL_EDUCATION.map((value) => ({ value, label: t(`members.education.${value}`) }));
}
export function theoryOptions(t: TFunction) {
  return THEORY_LEVELS.map((value) => ({ value, label: t(`members.theory.${value}`) }));
}
export function sexOptions(t: TFunction) {
  return (["male", "female"] as const).map((value) => ({ value, label: t(`members.sex.${value}`) }));
}

export const STATUS_COLORS: Record<MemberStatus, string> = {
  probationary: "gold",
  full: "green",
  transferred_out: "blue",
  deceased: "default",
  name_deleted: "volcano",
  expelled: "red",
  left: "default",
};

/** Events that end membership in the system: the dialog asks to confirm before recording them. */
export const DESTRUCTIVE_EVENTS: ReadonlySet<MemberEventKind> = new Set([
  "transfer_external",
  "death",
  "name_deletion",
  "expulsion",
  "leaving",
]);
