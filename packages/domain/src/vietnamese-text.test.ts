import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareVietnamese, normalizeText, toSearchKey } from "./vietnamese-text.ts";

// Letters people write in Vietnamese names, with every tone and vowel mark, upper and lower case.
const VIETNAMESE_LETTERS = [
  ..."aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ",
];
const vietnameseText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...VIETNAMESE_LETTERS),
      fc.constantFrom(...VIETNAMESE_LETTERS).map((c) => c.toUpperCase()),
      fc.constantFrom(" ", "  ", "\t", "-", "0", "9"),
    ),
    { maxLength: 40 },
  )
  .map((chars) => chars.join(""));

describe("toSearchKey", () => {
  it("finds names typed without diacritics", () => {
    expect(toSearchKey("Bắc Ninh")).toBe("bac ninh");
    expect(toSearchKey("Đảng ủy xã Tân Hưng")).toBe("dang uy xa tan hung");
    expect(toSearchKey("  ĐẢNG   ỦY  ")).toBe("dang uy");
  });

  it("ignores old and new tone-mark placement and NFD input", () => {
    expect(toSearchKey("Nguyễn Thị Hoà")).toBe(toSearchKey("Nguyễn Thị Hòa"));
    expect(toSearchKey("thuỷ".normalize("NFD"))).toBe(toSearchKey("thủy"));
  });

  it("is idempotent", () => {
    fc.assert(fc.property(vietnameseText, (text) => toSearchKey(toSearchKey(text)) === toSearchKey(text)));
  });

  it("gives the same key for NFC and NFD forms", () => {
    fc.assert(
      fc.property(
        vietnameseText,
        (text) => toSearchKey(text.normalize("NFD")) === toSearchKey(text.normalize("NFC")),
      ),
    );
  });

  it("leaves only lower-case ASCII letters, digits, spaces and punctuation", () => {
    fc.assert(
      fc.property(vietnameseText, (text) => {
        const key = toSearchKey(text);
        return /^[a-z0-9 -]*$/.test(key) && !key.startsWith(" ") && !key.endsWith(" ") && !key.includes("  ");
      }),
    );
  });

  it("keeps every word: the key of a phrase is the keys of its words joined", () => {
    fc.assert(
      fc.property(
        fc.array(
          vietnameseText.filter((w) => toSearchKey(w) !== ""),
          { minLength: 1, maxLength: 5 },
        ),
        (words) => {
          const joined = toSearchKey(words.join(" "));
          return joined === words.map(toSearchKey).join(" ");
        },
      ),
    );
  });
});

describe("normalizeText", () => {
  it("stores NFC with collapsed whitespace", () => {
    const nfd = "  Bắc   Ninh ".normalize("NFD");
    expect(normalizeText(nfd)).toBe("Bắc Ninh".normalize("NFC"));
  });
});

describe("compareVietnamese", () => {
  it("sorts by Vietnamese rules, numbers naturally", () => {
    const names = ["Đông", "Dương", "An", "Ă", "Bình", "Chi bộ 10", "Chi bộ 2"];
    expect([...names].sort(compareVietnamese)).toEqual([
      "An",
      "Ă",
      "Bình",
      "Chi bộ 2",
      "Chi bộ 10",
      "Dương",
      "Đông",
    ]);
  });
});
