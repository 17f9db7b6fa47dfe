import { describe, expect, it } from "vitest";
import { patchStatisticsSearch, validateStatisticsSearch } from "./statistics-search.ts";

describe("statistics search", () => {
  it("keeps well-formed choices and drops the rest", () => {
    expect(
      validateStatisticsSearch({
        orgId: "12",
        asOf: "2025-06-30",
        period: "quarter",
        from: "2024-01-01",
        to: "x",
      }),
    ).toEqual({ orgId: 12, asOf: "2025-06-30", period: "quarter", from: "2024-01-01" });
    expect(validateStatisticsSearch({ orgId: -3, period: "week", asOf: "30/06/2025" })).toEqual({});
  });

  it("removes choices set to undefined", () => {
    expect(
      patchStatisticsSearch({ orgId: 5, period: "year" }, { orgId: undefined, asOf: "2025-01-01" }),
    ).toEqual({
      period: "year",
      asOf: "2025-01-01",
    });
  });
});
