// A checked task's text cut into pieces by the words each clear found, for highlighting: every piece
// knows which clears (by their index in the set) marked it, so overlapping finds (the lead unit is both
// "rõ người" and "rõ trách nhiệm") are shown together. Spans are offsets in the whole checked text.

export interface HighlightSpan {
  start: number;
  end: number;
}

export interface HighlightPiece {
  text: string;
  /** Indices of the clears whose words cover this piece, ascending; empty: plain text. */
  clears: number[];
}

export function highlightPieces(
  text: string,
  start: number,
  spansByClear: readonly (readonly HighlightSpan[])[],
): HighlightPiece[] {
  const end = start + text.length;
  const cuts = new Set([start, end]);
  const inside: { clear: number; start: number; end: number }[] = [];
  spansByClear.forEach((spans, clear) => {
    for (const span of spans) {
      const from = Math.max(span.start, start);
      const to = Math.min(span.end, end);
      // words taken from a heading or "như trên" lie outside the task's text: nothing to mark here
      if (from >= to) continue;
      inside.push({ clear, start: from, end: to });
      cuts.add(from);
      cuts.add(to);
    }
  });
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: HighlightPiece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    const clears = [
      ...new Set(inside.filter((s) => s.start <= from && s.end >= to).map((s) => s.clear)),
    ].sort((a, b) => a - b);
    const piece = text.slice(from - start, to - start);
    const last = pieces.at(-1);
    if (last && last.clears.join() === clears.join()) last.text += piece;
    else pieces.push({ text: piece, clears });
  }
  return pieces;
}
