import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRomanNumeral, toRomanNumeral } from "./roman-numerals.ts";

describe("roman numerals", () => {
  it.each([
    [1, "I"],
    [4, "IV"],
    [9, "IX"],
    [12, "XII"],
    [13, "XIII"],
    [14, "XIV"],
    [40, "XL"],
    [1999, "MCMXCIX"],
  ])("%i is %s", (value, numeral) => {
    expect(toRomanNumeral(value)).toBe(numeral);
    expect(parseRomanNumeral(numeral)).toBe(value);
  });

  it("rejects what is not a canonical numeral", () => {
    for (const bad of ["", "IIII", "IC", "xii", "XIIV", "VX", "ABC", "12"])
      expect(parseRomanNumeral(bad)).toBeNull();
    for (const bad of [0, -1, 4000, 1.5, Number.NaN]) expect(toRomanNumeral(bad)).toBeNull();
  });

  it("round-trips every value from 1 to 3999", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3999 }), (value) => {
        const numeral = toRomanNumeral(value);
        return numeral !== null && parseRomanNumeral(numeral) === value;
      }),
    );
  });
});
