import type { ClearSet } from "@namro/contracts";
import { describe, expect, it } from "vitest";
import { clearSetProblems, keyForLabel, moveRow, versionToSend } from "./clear-set-edit.ts";

describe("editing a clear-set", () => {
  it("makes a key from the Vietnamese label, unique in the set", () => {
    expect(keyForLabel("Rõ sản phẩm", new Set())).toBe("ro_san_pham");
    expect(keyForLabel("Rõ sản phẩm", new Set(["ro_san_pham"]))).toBe("ro_san_pham_2");
    expect(keyForLabel("Đúng hạn", new Set())).toBe("dung_han");
    expect(keyForLabel("123", new Set())).toBe("clear");
    expect(keyForLabel("  ", new Set(["clear"]))).toBe("clear_2");
  });

  it("moves a row up or down, not past the ends", () => {
    expect(moveRow(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moveRow(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
    expect(moveRow(["a", "b"], 0, -1)).toEqual(["a", "b"]);
  });

  it("refuses an empty set, more than ten clears and a clear without both labels", () => {
    const row = { key: "a", aspect: "job" as const, label: { vi: "Rõ việc", en: "Clear job" } };
    expect(clearSetProblems([row])).toEqual([]);
    expect(clearSetProblems([])).toEqual(["empty"]);
    expect(clearSetProblems(Array.from({ length: 11 }, () => row))).toEqual(["tooMany"]);
    expect(clearSetProblems([{ ...row, label: { vi: "x", en: " " } }])).toEqual(["label"]);
  });

  it("sends the own set's version, or none when the set is inherited", () => {
    const own = { orgId: 3, sourceOrgId: 3, version: 4 } as ClearSet;
    expect(versionToSend(own)).toBe(4);
    expect(versionToSend({ ...own, sourceOrgId: 1 })).toBeNull();
    expect(versionToSend({ ...own, sourceOrgId: null, version: null })).toBeNull();
  });
});
