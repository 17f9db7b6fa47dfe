// Dividing a task's numeric target among the organisations it is cascaded to: equally (whole units,
// the remainder to the first ones, so the parts add up exactly), or as given — and then the parts
// must add up to the target exactly. Amounts are counted in hundredths (numeric(14, 2)), so no
// floating-point error makes a division that adds up look as if it did not.

export type TargetDivisionProblem =
  | { kind: "sum" /** parts − target: positive when the parts exceed it. */; difference: number }
  | { kind: "unknown_org"; index: number; orgId: number }
  | { kind: "duplicate_org"; index: number; orgId: number }
  | { kind: "missing_org"; orgId: number };

export type TargetDivisionResult =
  | { ok: true; parts: Map<number, number> }
  | { ok: false; problems: TargetDivisionProblem[] };

function cents(value: number): number {
  return Math.round(value * 100);
}

/**
 * `total` among `orgIds` in order: each gets the same whole number of units, the first ones one unit
 * more until the whole units are used, and the first one any fraction left (120 among 7: 18, 17 × 6).
 */
export function divideTargetEqually(total: number, orgIds: readonly number[]): Map<number, number> {
  const parts = new Map<number, number>();
  const count = orgIds.length;
  if (count === 0) return parts;
  const totalCents = cents(total);
  const wholeUnits = Math.floor(totalCents / 100);
  const fraction = totalCents - wholeUnits * 100;
  const base = Math.floor(wholeUnits / count);
  const extra = wholeUnits - base * count;
  orgIds.forEach((orgId, index) => {
    const units = base + (index < extra ? 1 : 0);
    parts.set(orgId, (units * 100 + (index === 0 ? fraction : 0)) / 100);
  });
  return parts;
}

/** Parts given per organisation: one for each of `orgIds`, none for another, adding up to `total`. */
export function checkExplicitDivision(
  total: number,
  orgIds: readonly number[],
  given: readonly { orgId: number; targetValue: number }[],
): TargetDivisionResult {
  const wanted = new Set(orgIds);
  const parts = new Map<number, number>();
  const problems: TargetDivisionProblem[] = [];
  given.forEach((part, index) => {
    if (!wanted.has(part.orgId)) problems.push({ kind: "unknown_org", index, orgId: part.orgId });
    else if (parts.has(part.orgId)) problems.push({ kind: "duplicate_org", index, orgId: part.orgId });
    else parts.set(part.orgId, cents(part.targetValue) / 100);
  });
  for (const orgId of orgIds) {
    if (!parts.has(orgId) && !given.some((part) => part.orgId === orgId)) {
      problems.push({ kind: "missing_org", orgId });
    }
  }
  if (problems.length === 0) {
    const sum = [...parts.values()].reduce((acc, value) => acc + cents(value), 0);
    const difference = sum - cents(total);
    if (difference !== 0) problems.push({ kind: "sum", difference: difference / 100 });
  }
  return problems.length === 0 ? { ok: true, parts } : { ok: false, problems };
}
