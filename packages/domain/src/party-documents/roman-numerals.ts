// Roman numerals name Party congresses and committee terms ("Đại hội XIV", "khóa XII").

const VALUES: readonly (readonly [string, number])[] = [
  ["M", 1000],
  ["CM", 900],
  ["D", 500],
  ["CD", 400],
  ["C", 100],
  ["XC", 90],
  ["L", 50],
  ["XL", 40],
  ["X", 10],
  ["IX", 9],
  ["V", 5],
  ["IV", 4],
  ["I", 1],
];

/** Pattern source for one canonical numeral (1–3999), non-empty; embed it inside larger patterns. */
export const ROMAN_NUMERAL_PATTERN =
  "(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})";

const CANONICAL = new RegExp(`^${ROMAN_NUMERAL_PATTERN}$`);

/** 1–3999 → "XIV"; null outside that range or for non-integers. */
export function toRomanNumeral(value: number): string | null {
  if (!Number.isInteger(value) || value < 1 || value > 3999) return null;
  let rest = value;
  let out = "";
  for (const [symbol, amount] of VALUES) {
    while (rest >= amount) {
      out += symbol;
      rest -= amount;
    }
  }
  return out;
}

/** "XIV" → 14; null unless the input is a canonical upper-case numeral. */
export function parseRomanNumeral(input: string): number | null {
  if (!CANONICAL.test(input)) return null;
  let total = 0;
  let index = 0;
  for (const [symbol, amount] of VALUES) {
    while (input.startsWith(symbol, index)) {
      total += amount;
      index += symbol.length;
    }
  }
  return total;
}
