import { describe, expect, it } from "vitest";
import { checkExplicitDivision, divideTargetEqually } from "./task-targets.ts";

describe("divideTargetEqually", () => {
  const cases: [number, number[], number[]][] = [
    [120, [1, 2, 3], [40, 40, 40]],
    [120, [1, 2, 3, 4, 5, 6, 7], [18, 17, 17, 17, 17, 17, 17]],
    [10, [1, 2, 3], [4, 3, 3]],
    [2, [1, 2, 3], [1, 1, 0]],
    [10.5, [1, 2], [5.5, 5]],
    [0, [1, 2], [0, 0]],
    [100, [9], [100]],
  ];
  it.each(cases)("%d among %j", (total, orgIds, expected) => {
    const parts = divideTargetEqually(total, orgIds);
    expect(orgIds.map((id) => parts.get(id))).toEqual(expected);
    expect(expected.reduce((a, b) => a + b, 0)).toBeCloseTo(total, 6);
  });
  it("divides among nobody into nothing", () => {
    expect(divideTargetEqually(5, []).size).toBe(0);
  });
});

describe("checkExplicitDivision", () => {
  it("accepts parts that add up exactly, even in hundredths", () => {
    const result = checkExplicitDivision(
      0.3,
      [1, 2],
      [
        { orgId: 1, targetValue: 0.1 },
        { orgId: 2, targetValue: 0.2 },
      ],
    );
    expect(result).toEqual({
      ok: true,
      parts: new Map([
        [1, 0.1],
        [2, 0.2],
      ]),
    });
  });
  it("names the difference when the parts do not add up", () => {
    expect(
      checkExplicitDivision(
        120,
        [1, 2],
        [
          { orgId: 1, targetValue: 50 },
          { orgId: 2, targetValue: 60 },
        ],
      ),
    ).toEqual({ ok: false, problems: [{ kind: "sum", difference: -10 }] });
    expect(checkExplicitDivision(100, [1], [{ orgId: 1, targetValue: 100.5 }])).toEqual({
      ok: false,
      problems: [{ kind: "sum", difference: 0.5 }],
    });
  });
  it("refuses parts for organisations not selected, twice, or missing", () => {
    const result = checkExplicitDivision(
      10,
      [1, 2],
      [
        { orgId: 1, targetValue: 5 },
        { orgId: 3, targetValue: 5 },
        { orgId: 1, targetValue: 5 },
      ],
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { kind: "unknown_org", index: 1, orgId: 3 },
        { kind: "duplicate_org", index: 2, orgId: 1 },
        { kind: "missing_org", orgId: 2 },
      ],
    });
  });
});
