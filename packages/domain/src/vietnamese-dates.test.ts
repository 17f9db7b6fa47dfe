import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDateVi } from "./dates.ts";
import { parseVietnameseDate, resolveTwoDigitYear, toExcelSerial } from "./vietnamese-dates.ts";

const REFERENCE = { referenceYear: 2025 };

describe("parseVietnameseDate", () => {
  it.each([
    ["25/10/2021", "2021-10-25"],
    ["5/3/2021", "2021-03-05"],
    ["05/03/2021", "2021-03-05"],
    ["25.10.2021", "2021-10-25"],
    ["25-10-2021", "2021-10-25"],
    [" 25 / 10 / 2021 ", "2021-10-25"],
    ["2021-10-25", "2021-10-25"],
    ["29/02/2024", "2024-02-29"],
    ["5/3/21", "2021-03-05"],
    ["5/3/25", "2025-03-05"],
    ["5/3/26", "1926-03-05"],
    ["12/8/75", "1975-08-12"],
    ["ngày 25 tháng 10 năm 2021", "2021-10-25"],
    ["Ngày  25  tháng 10 năm 2021", "2021-10-25"],
    ["25 tháng 10 năm 2021", "2021-10-25"],
    ["ngày 25 tháng 10 năm 2021".normalize("NFD"), "2021-10-25"],
    ["ngày mồng 5 tháng 3 năm 2021", "2021-03-05"],
    ["ngay 25 thang 10 nam 2021", "2021-10-25"],
    ["44494", "2021-10-25"],
    ["44494.5", "2021-10-25"],
  ])("reads %j as %s", (input, iso) => {
    expect(parseVietnameseDate(input, REFERENCE)).toEqual({ ok: true, iso });
  });

  it.each([
    [44494, "2021-10-25"],
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [25569, "1970-01-01"],
    [44494.75, "2021-10-25"],
  ])("reads Excel serial %d as %s", (serial, iso) => {
    expect(parseVietnameseDate(serial)).toEqual({ ok: true, iso });
  });

  it.each([
    ["", "EMPTY"],
    ["   ", "EMPTY"],
    ["31/02/2021", "INVALID_DATE"],
    ["29/02/2023", "INVALID_DATE"],
    ["00/01/2020", "INVALID_DATE"],
    ["10/25/2021", "INVALID_DATE"], // never month first
    ["32/01/2021", "INVALID_DATE"],
    ["2021-02-30", "INVALID_DATE"],
    ["25/10/2021 10:00", "FORMAT"],
    ["25/10-2021", "FORMAT"],
    ["25/10", "FORMAT"],
    ["hôm qua", "FORMAT"],
    ["25/10/202", "FORMAT"],
    ["-5", "FORMAT"],
    ["5/3/21", "AMBIGUOUS_YEAR"],
    ["1975", "YEAR_ONLY"],
    ["25/10/1850", "OUT_OF_RANGE"],
    ["25/10/2150", "OUT_OF_RANGE"],
    ["99999999", "OUT_OF_RANGE"],
  ])("rejects %j: %s", (input, reason) => {
    const options = reason === "AMBIGUOUS_YEAR" ? {} : REFERENCE;
    expect(parseVietnameseDate(input, options)).toEqual({ ok: false, reason });
  });

  it.each([
    [0, "FORMAT"],
    [-3, "FORMAT"],
    [Number.NaN, "FORMAT"],
    [Number.POSITIVE_INFINITY, "FORMAT"],
    [60, "INVALID_DATE"], // Excel's fictitious 29 February 1900
    [1975, "YEAR_ONLY"],
    [1e9, "OUT_OF_RANGE"],
  ])("rejects the number %d: %s", (input, reason) => {
    expect(parseVietnameseDate(input)).toEqual({ ok: false, reason });
  });

  it("honours a narrower year range", () => {
    expect(parseVietnameseDate("01/01/2030", { maxYear: 2026 })).toEqual({
      ok: false,
      reason: "OUT_OF_RANGE",
    });
  });

  const isoDate = fc
    .date({
      min: new Date("1900-03-01T00:00:00Z"),
      max: new Date("2100-12-31T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString().slice(0, 10));

  it("reads every accepted way of writing a date back to the same day", () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        const [y, m, d] = iso.split("-") as [string, string, string];
        const day = String(Number(d));
        const month = String(Number(m));
        const forms = [
          formatDateVi(iso),
          `${day}/${month}/${y}`,
          `${d}.${m}.${y}`,
          `${d}-${m}-${y}`,
          iso,
          `ngày ${day} tháng ${month} năm ${y}`,
          `ngày ${d} tháng ${m} năm ${y}`.normalize("NFD"),
          `${day} tháng ${month} năm ${y}`,
        ];
        const serial = toExcelSerial(iso);
        // Serials 1900–2100 (days of 1905) read as a bare year instead: see YEAR_ONLY.
        const serialReadsBack = (() => {
          if (serial >= 1900 && serial <= 2100) return true;
          const asNumber = parseVietnameseDate(serial);
          const asText = parseVietnameseDate(String(serial));
          return asNumber.ok && asNumber.iso === iso && asText.ok && asText.iso === iso;
        })();
        return (
          serialReadsBack &&
          forms.every((form) => {
            const result = parseVietnameseDate(form);
            return result.ok && result.iso === iso;
          })
        );
      }),
      { numRuns: 500 },
    );
  });

  it("reads two-digit years as the latest such year not after the reference year", () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1950, max: 2100 }), (iso, referenceYear) => {
        const year = Number(iso.slice(0, 4));
        fc.pre(year > referenceYear - 100 && year <= referenceYear);
        const [, m, d] = iso.split("-");
        const result = parseVietnameseDate(`${Number(d)}/${Number(m)}/${iso.slice(2, 4)}`, { referenceYear });
        return result.ok && result.iso === iso;
      }),
    );
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.double()), (input) => {
        parseVietnameseDate(input, REFERENCE);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("resolveTwoDigitYear", () => {
  it("pivots on the reference year", () => {
    expect(resolveTwoDigitYear(25, 2025)).toBe(2025);
    expect(resolveTwoDigitYear(26, 2025)).toBe(1926);
    expect(resolveTwoDigitYear(0, 2025)).toBe(2000);
    expect(resolveTwoDigitYear(99, 2025)).toBe(1999);
  });
});
