import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeTcvn3,
  decodeVni,
  detectLegacyEncoding,
  encodeTcvn3,
  encodeVni,
  toUnicodeVietnamese,
} from "./legacy-encodings.ts";

// Vowels with every tone, in lower case, plus consonants; TCVN3 has capitals only for these.
const VOWELS = Array.from("aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵ");
const CONSONANTS = Array.from("bcdđghklmnpqrstvx");
const TCVN3_CAPITALS = Array.from("ABCDEFGHIJKLMNOPQRSTUVWXYZĂÂÊÔƠƯĐ");
const SEPARATORS = [" ", " ", "  ", "0", "7", ",", ".", "-", "/", "(", ")", ":"];

const lowerLetter = fc.constantFrom(...VOWELS, ...CONSONANTS);
const anyLetter = fc.oneof(
  lowerLetter,
  lowerLetter.map((c) => c.toUpperCase()),
);
const separator = fc.constantFrom(...SEPARATORS);

/** Words of any Vietnamese letters in either case, separated by spaces, digits and punctuation. */
const vietnameseText = (letter: fc.Arbitrary<string>) =>
  fc
    .array(fc.tuple(fc.array(letter, { minLength: 1, maxLength: 7 }), separator), { maxLength: 8 })
    .map((words) => words.map(([chars, sep]) => chars.join("") + sep).join(""));

/**
 * Text as TCVN3 can hold it: lower-case letters, each word perhaps opened by a capital TCVN3 has a code
 * for. Text with no lower-case ASCII letter but two capitals reads as all caps, so it is left to the
 * all-caps property.
 */
const tcvn3Text = fc
  .array(
    fc.tuple(
      fc.option(fc.constantFrom(...TCVN3_CAPITALS), { nil: "" }),
      fc.array(lowerLetter, { minLength: 1, maxLength: 6 }),
      separator,
    ),
    { maxLength: 8 },
  )
  .map((words) => words.map(([capital, chars, sep]) => capital + chars.join("") + sep).join(""))
  .filter((text) => /[a-z]/.test(text) || (text.match(/[A-Z]/g)?.length ?? 0) < 2);

const NAMES = [
  "Nguyễn Văn Ánh",
  "Đặng Thị Thuỷ",
  "Trương Quốc Hưng",
  "Phạm Thị Hoà",
  "Lê Hữu Nghĩa",
  "Võ Thị Sáu",
  "Huỳnh Tấn Phát",
  "Thừa Thiên Huế",
  "Bà Rịa - Vũng Tàu",
  "Đắk Lắk",
  "Quảng Ngãi",
  "Xã Tân Hưng, huyện Cần Giuộc",
];

describe("TCVN3", () => {
  it.each([
    ["NguyÔn V¨n A", "Nguyễn Văn A"],
    ["§Æng ThÞ Thuû", "Đặng Thị Thuỷ"],
    ["Tr\u00ad¬ng Quèc H\u00adng", "Trương Quốc Hưng"],
    ["Hµ Néi", "Hà Nội"],
    ["Thõa Thiªn HuÕ", "Thừa Thiên Huế"],
    ["§¾k L¾k", "Đắk Lắk"],
    ["¤ng Lª V¨n", "Ông Lê Văn"],
  ])("decodes %s", (legacy, unicode) => {
    expect(decodeTcvn3(legacy)).toBe(unicode);
  });

  it("restores capitals of all-caps text typed with the .VnTimeH fonts", () => {
    expect(decodeTcvn3("NGUYÔN V¡N ¸NH")).toBe("NGUYỄN VĂN ÁNH");
    expect(decodeTcvn3("§¶NG Bé X· T¢N H\u00adNG")).toBe("ĐẢNG BỘ XÃ TÂN HƯNG");
    expect(decodeTcvn3("Hä vµ tªn: TR\u00ad¥NG Tõ")).toBe("Họ và tên: TRƯƠNG TỪ");
    expect(decodeTcvn3("NGUYÔN", { restoreCapitals: false })).toBe("NGUYễN");
  });

  it("keeps title-case words with one capital as written", () => {
    expect(decodeTcvn3("Tõ Lª Hå")).toBe("Từ Lê Hồ");
    // …which is also how the all-caps "TỪ LÊ HỒ" reads: without a word of two capital ASCII letters
    // there is nothing to tell the two apart.
    expect(decodeTcvn3(encodeTcvn3("TỪ LÊ HỒ"))).toBe("Từ LÊ Hồ");
    expect(decodeTcvn3("§ç")).toBe("Đỗ");
  });

  it("cannot recover a word-initial toned capital in mixed-case text (it needed a second font)", () => {
    expect(decodeTcvn3(encodeTcvn3("Nguyễn Văn Ánh"))).toBe("Nguyễn Văn ánh");
  });

  it.each(NAMES)("round-trips %s in lower and all-caps forms", (name) => {
    const lower = name.toLowerCase();
    expect(decodeTcvn3(encodeTcvn3(lower))).toBe(lower);
    expect(decodeTcvn3(encodeTcvn3(name.toUpperCase()))).toBe(name.toUpperCase());
  });

  it("decode(encode(s)) is s for text TCVN3 can hold", () => {
    fc.assert(
      fc.property(tcvn3Text, (text) => decodeTcvn3(encodeTcvn3(text)) === text.normalize("NFC")),
      {
        numRuns: 500,
      },
    );
  });

  it("decode(encode(s)) is s for all-caps text", () => {
    const allCaps = vietnameseText(lowerLetter)
      .map((text) => text.toUpperCase())
      // Needs one word with two ASCII letters to show the text is in capitals.
      .filter((text) => text.split(/[^A-ZÀ-Ỹ]+/u).some((word) => (word.match(/[A-Z]/g)?.length ?? 0) >= 2));
    fc.assert(
      fc.property(allCaps, (text) => decodeTcvn3(encodeTcvn3(text)) === text),
      { numRuns: 300 },
    );
  });

  it("accepts NFD input when encoding", () => {
    expect(encodeTcvn3("Nguyễn".normalize("NFD"))).toBe("NguyÔn");
  });
});

describe("VNI", () => {
  it.each([
    ["Nguye\u00e3n Va\u00ean A\u00d9nh", "Nguyễn Văn Ánh"],
    ["\u00d1a\u00ebng Th\u00f2 Thuy\u00fb", "Đặng Thị Thuỷ"],
    ["Tr\u00f6\u00f4ng Quo\u00e1c H\u00f6ng", "Trương Quốc Hưng"],
    ["Ha\u00f8 No\u00e4i", "Hà Nội"],
    ["NGUYE\u00c3N VA\u00caN A\u00d9NH", "NGUYỄN VĂN ÁNH"],
    ["\u00d1A\u00cbNG TH\u00d2 THUY\u00db", "ĐẶNG THỊ THUỶ"],
  ])("decodes %s", (legacy, unicode) => {
    expect(decodeVni(legacy)).toBe(unicode);
  });

  it("decodes a capital base letter followed by a lower-case mark", () => {
    expect(decodeVni("A\u00f9nh")).toBe("Ánh");
  });

  it.each(NAMES)("round-trips %s in every case form", (name) => {
    for (const form of [name, name.toLowerCase(), name.toUpperCase()]) {
      expect(decodeVni(encodeVni(form))).toBe(form);
    }
  });

  it("decode(encode(s)) is s for any Vietnamese text, both cases", () => {
    fc.assert(
      fc.property(vietnameseText(anyLetter), (text) => decodeVni(encodeVni(text)) === text.normalize("NFC")),
      { numRuns: 500 },
    );
  });
});

describe("detectLegacyEncoding", () => {
  it.each(NAMES)("recognises %s in TCVN3 and VNI", (name) => {
    const sample = `${name} ${NAMES[0]}`;
    expect(detectLegacyEncoding(encodeTcvn3(sample))).toBe("tcvn3");
    expect(detectLegacyEncoding(encodeVni(sample))).toBe("vni");
  });

  it("gives null for Unicode Vietnamese, in NFC and NFD", () => {
    for (const name of NAMES) {
      expect(detectLegacyEncoding(name)).toBeNull();
      expect(detectLegacyEncoding(name.normalize("NFD"))).toBeNull();
    }
    // Unicode words made only of Latin-1 letters must not pass for TCVN3 ("ú" is TCVN3 "ỳ").
    expect(detectLegacyEncoding("Lý Tú Cà Mau")).toBeNull();
    expect(detectLegacyEncoding("Tú Tú Lý Lý")).toBeNull();
  });

  it.each([
    "",
    "Nguyen Van A",
    "hello world",
    "Café Résumé",
    "Ça va très bien, garçon",
    "Müller Jürgen Straße",
    "José María Aznar",
    "© 2021 — “quoted”",
    "25/10/2021",
  ])("gives null for ASCII and other Latin-1 text: %s", (text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
  });

  it("does not decide on a single short word", () => {
    expect(detectLegacyEncoding("Hµ")).toBeNull();
    expect(detectLegacyEncoding("Haø")).toBeNull();
    expect(detectLegacyEncoding("Hµ", { minWords: 1 })).toBe("tcvn3");
  });

  const multiWord = vietnameseText(lowerLetter).filter((text) => {
    const words = new Set(text.split(/[^a-zà-ỹđ]+/u).filter((w) => /[^a-z]/.test(w)));
    return words.size >= 3;
  });

  it("never mistakes Unicode Vietnamese or ASCII for a legacy encoding", () => {
    fc.assert(
      fc.property(multiWord, (text) => detectLegacyEncoding(text) === null),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string(), (text) => detectLegacyEncoding(text) === null),
      { numRuns: 300 },
    );
  });

  it("recognises a column of encoded full names", () => {
    const surname = fc.constantFrom(
      ..."Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý".split(" "),
    );
    const middle = fc.constantFrom(..."Văn Thị Hữu Quốc Đức Minh Ngọc Thanh".split(" "));
    const given = fc.constantFrom(
      ..."Ánh Thuỷ Hưng Hoà Nghĩa Sáu Phát Lan Hương Tuấn Dũng Hải Long Yến".split(" "),
    );
    const column = fc
      .array(fc.tuple(surname, middle, given), { minLength: 3, maxLength: 8 })
      .map((names) => names.map((parts) => parts.join(" ")).join("\n"))
      // Evidence comes from words with diacritics; two such words can be ambiguous ("Vũ Lý" in TCVN3
      // reads "Vò Lý", which is also Unicode), so ask for three.
      .filter((text) => new Set(text.split(/\s+/).filter((word) => /[^A-Za-z]/.test(word))).size >= 3);
    fc.assert(
      fc.property(column, (text) => {
        return (
          detectLegacyEncoding(encodeTcvn3(text)) === "tcvn3" &&
          detectLegacyEncoding(encodeVni(text)) === "vni"
        );
      }),
      { numRuns: 500 },
    );
  });

  it("leaves two VNI words that read as well in TCVN3 undecided", () => {
    expect(detectLegacyEncoding(encodeVni("Nghĩa Hưng"))).toBeNull();
  });
});

describe("toUnicodeVietnamese", () => {
  it("converts legacy text and normalises Unicode to NFC", () => {
    expect(toUnicodeVietnamese("NguyÔn V¨n A")).toBe("Nguyễn Văn A");
    expect(toUnicodeVietnamese("Nguyeãn Vaên A")).toBe("Nguyễn Văn A");
    expect(toUnicodeVietnamese("Nguyễn Văn A".normalize("NFD"))).toBe("Nguyễn Văn A");
    expect(toUnicodeVietnamese("Nguyen Van A")).toBe("Nguyen Van A");
  });

  it("uses an encoding detected for a whole column on short cells", () => {
    expect(toUnicodeVietnamese("Hµ")).toBe("Hµ");
    expect(toUnicodeVietnamese("Hµ", "tcvn3")).toBe("Hà");
    expect(toUnicodeVietnamese("Haø", "vni")).toBe("Hà");
  });
});
