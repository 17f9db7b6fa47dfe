// Character tables of the two legacy 8-bit Vietnamese encodings still found in old spreadsheets, as the
// text looks once each byte has been read as one Latin-1 / Windows-1252 character (bytes 0xA0–0xFF are the
// same in both). Every entry was checked against two independent published conversion tables.

/** Tone order used by every row below: none, grave (huyền), hook (hỏi), tilde (ngã), acute (sắc), dot (nặng). */
const TONE_MARKS = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"] as const;

/** The twelve vowel shapes, as base letter + shape mark (breve, circumflex, horn), in table order. */
const VOWELS = [
  ["a", ""],
  ["a", "\u0306"],
  ["a", "\u0302"],
  ["e", ""],
  ["e", "\u0302"],
  ["i", ""],
  ["o", ""],
  ["o", "\u0302"],
  ["o", "\u031b"],
  ["u", ""],
  ["u", "\u031b"],
  ["y", ""],
] as const;

/**
 * TCVN3 (TCVN 5712:1993 VN3, the ".Vn" fonts of ABC), one row per vowel shape in VOWELS order, one code
 * per tone in TONE_MARKS order. Only lower-case toned letters exist; see TCVN3_CAPITALS.
 */
const TCVN3_ROWS: readonly string[] = [
  "a\u00b5\u00b6\u00b7\u00b8\u00b9", // a à ả ã á ạ
  "\u00a8\u00bb\u00bc\u00bd\u00be\u00c6", // ă ằ ẳ ẵ ắ ặ
  "\u00a9\u00c7\u00c8\u00c9\u00ca\u00cb", // â ầ ẩ ẫ ấ ậ
  "e\u00cc\u00ce\u00cf\u00d0\u00d1", // e è ẻ ẽ é ẹ
  "\u00aa\u00d2\u00d3\u00d4\u00d5\u00d6", // ê ề ể ễ ế ệ
  "i\u00d7\u00d8\u00dc\u00dd\u00de", // i ì ỉ ĩ í ị
  "o\u00df\u00e1\u00e2\u00e3\u00e4", // o ò ỏ õ ó ọ
  "\u00ab\u00e5\u00e6\u00e7\u00e8\u00e9", // ô ồ ổ ỗ ố ộ
  "\u00ac\u00ea\u00eb\u00ec\u00ed\u00ee", // ơ ờ ở ỡ ớ ợ
  "u\u00ef\u00f1\u00f2\u00f3\u00f4", // u ù ủ ũ ú ụ
  "\u00ad\u00f5\u00f6\u00f7\u00f8\u00f9", // ư ừ ử ữ ứ ự
  "y\u00fa\u00fb\u00fc\u00fd\u00fe", // y ỳ ỷ ỹ ý ỵ
];

/** The only capitals with codes of their own in TCVN3 (besides plain A–Z). */
const TCVN3_CAPITALS: Readonly<Record<string, string>> = {
  Ă: "\u00a1",
  Â: "\u00a2",
  Ê: "\u00a3",
  Ô: "\u00a4",
  Ơ: "\u00a5",
  Ư: "\u00a6",
  Đ: "\u00a7",
  đ: "\u00ae",
};

/**
 * VNI-Windows, same layout as TCVN3_ROWS: a letter is the base letter followed by one mark character,
 * except ơ ư đ and the toned i letters and ỵ, which have single characters. Capitals are the upper-case
 * form of both characters (e.g. "Ễ" = "EÃ").
 */
const VNI_ROWS: readonly (readonly string[])[] = [
  ["a", "a\u00f8", "a\u00fb", "a\u00f5", "a\u00f9", "a\u00ef"], // a aø aû aõ aù aï
  ["a\u00ea", "a\u00e8", "a\u00fa", "a\u00fc", "a\u00e9", "a\u00eb"], // aê aè aú aü aé aë
  ["a\u00e2", "a\u00e0", "a\u00e5", "a\u00e3", "a\u00e1", "a\u00e4"], // aâ aà aå aã aá aä
  ["e", "e\u00f8", "e\u00fb", "e\u00f5", "e\u00f9", "e\u00ef"],
  ["e\u00e2", "e\u00e0", "e\u00e5", "e\u00e3", "e\u00e1", "e\u00e4"],
  ["i", "\u00ec", "\u00e6", "\u00f3", "\u00ed", "\u00f2"], // i ì æ ó í ò
  ["o", "o\u00f8", "o\u00fb", "o\u00f5", "o\u00f9", "o\u00ef"],
  ["o\u00e2", "o\u00e0", "o\u00e5", "o\u00e3", "o\u00e1", "o\u00e4"],
  ["\u00f4", "\u00f4\u00f8", "\u00f4\u00fb", "\u00f4\u00f5", "\u00f4\u00f9", "\u00f4\u00ef"], // ô = ơ
  ["u", "u\u00f8", "u\u00fb", "u\u00f5", "u\u00f9", "u\u00ef"],
  ["\u00f6", "\u00f6\u00f8", "\u00f6\u00fb", "\u00f6\u00f5", "\u00f6\u00f9", "\u00f6\u00ef"], // ö = ư
  ["y", "y\u00f8", "y\u00fb", "y\u00f5", "y\u00f9", "\u00ee"], // … î = ỵ
];
const VNI_D_STROKE = "\u00f1"; // ñ = đ, Ñ = Đ

export type LetterPair = readonly [unicode: string, legacy: string];

/** Every Vietnamese vowel letter (12 shapes × 6 tones) in NFC, lower case, in table order. */
export const VIETNAMESE_VOWELS: readonly string[] = VOWELS.flatMap(([base, shape]) =>
  TONE_MARKS.map((tone) => `${base}${shape}${tone}`.normalize("NFC")),
);

function pairs(rows: readonly (readonly string[] | string)[]): LetterPair[] {
  return VOWELS.flatMap((_, row) =>
    TONE_MARKS.map((_tone, tone): LetterPair => {
      const unicode = VIETNAMESE_VOWELS[row * TONE_MARKS.length + tone] ?? "";
      const legacy = rows[row]?.[tone] ?? "";
      return [unicode, legacy];
    }),
  );
}

/** Unicode letter → TCVN3 character: lower-case vowels and đ, plus the seven capitals that have codes. */
export const TCVN3_PAIRS: readonly LetterPair[] = [
  ...pairs(TCVN3_ROWS).filter(([, legacy]) => legacy > "\u007f"),
  ...Object.entries(TCVN3_CAPITALS).map(([unicode, legacy]): LetterPair => [unicode, legacy]),
];

/** Unicode letter → VNI sequence, lower and upper case. */
export const VNI_PAIRS: readonly LetterPair[] = (() => {
  const lower: LetterPair[] = [
    ...pairs(VNI_ROWS).filter(([, legacy]) => legacy > "\u007f" || legacy.length > 1),
    ["đ", VNI_D_STROKE],
  ];
  return [...lower, ...lower.map(([u, v]): LetterPair => [u.toUpperCase(), v.toUpperCase()])];
})();
