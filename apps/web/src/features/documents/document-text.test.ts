import { describe, expect, it } from "vitest";
import { referenceSegments, snippetSegments } from "./document-text.ts";

describe("snippetSegments", () => {
  it("splits a snippet into plain text and matches", () => {
    expect(snippetSegments("… triển khai «Kết luận» số «21-KL/TW» của Bộ Chính trị")).toEqual([
      { text: "… triển khai ", match: false },
      { text: "Kết luận", match: true },
      { text: " số ", match: false },
      { text: "21-KL/TW", match: true },
      { text: " của Bộ Chính trị", match: false },
    ]);
  });

  it("joins adjacent matches and handles a match at either end", () => {
    expect(snippetSegments("«xây»«dựng» Đảng «vững mạnh»")).toEqual([
      { text: "xâydựng", match: true },
      { text: " Đảng ", match: false },
      { text: "vững mạnh", match: true },
    ]);
  });

  it("keeps a marker without its partner as an ordinary character", () => {
    expect(snippetSegments("tên gọi «Làng văn hóa")).toEqual([
      { text: "tên gọi «Làng văn hóa", match: false },
    ]);
    expect(snippetSegments("a » b «c» d")).toEqual([
      { text: "a » b ", match: false },
      { text: "c", match: true },
      { text: " d", match: false },
    ]);
    expect(snippetSegments("«a «b» c")).toEqual([
      { text: "«a ", match: false },
      { text: "b", match: true },
      { text: " c", match: false },
    ]);
  });

  it("leaves markup as text (rendered by React as text, never as HTML)", () => {
    expect(snippetSegments('<img src=x onerror="alert(1)"> «<b>»')).toEqual([
      { text: '<img src=x onerror="alert(1)"> ', match: false },
      { text: "<b>", match: true },
    ]);
  });

  it("returns nothing for an empty snippet and drops empty matches", () => {
    expect(snippetSegments("")).toEqual([]);
    expect(snippetSegments("a «» b")).toEqual([{ text: "a  b", match: false }]);
  });
});

describe("referenceSegments", () => {
  const text = "Thực hiện Kết luận số 21-KL/TW và Nghị định 30/2020/NĐ-CP.";
  const kl = { start: 10, end: 30, id: "kl" };
  const nd = { start: 34, end: 57, id: "nd" };

  it("cuts the text at the references, in order, covering every character once", () => {
    const segments = referenceSegments(text, [nd, kl]);
    expect(segments.map((segment) => [segment.text, segment.reference?.id ?? null])).toEqual([
      ["Thực hiện ", null],
      ["Kết luận số 21-KL/TW", "kl"],
      [" và ", null],
      ["Nghị định 30/2020/NĐ-CP", "nd"],
      [".", null],
    ]);
    expect(segments.map((segment) => segment.text).join("")).toBe(text);
    expect(segments.map((segment) => segment.start)).toEqual([0, 10, 30, 34, 57]);
  });

  it("leaves out overlapping, empty and out-of-range references", () => {
    const overlapping = { start: 20, end: 40, id: "overlap" };
    const empty = { start: 5, end: 5, id: "empty" };
    const beyond = { start: 50, end: 500, id: "beyond" };
    const segments = referenceSegments(text, [kl, overlapping, empty, beyond]);
    expect(segments.filter((segment) => segment.reference).map((segment) => segment.reference?.id)).toEqual([
      "kl",
    ]);
    expect(segments.map((segment) => segment.text).join("")).toBe(text);
  });

  it("gives the whole text as one piece without references, and nothing for no text", () => {
    expect(referenceSegments(text, [])).toEqual([{ text, start: 0, reference: null }]);
    expect(referenceSegments("", [])).toEqual([]);
  });

  it("handles a reference at the very start and end", () => {
    const whole = referenceSegments("21-KL/TW", [{ start: 0, end: 8 }]);
    expect(whole).toEqual([{ text: "21-KL/TW", start: 0, reference: { start: 0, end: 8 } }]);
  });
});
