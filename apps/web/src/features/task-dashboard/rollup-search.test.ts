import { describe, expect, it } from "vitest";
import {
  applyRollupPatch,
  isNarrowed,
  rollupExportQuery,
  scopeOrgSearch,
  validateRollupSearch,
} from "./rollup-search.ts";

describe("validateRollupSearch", () => {
  it("keeps well-formed values", () => {
    expect(validateRollupSearch({ orgId: "12", planId: 5, from: "2026-01-01", to: "2026-06-30" })).toEqual({
      orgId: 12,
      planId: 5,
      from: "2026-01-01",
      to: "2026-06-30",
    });
  });

  it("drops ids that are not positive integers", () => {
    expect(validateRollupSearch({ orgId: "x", planId: -3, directiveId: 1.5 })).toEqual({});
  });

  it("keeps the plan when both a plan and a directive are given", () => {
    expect(validateRollupSearch({ planId: 4, directiveId: 9 })).toEqual({ planId: 4 });
    expect(validateRollupSearch({ directiveId: 9 })).toEqual({ directiveId: 9 });
  });

  it("drops dates that do not exist or are not dates", () => {
    expect(validateRollupSearch({ from: "2026-02-31", to: "30/06/2026" })).toEqual({});
  });

  it("drops a period that ends before it starts", () => {
    expect(validateRollupSearch({ from: "2026-06-30", to: "2026-01-01" })).toEqual({});
    expect(validateRollupSearch({ from: "2026-06-30" })).toEqual({ from: "2026-06-30" });
  });
});

describe("applyRollupPatch", () => {
  it("drills to another organisation keeping the other choices", () => {
    expect(applyRollupPatch({ orgId: 1, planId: 2, from: "2026-01-01" }, { orgId: 7 })).toEqual({
      orgId: 7,
      planId: 2,
      from: "2026-01-01",
    });
  });

  it("swaps a plan for a directive and back", () => {
    expect(applyRollupPatch({ planId: 2 }, { directiveId: 3 })).toEqual({ directiveId: 3 });
    expect(applyRollupPatch({ directiveId: 3 }, { planId: 2 })).toEqual({ planId: 2 });
  });

  it("removes entries set to undefined", () => {
    expect(applyRollupPatch({ orgId: 1, planId: 2 }, { planId: undefined })).toEqual({ orgId: 1 });
  });
});

describe("isNarrowed", () => {
  it("is true only with a plan, a directive or a period", () => {
    expect(isNarrowed({ orgId: 1 })).toBe(false);
    expect(isNarrowed({ planId: 1 })).toBe(true);
    expect(isNarrowed({ directiveId: 1 })).toBe(true);
    expect(isNarrowed({ to: "2026-01-01" })).toBe(true);
  });
});

describe("the organisation sent for the figures shown", () => {
  it("is none for a reader's whole scope over several top organisations (not the first of them)", () => {
    const whole = { orgId: 7, wholeScope: true };
    expect(scopeOrgSearch(whole)).toEqual({});
    expect(rollupExportQuery({ planId: 3 }, whole)).toEqual({ planId: 3 });
  });

  it("is the organisation shown otherwise, chosen or the server's default", () => {
    const one = { orgId: 7, wholeScope: false };
    expect(scopeOrgSearch(one)).toEqual({ orgId: 7 });
    expect(rollupExportQuery({ from: "2026-01-01" }, one)).toEqual({ from: "2026-01-01", orgId: 7 });
    expect(rollupExportQuery({ orgId: 9 }, undefined)).toEqual({ orgId: 9 });
  });
});
