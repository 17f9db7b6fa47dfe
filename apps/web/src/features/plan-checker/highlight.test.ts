import { describe, expect, it } from "vitest";
import { highlightPieces } from "./highlight.ts";

describe("highlightPieces", () => {
  const text = "Ban Tổ chức chủ trì xây dựng đề án trước ngày 30/6/2026.";
  const at = 100; // the task's offset in the checked text
  const span = (word: string) => ({
    start: at + text.indexOf(word),
    end: at + text.indexOf(word) + word.length,
  });

  it("marks each clear's words and leaves the rest plain, in order", () => {
    const pieces = highlightPieces(text, at, [
      [span("Ban Tổ chức")],
      [span("xây dựng")],
      [span("trước ngày 30/6/2026")],
    ]);
    expect(pieces).toEqual([
      { text: "Ban Tổ chức", clears: [0] },
      { text: " chủ trì ", clears: [] },
      { text: "xây dựng", clears: [1] },
      { text: " đề án ", clears: [] },
      { text: "trước ngày 30/6/2026", clears: [2] },
      { text: ".", clears: [] },
    ]);
    expect(pieces.map((p) => p.text).join("")).toBe(text);
  });

  it("shows overlapping finds together", () => {
    const pieces = highlightPieces(text, at, [[span("Ban Tổ chức")], [], [], [span("Ban Tổ chức chủ trì")]]);
    expect(pieces.slice(0, 2)).toEqual([
      { text: "Ban Tổ chức", clears: [0, 3] },
      { text: " chủ trì", clears: [3] },
    ]);
  });

  it("ignores words found outside the task (a heading's deadline) and clips those that cross its edge", () => {
    const pieces = highlightPieces(text, at, [[{ start: 10, end: 30 }], [{ start: at - 5, end: at + 3 }]]);
    expect(pieces).toEqual([
      { text: "Ban", clears: [1] },
      { text: text.slice(3), clears: [] },
    ]);
  });

  it("gives one plain piece without finds", () => {
    expect(highlightPieces(text, at, [])).toEqual([{ text, clears: [] }]);
  });
});
