// Which member fields are sensitive (seen only with member.sensitive) and how they look to everyone
// else: the one list and the one masking rule for the record, the list, the audit view, the export and
// the import, so a new sensitive field is added in one place.
import { maskCitizenId } from "../identity-numbers.ts";

/** Citizen ID, religion and discipline: visible only with member.sensitive over the member's cell. */
export const SENSITIVE_MEMBER_FIELDS = ["citizenId", "religion", "discipline"] as const;
export type SensitiveMemberField = (typeof SENSITIVE_MEMBER_FIELDS)[number];

const FIELD_BY_KEY: ReadonlyMap<string, SensitiveMemberField> = new Map(
  SENSITIVE_MEMBER_FIELDS.flatMap((field) => [
    [field, field],
    // Column spelling, as stored import rows and raw audit details carry it.
    [field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), field],
  ]),
);

/** The sensitive field a record key names (camelCase or snake_case), or null for any other key. */
export function sensitiveMemberFieldOf(key: string): SensitiveMemberField | null {
  return FIELD_BY_KEY.get(key) ?? null;
}

/**
 * A sensitive value as someone without member.sensitive sees it: a citizen ID keeps its first five and
 * last two digits ("00123*****90") so a clerk can tell records apart; religion and discipline are hidden
 * (null). Absent values stay absent; anything unexpected is hidden rather than shown.
 */
export function maskSensitiveMemberValue(field: SensitiveMemberField, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (field === "citizenId" && typeof value === "string") return maskCitizenId(value);
  return null;
}

/**
 * A shallow copy of `record` with its sensitive fields (camelCase or snake_case keys) masked, unless
 * `canSee`. Masks once: give it the stored values, never an already masked record.
 */
export function maskSensitiveMemberFields<T extends object>(record: T, canSee: boolean): T {
  if (canSee) return record;
  const masked: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  for (const [key, value] of Object.entries(masked)) {
    const field = sensitiveMemberFieldOf(key);
    if (field !== null) masked[key] = maskSensitiveMemberValue(field, value);
  }
  return masked as T;
}
