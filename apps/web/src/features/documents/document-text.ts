// Turning what the server sends into pieces React renders as text: search snippets whose matches are
// wrapped in «…», and a document's text cut at the offsets of the references found in it. Nothing
// here produces HTML — the pieces are rendered as text nodes and <mark>/<a> elements, so a document
// that contains markup shows it as text.

export interface SnippetSegment {
  text: string;
  /** True for a part the search matched (shown highlighted). */
  match: boolean;
}

const OPEN = "«";
const CLOSE = "»";

/**
 * "… kế hoạch «thực hiện» «Kết luận» …" → plain and matched pieces. A marker without its partner is
 * kept as the character it is (a quotation mark in the document itself), never swallowed.
 */
export function snippetSegments(snippet: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  const push = (text: string, match: boolean) => {
    if (text === "") return;
    const last = segments.at(-1);
    if (last && last.match === match) last.text += text;
    else segments.push({ text, match });
  };
  let position = 0;
  while (position < snippet.length) {
    const open = snippet.indexOf(OPEN, position);
    if (open < 0) break;
    const close = snippet.indexOf(CLOSE, open + 1);
    const reopened = snippet.indexOf(OPEN, open + 1);
    // No closing marker, or another opening one comes first: this « is an ordinary character.
    if (close < 0 || (reopened >= 0 && reopened < close)) {
      push(snippet.slice(position, open + 1), false);
      position = open + 1;
      continue;
    }
    push(snippet.slice(position, open), false);
    if (close > open + 1) push(snippet.slice(open + 1, close), true);
    position = close + 1;
  }
  push(snippet.slice(position), false);
  return segments;
}

export interface Span {
  start: number;
  end: number;
}

export interface TextSegment<R extends Span> {
  text: string;
  start: number;
  /** The reference this piece of text is, or null for the text between references. */
  reference: R | null;
}

/**
 * Cuts `text` at the references' offsets (UTF-16 positions, as JavaScript counts them). References
 * are taken in order of their start; one that overlaps an earlier one, is empty or lies outside the
 * text is left out rather than breaking the reading.
 */
export function referenceSegments<R extends Span>(text: string, references: readonly R[]): TextSegment<R>[] {
  const ordered = references
    .filter((ref) => ref.start >= 0 && ref.end > ref.start && ref.end <= text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: TextSegment<R>[] = [];
  let position = 0;
  for (const ref of ordered) {
    if (ref.start < position) continue;
    if (ref.start > position)
      segments.push({ text: text.slice(position, ref.start), start: position, reference: null });
    segments.push({ text: text.slice(ref.start, ref.end), start: ref.start, reference: ref });
    position = ref.end;
  }
  if (position < text.length) segments.push({ text: text.slice(position), start: position, reference: null });
  return segments;
}
