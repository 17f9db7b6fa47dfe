// Old Vietnamese spreadsheets were typed with 8-bit fonts (TCVN3/ABC ".VnTime", VNI-Windows "VNI-Times").
// Read as text, each byte became one Latin-1/Windows-1252 character, giving "NguyÔn V¨n A" (TCVN3) or
// "Nguyeãn Vaên A" (VNI). This module recognises such text and turns it back into Unicode (NFC).
//
// Capitals in TCVN3: the encoding has codes only for lower-case toned letters plus Ă Â Ê Ô Ơ Ư Đ. All-caps
// text was typed with the ".VnTimeH" fonts, which draw the very same codes as capitals, so the font — lost
// in a spreadsheet cell — was the only thing that made "NGUYÔN" read "NGUYỄN". decodeTcvn3 restores
// capitals from the surrounding ASCII letters (see restoreTcvn3Capitals); a word-initial toned capital in
// mixed-case text ("¸nh" typed for "Ánh" with a second font) cannot be recovered and stays lower case.

import { TCVN3_PAIRS, VIETNAMESE_VOWELS, VNI_PAIRS } from "./legacy-encoding-tables.ts";

export type LegacyEncoding = "tcvn3" | "vni";

const TCVN3_TO_UNICODE = new Map(TCVN3_PAIRS.map(([unicode, legacy]) => [legacy, unicode]));
const UNICODE_TO_TCVN3 = new Map(TCVN3_PAIRS);
const VNI_TO_UNICODE = new Map(VNI_PAIRS.map(([unicode, legacy]) => [legacy, unicode]));
const UNICODE_TO_VNI = new Map(VNI_PAIRS);

// ---------------------------------------------------------------------------------------------- encode

/** Unicode → TCVN3 as Latin-1 text. Toned capitals without a code of their own take the lower-case code. */
export function encodeTcvn3(text: string): string {
  let out = "";
  for (const char of text.normalize("NFC")) {
    out += UNICODE_TO_TCVN3.get(char) ?? UNICODE_TO_TCVN3.get(char.toLowerCase()) ?? char;
  }
  return out;
}

/** Unicode → VNI-Windows as Latin-1 text. */
export function encodeVni(text: string): string {
  let out = "";
  for (const char of text.normalize("NFC")) out += UNICODE_TO_VNI.get(char) ?? char;
  return out;
}

// ---------------------------------------------------------------------------------------------- decode

export interface Tcvn3DecodeOptions {
  /** Upper-case toned letters inside all-caps text (default true); see restoreTcvn3Capitals. */
  readonly restoreCapitals?: boolean;
}

/** TCVN3 (as Latin-1 text) → Unicode NFC. Characters outside the table pass through unchanged. */
export function decodeTcvn3(text: string, options: Tcvn3DecodeOptions = {}): string {
  let out = "";
  for (const char of text) out += TCVN3_TO_UNICODE.get(char) ?? char;
  return (options.restoreCapitals === false ? out : restoreTcvn3Capitals(text, out)).normalize("NFC");
}

/** VNI-Windows (as Latin-1 text) → Unicode NFC. A base letter followed by a mark of the other case still
 * decodes (the case of the base letter wins), since keyboards and fonts were not always consistent. */
export function decodeVni(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const pair = text.slice(i, i + 2);
    const twoChar = pair.length === 2 ? vniPair(pair) : undefined;
    if (twoChar !== undefined) {
      out += twoChar;
      i++;
      continue;
    }
    const char = text.charAt(i);
    out += VNI_TO_UNICODE.get(char) ?? char;
  }
  return out.normalize("NFC");
}

function vniPair(pair: string): string | undefined {
  const exact = VNI_TO_UNICODE.get(pair);
  if (exact !== undefined) return exact;
  const base = pair.charAt(0);
  const lower = VNI_TO_UNICODE.get(pair.toLowerCase());
  if (lower === undefined) return undefined;
  return base === base.toLowerCase() ? lower : lower.toUpperCase();
}

// Words are runs of ASCII letters and Latin-1 characters (TCVN3 uses × ÷ ¨ ª « ¬ and others as letters).
const LEGACY_WORD = /[A-Za-z\u00a1-\u00ff]+/g;
const ASCII_UPPER = /[A-Z]/g;
const ASCII_LOWER = /[a-z]/;

type WordCase = "upper" | "lower" | "unknown";

function wordCase(rawWord: string): WordCase {
  if (ASCII_LOWER.test(rawWord)) return "lower";
  return (rawWord.match(ASCII_UPPER)?.length ?? 0) >= 2 ? "upper" : "unknown";
}

/**
 * Decides, from the raw TCVN3 text, which decoded words were meant as capitals: a word with two or more
 * ASCII letters, all upper case, is capitals ("NGUYÔN" → "NGUYỄN"); a word with at most one upper-case
 * ASCII letter ("Tõ", "§ç") follows its nearest such neighbour ("NGUYÔN V¡N Tõ" → "NGUYỄN VĂN TỪ"), and
 * stays as decoded when there is none ("Tõ Lª Hå" → "Từ Lê Hồ", whether or not it was typed in capitals).
 */
function restoreTcvn3Capitals(raw: string, decoded: string): string {
  // Decoding is one character for one character, so word positions in raw and decoded text coincide.
  const words = [...raw.matchAll(LEGACY_WORD)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    kind: wordCase(m[0]),
  }));
  const upper = words.map((word, index) => {
    if (word.kind !== "unknown") return word.kind === "upper";
    const left = words.slice(0, index).findLast((w) => w.kind !== "unknown");
    const right = words.slice(index + 1).find((w) => w.kind !== "unknown");
    return left?.kind === "upper" || right?.kind === "upper";
  });
  let out = "";
  let last = 0;
  words.forEach((word, index) => {
    out += decoded.slice(last, word.start);
    const text = decoded.slice(word.start, word.end);
    out += upper[index] ? text.toUpperCase() : text;
    last = word.end;
  });
  return out + decoded.slice(last);
}

// ------------------------------------------------------------------------------------------- detection

// Characters above Latin-1 that a Windows-1252 reading of legacy bytes 0x80–0x9F can still produce
// (curly quotes, dashes, …): they do not prove the text is Unicode.
const WINDOWS_1252_EXTRAS = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const LATIN1_HIGH = /[\u00a1-\u00ff]/;

// Latin-1 characters that an encoding uses but that are not Vietnamese letters in Unicode ("¨" of
// "V¨n", "ø" of "Haø"): a word holding one cannot be Unicode Vietnamese, whatever it looks like.
const UNICODE_LATIN1_LETTERS = new Set(
  [...VIETNAMESE_VOWELS, ...VIETNAMESE_VOWELS.map((v) => v.toUpperCase())].filter((c) => c <= "\u00ff"),
);
const foreignTo = (legacy: Iterable<string>) =>
  new Set(
    [...legacy]
      .flatMap((code) => Array.from(code))
      .filter((c) => c > "\u00a0" && !UNICODE_LATIN1_LETTERS.has(c)),
  );
const LOWER_THEN_LATIN1_CAPITAL = /[a-z][\u00c0-\u00de]/;
const A_OR_E_THEN_LATIN1 = /[aeAE][\u00c0-\u00ff]/;
const TCVN3_ONLY = foreignTo(TCVN3_TO_UNICODE.keys());
const VNI_ONLY = foreignTo(VNI_TO_UNICODE.keys());

const INITIALS = "ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnpqrstvx]";
// Vowel nuclei by what may follow them: a final consonant always, optionally, or never (those ending in
// a semivowel). The loanword nucleus "oo" (xoong) is left out: as written it mostly comes from VNI
// ("Voõ" = Võ).
const NEEDS_FINAL = "uyê|iê|yê|uô|ươ|oă|uâ|[ăâ]";
const CLOSABLE = "oa|oe|uê|uy|uơ|[aeêioôơuưy]";
const OPEN =
  "iêu|yêu|oai|oay|oao|oeo|uây|uôi|uya|uyu|ươi|ươu|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu";
const FINAL = "ch|ng|nh|[cmnptk]";
const SYLLABLE = new RegExp(
  `^(${INITIALS})?(?:(${NEEDS_FINAL})(${FINAL})|(${CLOSABLE})(${FINAL})?|(${OPEN}))$`,
);
const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/g;
const TONE_MARK_ONE = /[\u0300\u0301\u0303\u0309\u0323]/;
// "k" closes a few names from minority languages (Đắk Lắk).
const STOP_FINAL = /^(?:ch|[cptk])$/;
const STOP_TONES = /^[\u0301\u0323]$/;
// Palatal finals follow front vowels only (anh, ênh, inh, oanh, uynh; ach, êch, ich), velar ones never
// follow them (no "ing", "êng", "ic").
const PALATAL_NUCLEI = new Set(["a", "ê", "i", "oa", "uê", "uy"]);
const FRONT_NUCLEI = new Set(["i", "ê", "y", "uê", "uy"]);

/**
 * Whether a (Unicode) word is a well-formed Vietnamese syllable: initial, vowel nucleus, final, at most
 * one tone, placed where Vietnamese puts it (old or new style), a stop final (c, ch, p, t, k) only with
 * the acute or dot-below tone, palatal and velar finals only after the vowels that take them.
 */
function isVietnameseSyllable(word: string): boolean {
  const letters = Array.from(word.toLowerCase().normalize("NFC"));
  const tones: string[] = [];
  let tonedAt = -1;
  const toneless = letters
    .map((letter, index) => {
      const decomposed = letter.normalize("NFD");
      const tone = decomposed.match(TONE_MARK_ONE)?.[0];
      if (tone === undefined) return letter;
      tones.push(tone);
      tonedAt = index;
      return decomposed.replace(TONE_MARK, "").normalize("NFC");
    })
    .join("");
  if (tones.length > 1) return false;
  const match = SYLLABLE.exec(toneless);
  if (!match) return false;
  const [, initial = "", needsFinal, closedFinal, closable, closableFinal, open] = match;
  const nucleus = needsFinal ?? closable ?? open ?? "";
  const final = closedFinal ?? closableFinal;
  if (tonedAt >= 0 && !toneWellPlaced(tonedAt - initial.length, nucleus, final, open !== undefined))
    return false;
  if (final === undefined) return true;
  if ((final === "nh" || final === "ch") && !PALATAL_NUCLEI.has(nucleus)) return false;
  if ((final === "ng" || final === "c") && FRONT_NUCLEI.has(nucleus)) return false;
  return !STOP_FINAL.test(final) || STOP_TONES.test(tones[0] ?? "");
}

/** The tone sits on the main vowel: the first of an open pair ("mía"), the middle of a triple ("người"),
 * the last before a final ("tiếng", "hoàn"); "oa", "oe", "uy" without a final take it on either. */
function toneWellPlaced(at: number, nucleus: string, final: string | undefined, open: boolean): boolean {
  const length = Array.from(nucleus).length;
  if (at < 0 || at >= length) return false;
  if (length === 1) return true;
  if (open) return at === (length === 2 ? 0 : 1);
  if (final !== undefined) return at === length - 1;
  return true;
}

export interface DetectionOptions {
  /** Least number of distinct words that must decode to Vietnamese syllables (default 2). */
  readonly minWords?: number;
}

/**
 * Which legacy encoding a text is in, or null when it is not clearly one (plain ASCII, Unicode text, or
 * too little evidence). Heuristic, per word that contains a Latin-1 letter or symbol:
 * - any character above U+00FF (other than Windows-1252 punctuation) means Unicode: null;
 * - a word is evidence for an encoding when its decoding is a well-formed Vietnamese syllable, and
 *   evidence for Unicode when it already is one as written ("Lý", "Tú") — unless the words hold a
 *   character the encoding uses that is no Vietnamese letter in Unicode ("¨", "ø") or, for TCVN3, a
 *   Latin-1 capital right after a lower-case letter ("NguyÔn"), for VNI a Latin-1 letter right after
 *   "a" or "e" ("Vaên"), which rules Unicode out;
 * - an encoding wins when at least `minWords` distinct words (default 2) support it, they are at least
 *   60 % of the words with Latin-1 characters, more than those supporting the other encoding (or as many,
 *   with more words that only it explains), and — unless Unicode is ruled out — more than twice the
 *   words supporting Unicode. Some VNI words read as well in TCVN3 ("Thò" = thị / thũ), and text made
 *   only of letters such as "ó", "ò", "ý" is also plain Unicode, so a few words can stay undecided.
 * Short strings therefore give null: detect on a whole column (cells joined by spaces) for best results.
 */
export function detectLegacyEncoding(text: string, options: DetectionOptions = {}): LegacyEncoding | null {
  const minWords = options.minWords ?? 2;
  for (const char of text) {
    if ((char.codePointAt(0) ?? 0) > 0xff && !WINDOWS_1252_EXTRAS.has(char)) return null;
  }
  if (!LATIN1_HIGH.test(text)) return null;
  const candidates = new Set(
    [...text.matchAll(LEGACY_WORD)].map((m) => m[0]).filter((word) => LATIN1_HIGH.test(word)),
  );
  if (candidates.size === 0) return null;
  const score = { tcvn3: 0, vni: 0, unicode: 0, onlyTcvn3: 0, onlyVni: 0 };
  const allCandidates = [...candidates].join("");
  const notUnicode = {
    // TCVN3 writes lower-case toned letters with what Latin-1 calls capitals: "NguyÔn", "ThÞ".
    tcvn3:
      Array.from(allCandidates).some((c) => TCVN3_ONLY.has(c)) ||
      LOWER_THEN_LATIN1_CAPITAL.test(allCandidates),
    // VNI follows "a" and "e" with a mark ("Vaên", "Nguyeãn"); no Unicode Vietnamese vowel pair does.
    vni: Array.from(allCandidates).some((c) => VNI_ONLY.has(c)) || A_OR_E_THEN_LATIN1.test(allCandidates),
  };
  for (const word of candidates) {
    const asUnicode = isVietnameseSyllable(word);
    const tcvn3Word = decodeTcvn3(word, { restoreCapitals: false });
    const asTcvn3 = isVietnameseSyllable(tcvn3Word);
    const asVni = isVietnameseSyllable(decodeVni(word));
    if (asUnicode) score.unicode++;
    if (asTcvn3) score.tcvn3++;
    if (asVni) score.vni++;
    if (asTcvn3 && !asVni && !asUnicode) score.onlyTcvn3++;
    if (asVni && !asTcvn3 && !asUnicode) score.onlyVni++;
  }
  const wins = (mine: number, other: number, onlyMine: number, onlyOther: number, unicodeRuledOut: boolean) =>
    mine >= minWords &&
    mine >= 0.6 * candidates.size &&
    (unicodeRuledOut || mine >= 2 * score.unicode + 1) &&
    (mine > other || (mine === other && onlyMine > onlyOther));
  if (wins(score.tcvn3, score.vni, score.onlyTcvn3, score.onlyVni, notUnicode.tcvn3)) return "tcvn3";
  if (wins(score.vni, score.tcvn3, score.onlyVni, score.onlyTcvn3, notUnicode.vni)) return "vni";
  return null;
}

/** Decodes from a known encoding (null: already Unicode) and normalises to NFC. */
export function decodeLegacy(text: string, encoding: LegacyEncoding | null): string {
  if (encoding === "tcvn3") return decodeTcvn3(text);
  if (encoding === "vni") return decodeVni(text);
  return text.normalize("NFC");
}

/**
 * Any text → Unicode NFC: detects TCVN3 or VNI and decodes it; otherwise only normalises. Pass the
 * encoding detected once for a whole column to convert short cells that alone are not conclusive.
 */
export function toUnicodeVietnamese(text: string, encoding: LegacyEncoding | null | "auto" = "auto"): string {
  return decodeLegacy(text, encoding === "auto" ? detectLegacyEncoding(text) : encoding);
}
