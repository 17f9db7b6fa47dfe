// Vietnamese text handling shared by server and browser: every name enters as NFC and is searched by a
// key without diacritics, so "bac ninh" finds "Bắc Ninh" whatever form (NFC/NFD, old or new tone
// placement) the original was typed in.

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const WHITESPACE_RUN = /\s+/g;

/** NFC, trimmed, inner whitespace collapsed to single spaces. */
export function normalizeText(input: string): string {
  return input.normalize("NFC").replace(WHITESPACE_RUN, " ").trim();
}

/** Lower case, no diacritics, đ→d, single spaces: the form stored for search and typed by people. */
export function toSearchKey(input: string): string {
  return input
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(WHITESPACE_RUN, " ")
    .trim();
}

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

/** Compare two strings by Vietnamese rules (for sorting in Node and the browser). */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}
