// Personal data of a member record, as a form sends it, turned into the stored columns: NFC text,
// canonical numbers, search and sort keys, sensitive fields kept when the actor may not see them, and
// every broken rule reported with its field path.
import type { MemberPersonalData } from "@namro/contracts";
import {
  canonicalCardNumber,
  checkMemberRecord,
  normalizeCitizenId,
  normalizeText,
  toSearchKey,
  vietnameseNameSortKey,
} from "@namro/domain";
import { AppError } from "../../platform/errors.ts";
import { invalid } from "./members.record.ts";
import type { Executor } from "./members.repository.ts";
import * as repo from "./members.repository.ts";

/** The stored columns of personal data. */
export interface PersonalColumns {
  fullName: string;
  searchKey: string;
  sortKey: string;
  otherNames: string | null;
  sex: "male" | "female";
  birthDate: string;
  birthPlace: string | null;
  homeTown: string | null;
  ethnicity: string;
  religion: string;
  citizenId: string | null;
  cardNumber: string | null;
  admittedOn: string;
  fullMemberOn: string | null;
  educationGeneral: string | null;
  educationProfessional: MemberPersonalData["educationProfessional"];
  theoryLevel: MemberPersonalData["theoryLevel"];
  occupation: string | null;
  awards: string | null;
  discipline: string | null;
}

/** What is kept when the actor may not change sensitive fields (the stored values, or defaults). */
export interface SensitiveValues {
  citizenId: string | null;
  religion: string;
  discipline: string | null;
}

const text = (value: string | null | undefined): string | null =>
  value === null || value === undefined || value.trim() === "" ? null : normalizeText(value);

export function toColumns(
  data: MemberPersonalData,
  options: { canSetSensitive: boolean; kept: SensitiveValues; fullMemberOn: string | null },
): PersonalColumns {
  const fullName = normalizeText(data.fullName);
  const sensitive = options.canSetSensitive
    ? {
        citizenId: data.citizenId ? normalizeCitizenId(data.citizenId) : null,
        religion: text(data.religion) ?? options.kept.religion,
        discipline: text(data.discipline),
      }
    : options.kept;
  return {
    fullName,
    searchKey: toSearchKey(fullName),
    sortKey: vietnameseNameSortKey(fullName),
    otherNames: text(data.otherNames),
    sex: data.sex,
    birthDate: data.birthDate,
    birthPlace: text(data.birthPlace),
    homeTown: text(data.homeTown),
    ethnicity: text(data.ethnicity) ?? "Kinh",
    ...sensitive,
    cardNumber: data.cardNumber ? canonicalCardNumber(data.cardNumber) : null,
    admittedOn: data.admittedOn,
    fullMemberOn: options.fullMemberOn,
    educationGeneral: text(data.educationGeneral),
    educationProfessional: data.educationProfessional,
    theoryLevel: data.theoryLevel,
    occupation: text(data.occupation),
    awards: text(data.awards),
  };
}

/** 400 with every broken record rule (field paths under `body.`), then 409 for a taken ID or card number. */
export async function checkPersonalColumns(
  executor: Executor,
  columns: PersonalColumns,
  today: string,
  memberId: number | null,
): Promise<void> {
  const violations = checkMemberRecord(columns, today);
  if (violations.length > 0) {
    throw invalid(violations.map((v) => ({ path: `body.${v.field}`, code: v.code })));
  }
  if (columns.citizenId && (await repo.findHolder(executor, "citizenId", columns.citizenId, memberId))) {
    throw new AppError("MEMBER_CITIZEN_ID_TAKEN", {
      issues: [{ path: "body.citizenId", message: "MEMBER_CITIZEN_ID_TAKEN" }],
    });
  }
  if (columns.cardNumber && (await repo.findHolder(executor, "cardNumber", columns.cardNumber, memberId))) {
    throw new AppError("MEMBER_CARD_NUMBER_TAKEN", {
      issues: [{ path: "body.cardNumber", message: "MEMBER_CARD_NUMBER_TAKEN" }],
    });
  }
}

/** The fields whose values differ, as { before, after } for the audit log. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const diff = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  for (const [key, value] of Object.entries(after)) {
    if (key === "searchKey" || key === "sortKey") continue;
    if ((before[key] ?? null) !== (value ?? null)) {
      diff.before[key] = before[key] ?? null;
      diff.after[key] = value ?? null;
    }
  }
  return diff;
}
