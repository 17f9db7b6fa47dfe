import type { DocumentType } from "@namro/contracts";
import { describe, expect, it } from "vitest";
import { issuerOptions, typeAbbreviationOptions, typeOptions } from "./reference-data-labels.ts";

const type = (id: number, abbreviation: string, nameVi: string, extra: Partial<DocumentType> = {}) => ({
  id,
  system: "party" as const,
  abbreviation,
  nameVi,
  nameEn: "",
  isPlan: false,
  legacy: false,
  sortOrder: id,
  ...extra,
});

describe("typeAbbreviationOptions", () => {
  it("offers a shared abbreviation once, naming every type that uses it", () => {
    const options = typeAbbreviationOptions(
      [type(2, "QĐ", "Quy định"), type(1, "QĐ", "Quyết định"), type(3, "KL", "Kết luận")],
      false,
    );
    expect(options).toEqual([
      { value: "QĐ", label: "QĐ — Quyết định, Quy định" },
      { value: "KL", label: "KL — Kết luận" },
    ]);
  });
});

describe("typeOptions", () => {
  it("groups by system and leaves legacy types out unless chosen", () => {
    const types = [
      type(1, "NQ", "Nghị quyết"),
      type(2, "QĐi", "Quy định", { legacy: true }),
      type(3, "NĐ", "Nghị định", { system: "state" }),
    ];
    expect(typeOptions(types, false)).toEqual([
      { system: "party", options: [{ value: 1, label: "Nghị quyết (NQ)" }] },
      { system: "state", options: [{ value: 3, label: "Nghị định (NĐ)" }] },
    ]);
    expect(typeOptions(types, false, 2)[0]?.options.map((option) => option.value)).toEqual([1, 2]);
  });

  it("uses the English name when there is one", () => {
    expect(typeOptions([type(1, "KL", "Kết luận", { nameEn: "Conclusion" })], true)[0]?.options).toEqual([
      { value: 1, label: "Conclusion (KL)" },
    ]);
  });
});

describe("issuerOptions", () => {
  it("orders by sort order and shows the code first", () => {
    expect(
      issuerOptions(
        [
          { code: "TU", nameVi: "Tỉnh ủy", nameEn: "", level: "province", legacy: false, sortOrder: 100 },
          { code: "TW", nameVi: "Trung ương", nameEn: "", level: "central", legacy: false, sortOrder: 10 },
        ],
        false,
      ).map((option) => option.label),
    ).toEqual(["TW — Trung ương", "TU — Tỉnh ủy"]);
  });
});
