import { describe, expect, it } from "vitest";
import {
  ancestorIds,
  compareSearchHits,
  latestDate,
  pathIds,
  visibleAncestorIds,
} from "./organisations.tree.ts";

describe("organisation path helpers", () => {
  it("splits paths into ids", () => {
    expect(pathIds("1.5.9")).toEqual([1, 5, 9]);
    expect(ancestorIds("1.5.9")).toEqual([1, 5]);
    expect(ancestorIds("7")).toEqual([]);
  });

  it("keeps only ancestors inside the visible subtrees", () => {
    expect(visibleAncestorIds("1.5.9.12", ["1.5"])).toEqual([5, 9]);
    expect(visibleAncestorIds("1.5.9.12", ["1"])).toEqual([1, 5, 9]);
    expect(visibleAncestorIds("1.5.9", ["1.5.9"])).toEqual([]);
    // "1.50" is not inside "1.5".
    expect(visibleAncestorIds("1.50.9", ["1.5"])).toEqual([]);
  });

  it("finds the latest date", () => {
    expect(latestDate(["2024-01-01", null, "2025-07-01", undefined, "2025-01-01"])).toBe("2025-07-01");
    expect(latestDate([null])).toBeNull();
  });

  it("orders search hits by match kind, length, then Vietnamese order", () => {
    const hits = [
      { rank: 3, name: "Đảng ủy xã Bắc Ninh Mới" },
      { rank: 1, name: "Bắc Ninh B" },
      { rank: 1, name: "Bắc Ninh A" },
      { rank: 0, name: "Bắc Ninh xã" },
    ];
    expect(hits.sort(compareSearchHits).map((h) => h.name)).toEqual([
      "Bắc Ninh xã",
      "Bắc Ninh A",
      "Bắc Ninh B",
      "Đảng ủy xã Bắc Ninh Mới",
    ]);
  });
});
