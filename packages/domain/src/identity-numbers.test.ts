import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CITIZEN_ID_PROVINCES } from "./citizen-id-provinces.ts";
import {
  describeCitizenId,
  maskCitizenId,
  normalizeCardNumber,
  normalizeCitizenId,
  validateCitizenId,
} from "./identity-numbers.ts";

describe("validateCitizenId", () => {
  it("accepts a well-formed number consistent with the person", () => {
    // 001 Hà Nội, 1 = female born 1900–1999, 85 = 1985.
    expect(validateCitizenId("001185012345", { birthDate: "1985-06-01", sex: "female" })).toEqual([]);
    // 079 Hồ Chí Minh, 2 = male born 2000–2099, 03 = 2003.
    expect(validateCitizenId("079203012345", { birthDate: "2003-01-31", sex: "male" })).toEqual([]);
    expect(validateCitizenId(" 001 185 012 345 ")).toEqual([]);
  });

  it.each(["", "abc", "00118501234X", "0011850123456", "001-185-012-345", "12345678"])(
    "rejects %j as not 12 digits",
    (value) => {
      expect(validateCitizenId(value)).toEqual([{ code: "CITIZEN_ID_FORMAT", severity: "error" }]);
    },
  );

  it("recognises numbers whose leading zeros a spreadsheet dropped", () => {
    expect(validateCitizenId("1185012345")).toEqual([
      { code: "CITIZEN_ID_LEADING_ZEROS", severity: "error" },
    ]);
  });

  it("warns, without rejecting, about an unknown province code and disagreements with the person", () => {
    expect(validateCitizenId("003085012345")).toEqual([{ code: "CITIZEN_ID_PROVINCE", severity: "warning" }]);
    expect(validateCitizenId("001085012345", { birthDate: "1986-01-01" })).toEqual([
      { code: "CITIZEN_ID_BIRTH_MISMATCH", severity: "warning" },
    ]);
    // Right two digits, wrong century: 2 means born 2000–2099.
    expect(validateCitizenId("001285012345", { birthDate: "1985-01-01" })).toEqual([
      { code: "CITIZEN_ID_BIRTH_MISMATCH", severity: "warning" },
    ]);
    expect(validateCitizenId("001085012345", { sex: "female" })).toEqual([
      { code: "CITIZEN_ID_SEX_MISMATCH", severity: "warning" },
    ]);
  });

  it("keeps the 63 published province codes, all between 001 and 096", () => {
    expect(CITIZEN_ID_PROVINCES.size).toBe(63);
    for (const code of CITIZEN_ID_PROVINCES.keys()) expect(code >= "001" && code <= "096").toBe(true);
  });

  it("agrees with what it describes, for any consistent number", () => {
    const code = fc.constantFrom(...CITIZEN_ID_PROVINCES.keys());
    fc.assert(
      fc.property(
        code,
        fc.integer({ min: 1900, max: 2099 }),
        fc.constantFrom("male" as const, "female" as const),
        fc.stringMatching(/^\d{6}$/),
        (province, year, sex, serial) => {
          const digit = (year >= 2000 ? 2 : 0) + (sex === "female" ? 1 : 0);
          const id = `${province}${digit}${String(year % 100).padStart(2, "0")}${serial}`;
          const described = describeCitizenId(id);
          return (
            validateCitizenId(id, { birthDate: `${year}-05-01`, sex }).length === 0 &&
            described?.birthYear === year &&
            described.sex === sex &&
            described.provinceName !== null
          );
        },
      ),
    );
  });
});

describe("maskCitizenId", () => {
  it("keeps the first five and last two digits of a citizen ID", () => {
    expect(maskCitizenId("001234567890")).toBe("00123*****90");
    expect(maskCitizenId("001 234 567 890")).toBe("00123*****90");
  });

  it("shows no more of a malformed value than its last two characters", () => {
    expect(maskCitizenId("1234567890")).toBe("********90");
    expect(maskCitizenId("12")).toBe("**");
    expect(maskCitizenId("")).toBe("");
  });

  it("never shows more than seven characters", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const masked = maskCitizenId(value);
        return Array.from(masked).filter((c) => c !== "*").length <= 7;
      }),
    );
  });
});

describe("normalizeCitizenId and normalizeCardNumber", () => {
  it("drop whitespace and nothing else", () => {
    expect(normalizeCitizenId(" 001 234\t567890 ")).toBe("001234567890");
    expect(normalizeCardNumber(" 01.234\u00a0567 ")).toBe("01.234567");
    expect(normalizeCardNumber("AB-123")).toBe("AB-123");
  });
});
