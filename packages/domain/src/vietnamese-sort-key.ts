// A byte-ordered sort key for Vietnamese names, so the database can sort by Vietnamese rules with
// COLLATE "C" (PGlite has no Vietnamese ICU data; a server's ICU and PGlite would otherwise disagree).
// Names sort the way Vietnamese lists do: by given name (the last word) first, then by the full name;
// letters in the Vietnamese alphabet order (a ă â b c d đ e ê … o ô ơ … u ư …), and tones only break
// ties, in the order ngang, huyền, hỏi, ngã, sắc, nặng.

const ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";
const FIRST_LETTER_CODE = 0x41; // 'A': every letter maps to one printable ASCII character
const WORD_BREAK = "#"; // sorts before every letter and digit, after the end marker
const END_OF_PRIMARY = "!"; // sorts before WORD_BREAK, so "An" comes before "An Bình"

const TONE_ORDER: Record<string, string> = {
  "\u0300": "1", // huyền
  "\u0309": "2", // hỏi
  "\u0303": "3", // ngã
  "\u0301": "4", // sắc
  "\u0323": "5", // nặng
};
const LETTER_MODIFIERS: Record<string, string> = {
  "\u0306": "\u0306",
  "\u0302": "\u0302",
  "\u031b": "\u031b",
};

interface KeyParts {
  primary: string;
  tones: string;
}

function keyPartsOf(text: string): KeyParts {
  let primary = "";
  let tones = "";
  // One tone per syllable, wherever its mark sits ("hoà" and "hòa" are the same word).
  let wordTone = "";
  const endWord = () => {
    if (wordTone !== "") tones += wordTone;
    wordTone = "";
  };
  // Each NFD cluster is a base character followed by its combining marks.
  const clusters =
    text
      .toLowerCase()
      .normalize("NFD")
      .match(/\P{M}\p{M}*/gu) ?? [];
  for (const cluster of clusters) {
    const base = cluster[0] ?? "";
    if (/\s/.test(base)) {
      if (!primary.endsWith(WORD_BREAK) && primary !== "") primary += WORD_BREAK;
      endWord();
      continue;
    }
    if (/[0-9]/.test(base)) {
      primary += base;
      continue;
    }
    let letter = base === "đ" ? "đ" : base;
    let tone = "";
    for (const mark of cluster.slice(1)) {
      if (LETTER_MODIFIERS[mark]) letter = (letter + mark).normalize("NFC");
      else if (TONE_ORDER[mark]) tone = TONE_ORDER[mark];
    }
    const index = ALPHABET.indexOf(letter);
    if (index < 0) continue; // punctuation and other scripts do not take part in the order
    primary += String.fromCharCode(FIRST_LETTER_CODE + index);
    if (tone !== "" || wordTone === "") wordTone = tone || "0";
  }
  endWord();
  return { primary: primary.endsWith(WORD_BREAK) ? primary.slice(0, -1) : primary, tones };
}

/** The sort key of a person's full name: given name first, then the whole name, tones last. */
export function vietnameseNameSortKey(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  const given = keyPartsOf(words[words.length - 1] ?? "");
  const whole = keyPartsOf(fullName);
  return `${given.primary}${WORD_BREAK}${whole.primary}${END_OF_PRIMARY}${given.tones}${whole.tones}`;
}

/** The sort key of any text (titles, places) in Vietnamese order, word by word. */
export function vietnameseSortKey(text: string): string {
  const parts = keyPartsOf(text);
  return `${parts.primary}${END_OF_PRIMARY}${parts.tones}`;
}
