import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatDocumentNumber,
  formatDocumentSymbol,
  formatStateDocumentNumber,
  parseDocumentNumber,
  parseStateDocumentNumber,
} from "./document-number.ts";
import {
  DEFAULT_DOCUMENT_TABLES,
  DEFAULT_PARTY_DOCUMENT_TYPES,
  DEFAULT_PARTY_ISSUERS,
  DEFAULT_STATE_DOCUMENT_TYPES,
  typeAbbreviationForName,
} from "./document-types.ts";

describe("default tables", () => {
  it("hold every type of DOMAIN.md §3 with its abbreviation", () => {
    const byName = new Map(
      DEFAULT_PARTY_DOCUMENT_TYPES.filter((t) => !t.legacy).map((t) => [t.name, t.abbreviation]),
    );
    expect(Object.fromEntries(byName)).toMatchObject({
      "Nghị quyết": "NQ",
      "Quyết định": "QĐ",
      "Quy định": "QĐ",
      "Chỉ thị": "CT",
      "Kết luận": "KL",
      "Quy chế": "QC",
      "Thông tri": "TT",
      "Hướng dẫn": "HD",
      "Thông báo": "TB",
      "Báo cáo": "BC",
      "Tờ trình": "TTr",
      "Kế hoạch": "KH",
      "Chương trình": "CTr",
      "Đề án": "ĐA",
      "Công văn": "CV",
      "Biên bản": "BB",
    });
    expect(DEFAULT_PARTY_DOCUMENT_TYPES.some((t) => t.abbreviation === "QĐi" && t.legacy)).toBe(true);
  });

  it("hold the issuer codes of DOMAIN.md §3", () => {
    const codes = DEFAULT_PARTY_ISSUERS.map((i) => i.code);
    for (const code of ["TW", "UBKTTW", "BTCTW", "VPTW", "BTGDVTW", "BCĐTW", "TU", "UBKTTU", "BTCTU", "VPTU"])
      expect(codes).toContain(code);
    for (const code of ["BTGDVTU", "HU", "QU", "ThU", "ĐU", "ĐUK", "CB", "ĐĐ", "BCSĐ", "BCĐ"])
      expect(codes).toContain(code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("names state types", () => {
    expect(DEFAULT_STATE_DOCUMENT_TYPES.find((t) => t.name === "Nghị định")?.abbreviation).toBe("NĐ");
  });

  it("finds an abbreviation by name, whatever the case, diacritics or tone placement", () => {
    expect(typeAbbreviationForName("Kết luận")).toBe("KL");
    expect(typeAbbreviationForName("ĐỀ ÁN")).toBe("ĐA");
    expect(typeAbbreviationForName("nghi dinh")).toBe("NĐ");
    expect(typeAbbreviationForName("Thư mời")).toBeNull();
  });
});

describe("parseDocumentNumber", () => {
  it.each([
    ["Số 21-KL/TW", { number: "21", type: "KL", issuers: ["TW"] }],
    ["21-KL/TW", { number: "21", type: "KL", issuers: ["TW"] }],
    ["số 05-CT/TW", { number: "05", type: "CT", issuers: ["TW"] }],
    ["  Số: 366-QĐ/TW ", { number: "366", type: "QĐ", issuers: ["TW"] }],
    ["Số 05-QC/BTCTU-BDVTU", { number: "05", type: "QC", issuers: ["BTCTU", "BDVTU"] }],
    ["Số 02-ĐA/TU", { number: "02", type: "ĐA", issuers: ["TU"] }],
    ["Số 165-TB/UBKTTW", { number: "165", type: "TB", issuers: ["UBKTTW"] }],
    ["Số 12-TTr/ThU", { number: "12", type: "TTr", issuers: ["ThU"] }],
    ["Số 43-HD/BTCTW", { number: "43", type: "HD", issuers: ["BTCTW"] }],
    ["Số 7-QĐi/TW", { number: "7", type: "QĐi", issuers: ["TW"] }],
    ["Số 09-KH/ĐU", { number: "09", type: "KH", issuers: ["ĐU"] }],
  ])("%s", (input, expected) => {
    expect(parseDocumentNumber(input)).toEqual({ ok: true, value: expected });
    expect(parseDocumentNumber(input.normalize("NFD"))).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["Số", "empty"],
    ["hello", "malformed"],
    ["21/KL-TW", "malformed"],
    ["21-KL", "malformed"],
    ["KL/TW", "malformed"],
    ["21-KL/TW/", "malformed"],
    ["21 - KL / TW", "malformed"],
    ["0912 345 678", "malformed"],
    ["25/10/2021", "malformed"],
    ["00-KL/TW", "invalid-number"],
    ["21-XX/TW", "unknown-type"],
    ["21-KL/ABC", "unknown-issuer"],
    ["21-KL/TW-XYZ", "unknown-issuer"],
  ])("rejects %j (%s)", (input, reason) => {
    expect(parseDocumentNumber(input)).toEqual({ ok: false, reason });
  });

  it("uses the tables it is given", () => {
    const tables = {
      ...DEFAULT_DOCUMENT_TABLES,
      partyIssuers: [
        ...DEFAULT_PARTY_ISSUERS,
        { code: "BKTTW", name: "Ban Kinh tế Trung ương", level: "central" as const },
      ],
    };
    expect(parseDocumentNumber("Số 03-BC/BKTTW").ok).toBe(false);
    expect(parseDocumentNumber("Số 03-BC/BKTTW", tables).ok).toBe(true);
  });

  it("never throws", () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const result = parseDocumentNumber(input);
        return typeof result.ok === "boolean";
      }),
    );
  });
});

describe("formatDocumentNumber", () => {
  it("adds 'Số' and the leading zero below 10", () => {
    expect(formatDocumentNumber({ number: "21", type: "KL", issuers: ["TW"] })).toBe("Số 21-KL/TW");
    expect(formatDocumentNumber({ number: "5", type: "CT", issuers: ["TW"] })).toBe("Số 05-CT/TW");
    expect(formatDocumentNumber({ number: "005", type: "CT", issuers: ["TW"] })).toBe("Số 05-CT/TW");
    expect(formatDocumentNumber({ number: "10", type: "CT", issuers: ["TW"] })).toBe("Số 10-CT/TW");
    expect(formatDocumentSymbol({ number: "5", type: "QC", issuers: ["BTCTU", "BDVTU"] })).toBe(
      "05-QC/BTCTU-BDVTU",
    );
  });

  const partyTypes = [...new Set(DEFAULT_PARTY_DOCUMENT_TYPES.map((t) => t.abbreviation))];
  const issuerCodes = DEFAULT_PARTY_ISSUERS.map((i) => i.code);
  const canonical = fc
    .record({
      number: fc.integer({ min: 1, max: 9999 }),
      type: fc.constantFrom(...partyTypes),
      issuers: fc.uniqueArray(fc.constantFrom(...issuerCodes), { minLength: 1, maxLength: 3 }),
    })
    .map(({ number, type, issuers }) => `Số ${String(number).padStart(2, "0")}-${type}/${issuers.join("-")}`);

  it("format(parse(x)) === x for canonical numbers", () => {
    fc.assert(
      fc.property(canonical, (text) => {
        const parsed = parseDocumentNumber(text);
        return parsed.ok && formatDocumentNumber(parsed.value) === text;
      }),
    );
  });
});

describe("state document numbers", () => {
  it.each([
    ["30/2020/NĐ-CP", { number: "30", year: 2020, type: "NĐ", issuers: ["CP"] }],
    ["Số: 30/2020/NĐ-CP", { number: "30", year: 2020, type: "NĐ", issuers: ["CP"] }],
    ["1234/QĐ-UBND", { number: "1234", year: null, type: "QĐ", issuers: ["UBND"] }],
    ["01/2021/TT-BNV", { number: "01", year: 2021, type: "TT", issuers: ["BNV"] }],
    ["05/2019/TTLT-BTC-BNV", { number: "05", year: 2019, type: "TTLT", issuers: ["BTC", "BNV"] }],
    ["138/QĐ-TTg", { number: "138", year: null, type: "QĐ", issuers: ["TTg"] }],
  ])("%s", (input, expected) => {
    expect(parseStateDocumentNumber(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["", "empty"],
    ["21-KL/TW", "malformed"],
    ["25/10/2021", "malformed"],
    ["1.234.000 đồng", "malformed"],
    ["0/2020/NĐ-CP", "invalid-number"],
    ["30/2020/XX-CP", "unknown-type"],
  ])("rejects %j (%s)", (input, reason) => {
    expect(parseStateDocumentNumber(input)).toEqual({ ok: false, reason });
  });

  const canonical = fc
    .record({
      number: fc.integer({ min: 1, max: 99999 }).map(String),
      year: fc.option(fc.integer({ min: 1945, max: 2100 }), { nil: null }),
      type: fc.constantFrom(...DEFAULT_STATE_DOCUMENT_TYPES.map((t) => t.abbreviation)),
      issuers: fc.constantFrom(["CP"], ["UBND"], ["TTg"], ["BTC", "BNV"]).map((codes) => [...codes]),
    })
    .map((parts) => formatStateDocumentNumber(parts));

  it("format(parse(x)) === x", () => {
    fc.assert(
      fc.property(canonical, (text) => {
        const parsed = parseStateDocumentNumber(text);
        return parsed.ok && formatStateDocumentNumber(parsed.value) === text;
      }),
    );
  });
});
