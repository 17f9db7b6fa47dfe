// The "Giao cho cấp dưới" dialog's arithmetic: the division the person chose as the request's, and
// whether parts typed per organisation add up to the task's target (the server checks the same).
import type { TargetDivision } from "@namro/contracts";
import { checkExplicitDivision } from "@namro/domain";

export type DivisionMode = TargetDivision["mode"];

export interface DivisionState {
  mode: DivisionMode;
  /** Parts typed per organisation (explicit mode); a missing entry is not filled in yet. */
  parts: Readonly<Record<number, number | null | undefined>>;
}

export interface DivisionCheck {
  /** The sum of the parts typed. */
  sum: number;
  /** sum − target, rounded to hundredths: 0 when they add up. */
  difference: number;
  /** Organisations without a part. */
  unfilled: number;
  ok: boolean;
}

function cents(value: number): number {
  return Math.round(value * 100);
}

export function checkDivision(
  target: number,
  orgIds: readonly number[],
  parts: DivisionState["parts"],
): DivisionCheck {
  const given = orgIds.flatMap((orgId) => {
    const value = parts[orgId];
    return value === null || value === undefined ? [] : [{ orgId, targetValue: value }];
  });
  const sum = given.reduce((acc, part) => acc + cents(part.targetValue), 0) / 100;
  const unfilled = orgIds.length - given.length;
  const result = checkExplicitDivision(target, orgIds, given);
  return { sum, difference: (cents(sum) - cents(target)) / 100, unfilled, ok: result.ok && unfilled === 0 };
}

export function divisionOf(state: DivisionState, orgIds: readonly number[]): TargetDivision {
  if (state.mode !== "explicit") return { mode: state.mode };
  return {
    mode: "explicit",
    parts: orgIds.map((orgId) => ({ orgId, targetValue: state.parts[orgId] ?? 0 })),
  };
}
