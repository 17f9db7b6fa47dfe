// Editing a committee's clear-set: rows in order, a stable key made from the Vietnamese label for a new
// clear (people never type keys), and the checks the server makes (unique keys, 1 to 10 clears).
import type { ClearSet } from "@namro/contracts";
import { toSearchKey } from "@namro/domain";

export type ClearAspectValue = ClearSet["clears"][number]["aspect"];
export const CLEAR_ASPECTS: readonly ClearAspectValue[] = [
  "person",
  "job",
  "time",
  "responsibility",
  "result",
];
export const MAX_CLEARS = 10;

export interface ClearRow {
  key: string;
  aspect: ClearAspectValue;
  label: { vi: string; en: string };
}

/** "Rõ sản phẩm" → "ro_san_pham"; made unique among `taken` with a number ("ro_san_pham_2"). */
export function keyForLabel(label: string, taken: ReadonlySet<string>): string {
  const slug = toSearchKey(label)
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .replace(/^[^a-z]+/, "")
    .slice(0, 34);
  const base = slug === "" ? "clear" : slug;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function moveRow<T>(rows: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= rows.length) return [...rows];
  const next = [...rows];
  const [row] = next.splice(index, 1);
  next.splice(target, 0, row as T);
  return next;
}

export type ClearSetProblem = "empty" | "tooMany" | "label";

/** What stops the set from being saved, checked before sending. */
export function clearSetProblems(rows: readonly ClearRow[]): ClearSetProblem[] {
  const problems: ClearSetProblem[] = [];
  if (rows.length === 0) problems.push("empty");
  if (rows.length > MAX_CLEARS) problems.push("tooMany");
  if (rows.some((row) => row.label.vi.trim() === "" || row.label.en.trim() === "")) problems.push("label");
  return problems;
}

/** The version to send: the organisation's own set's, or null when it has none yet (inherited). */
export function versionToSend(set: ClearSet): number | null {
  return set.sourceOrgId === set.orgId ? set.version : null;
}
