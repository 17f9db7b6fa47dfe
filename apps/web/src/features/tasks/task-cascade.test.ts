import { describe, expect, it } from "vitest";
import { checkDivision, divisionOf } from "./task-cascade.ts";

describe("dividing a task's target among organisations", () => {
  it("adds up when every organisation has its part and the parts make the target", () => {
    expect(checkDivision(120, [1, 2, 3], { 1: 40, 2: 40, 3: 40 })).toEqual({
      sum: 120,
      difference: 0,
      unfilled: 0,
      ok: true,
    });
  });

  it("says by how much the parts miss the target, either way", () => {
    expect(checkDivision(120, [1, 2, 3], { 1: 40, 2: 40, 3: 30 })).toMatchObject({
      difference: -10,
      ok: false,
    });
    expect(checkDivision(120, [1, 2, 3], { 1: 50, 2: 40, 3: 40 })).toMatchObject({
      difference: 10,
      ok: false,
    });
  });

  it("is not complete while an organisation has no part, even if the sum is reached", () => {
    expect(checkDivision(100, [1, 2], { 1: 100 })).toMatchObject({ sum: 100, unfilled: 1, ok: false });
  });

  it("adds fractions in hundredths (no 0.1 + 0.2 surprise)", () => {
    expect(checkDivision(0.3, [1, 2], { 1: 0.1, 2: 0.2 })).toMatchObject({ difference: 0, ok: true });
  });

  it("sends the parts in the organisations' order, or only the mode", () => {
    expect(divisionOf({ mode: "explicit", parts: { 2: 5, 1: 7 } }, [1, 2])).toEqual({
      mode: "explicit",
      parts: [
        { orgId: 1, targetValue: 7 },
        { orgId: 2, targetValue: 5 },
      ],
    });
    expect(divisionOf({ mode: "equal", parts: { 1: 3 } }, [1])).toEqual({ mode: "equal" });
  });
});
