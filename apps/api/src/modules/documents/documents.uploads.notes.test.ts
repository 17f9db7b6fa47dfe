import { proposeDocumentHeader } from "@namro/domain";
import { describe, expect, it } from "vitest";
import { MAX_PDF_TEXT_PAGES } from "../../platform/text-files/pdf-text.ts";
import type { ReadFile } from "../../platform/text-files/text-file-reader.ts";
import { uploadNotes } from "./documents.uploads.notes.ts";

const HEADER_TEXT =
  "TỈNH ỦY BẮC NINH\nSố 12-KH/TU\nBắc Ninh, ngày 05 tháng 02 năm 2026\nKẾ HOẠCH\nthực hiện Kết luận số 21-KL/TW";
const CHECKS = { typeKnown: true, unknownIssuers: [], isParty: true };

const pdf = (overrides: Partial<ReadFile>): ReadFile => ({
  kind: "pdf",
  mediaType: "application/pdf",
  text: HEADER_TEXT,
  hasTextLayer: true,
  pageCount: 1500,
  legacyEncoding: null,
  notes: [],
  ...overrides,
});

describe("uploadNotes", () => {
  it("says nothing about a well-read file", () => {
    expect(uploadNotes("vi", pdf({}), proposeDocumentHeader(HEADER_TEXT), CHECKS)).toEqual([]);
  });

  it("says how many pages of a long PDF were read, in the reader's language", () => {
    const read = pdf({ notes: ["TEXT_FROM_FIRST_PAGES"] });
    const header = proposeDocumentHeader(HEADER_TEXT);
    expect(uploadNotes("vi", read, header, CHECKS)).toEqual([
      `Tệp PDF có 1500 trang; chỉ đọc chữ của ${MAX_PDF_TEXT_PAGES} trang đầu để tìm kiếm và tìm trích dẫn.`,
    ]);
    expect(uploadNotes("en", read, header, CHECKS)[0]).toContain(`the first ${MAX_PDF_TEXT_PAGES} only`);
  });

  it("names an unknown type and does not list header fields of a file without text", () => {
    const header = proposeDocumentHeader(HEADER_TEXT);
    expect(uploadNotes("en", pdf({}), header, { ...CHECKS, typeKnown: false })).toEqual([
      "The type “KH” is not in the list; choose the type.",
    ]);
    const scan = pdf({ text: "", hasTextLayer: false, notes: ["NO_TEXT_LAYER"] });
    expect(uploadNotes("vi", scan, proposeDocumentHeader(""), CHECKS)).toHaveLength(1);
  });
});
