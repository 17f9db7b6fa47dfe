import { describe, expect, it } from "vitest";
import { validatePlanCheckerSearch } from "./plan-checker-search.ts";

describe("validatePlanCheckerSearch", () => {
  it("keeps a document id and drops anything else", () => {
    expect(validatePlanCheckerSearch({ document: "12" })).toEqual({ document: 12 });
    expect(validatePlanCheckerSearch({ document: 7 })).toEqual({ document: 7 });
    for (const document of ["0", "-3", "1.5", "abc", undefined, null])
      expect(validatePlanCheckerSearch({ document })).toEqual({});
  });
});
