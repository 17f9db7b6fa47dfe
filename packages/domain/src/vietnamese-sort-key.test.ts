import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { vietnameseNameSortKey, vietnameseSortKey } from "./vietnamese-sort-key.ts";

const byKey = (key: (s: string) => string) => (a: string, b: string) =>
  key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

describe("vietnameseSortKey", () => {
  it("orders letters by the Vietnamese alphabet, not by code point", () => {
    const words = ["đào", "dương", "ân", "an", "ăn", "bình", "ơn", "ôn", "on", "ưng", "uy"];
    expect([...words].sort(byKey(vietnameseSortKey))).toEqual([
      "an",
      "ăn",
      "ân",
      "bình",
      "dương",
      "đào",
      "on",
      "ôn",
      "ơn",
      "uy",
      "ưng",
    ]);
  });

  it("uses tones only to break ties, in the order ngang, huyền, hỏi, ngã, sắc, nặng", () => {
    const words = ["mạ", "má", "mã", "mả", "mà", "ma", "mai"];
    expect([...words].sort(byKey(vietnameseSortKey))).toEqual(["ma", "mà", "mả", "mã", "má", "mạ", "mai"]);
  });

  it("puts a shorter word before its extensions", () => {
    expect(vietnameseSortKey("An") < vietnameseSortKey("An Bình")).toBe(true);
    expect(vietnameseSortKey("An Bình") < vietnameseSortKey("Anh")).toBe(true);
  });

  it("gives the same key to NFC and NFD forms and to either tone placement", () => {
    fc.assert(
      fc.property(fc.constantFrom("Nguyễn Thị Hòa", "Trần Thủy", "Lê Văn Quý", "Đặng Hoàng Yến"), (name) => {
        expect(vietnameseSortKey(name.normalize("NFD"))).toBe(vietnameseSortKey(name));
      }),
    );
    expect(vietnameseSortKey("Hoà")).toBe(vietnameseSortKey("Hòa"));
    expect(vietnameseSortKey("Thuỷ")).toBe(vietnameseSortKey("Thủy"));
  });
});

describe("vietnameseNameSortKey", () => {
  it("sorts people by given name first, as Vietnamese lists do", () => {
    const names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn An", "Nguyễn Văn Đức", "Phạm Thị Dung"];
    expect([...names].sort(byKey(vietnameseNameSortKey))).toEqual([
      "Lê Văn An",
      "Nguyễn Thị An",
      "Trần Văn Bình",
      "Phạm Thị Dung",
      "Nguyễn Văn Đức",
    ]);
  });

  it('keeps only printable ASCII, safe for COPY and COLLATE "C"', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(vietnameseNameSortKey(text)).toMatch(/^[\x20-\x7e]*$/);
      }),
    );
  });
});
