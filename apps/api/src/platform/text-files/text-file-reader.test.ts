import { Readable } from "node:stream";
import { encodeTcvn3, encodeVni } from "@namro/domain";
import { describe, expect, it } from "vitest";
import {
  docxBytes,
  docxFromDocumentXml,
  encryptedPdfBytes,
  oleBytes,
  PROVINCE_PLAN_12_KH_TU,
  pngBytes,
  sampleDocumentDocx,
  sampleDocumentPdf,
  scannedPdfBytes,
  textPdfBytes,
  zipBombBytes,
  zipBytes,
} from "../../../test/document-fixtures.ts";
import { inspectDocxZip } from "./docx-text.ts";
import { pdfText } from "./pdf-text.ts";
import { TextFileError, type TextFileFailure } from "./text-file-errors.ts";
import { readStreamAtMost, readTextFile, tidyText } from "./text-file-reader.ts";

const MAX = 30 * 1024 * 1024;

async function failure(bytes: Buffer, maxBytes = MAX): Promise<TextFileFailure> {
  try {
    await readTextFile(bytes, maxBytes);
  } catch (error) {
    if (error instanceof TextFileError) return error.reason;
    throw error;
  }
  throw new Error("expected a TextFileError");
}

/** Text encoded as single bytes (TCVN3 and VNI use only code points below 256). */
const bytesOf = (text: string) => Buffer.from(Array.from(text, (c) => c.charCodeAt(0)));

const SENTENCE = "Thực hiện Kết luận số 21-KL/TW của Bộ Chính trị về xây dựng Đảng";

describe("readTextFile: .docx", () => {
  it("reads the sample plan, one paragraph per line, header table included", async () => {
    const file = await readTextFile(sampleDocumentDocx(PROVINCE_PLAN_12_KH_TU), MAX);
    expect(file.kind).toBe("docx");
    expect(file.mediaType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(file.hasTextLayer).toBe(true);
    const lines = file.text.split("\n");
    expect(lines.slice(0, 5)).toEqual([
      "TỈNH ỦY BẮC NINH",
      "*",
      "Số 12-KH/TU",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "Bắc Ninh, ngày 05 tháng 02 năm 2026",
    ]);
    expect(lines.at(-1)).toBe("Nguyễn Văn Hùng");
    expect(file.notes).toEqual([]);
  });

  it("turns decomposed (NFD) text into NFC", async () => {
    const file = await readTextFile(docxBytes([SENTENCE.normalize("NFD")]), MAX);
    expect(file.text).toBe(SENTENCE);
  });

  it("converts a document typed in a TCVN3 font to Unicode and says so", async () => {
    const file = await readTextFile(docxBytes([encodeTcvn3(SENTENCE)]), MAX);
    expect(file.text).toBe(SENTENCE);
    expect(file.legacyEncoding).toBe("tcvn3");
    expect(file.notes).toContain("LEGACY_ENCODING_CONVERTED");
  });

  it("accepts a document without text and notes it", async () => {
    const file = await readTextFile(docxBytes([""]), MAX);
    expect(file.text).toBe("");
    expect(file.notes).toEqual(["NO_TEXT"]);
  });

  it("refuses a zip bomb before inflating it", async () => {
    const bomb = zipBytes([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "word/document.xml", data: Buffer.alloc(60 * 1024 * 1024) },
    ]);
    expect(await failure(bomb)).toBe("MALFORMED");
  });

  it("refuses a body larger than mammoth may hold, though the archive's size and ratio pass", async () => {
    // 51 MB of a well-formed body whose every kilobyte carries a few random letters: ratio ~40, well
    // under the zip limits, so only the body's own cap refuses it (and before mammoth sees it).
    const block = Buffer.alloc(1024, 0x20);
    const blocks: Buffer[] = [];
    for (let i = 0; i < 51 * 1024; i++) {
      const copy = Buffer.from(block);
      for (let j = 0; j < 16; j++) copy[j] = 0x61 + Math.floor(Math.random() * 26);
      blocks.push(copy);
    }
    const big = zipBytes([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "word/document.xml", data: Buffer.concat(blocks) },
    ]);
    expect(big.length).toBeGreaterThan((51 * 1024 * 1024) / 200);
    await expect(inspectDocxZip(big)).rejects.toMatchObject({ reason: "MALFORMED" });
    expect(await failure(big, 60 * 1024 * 1024)).toBe("MALFORMED");
  });

  it("refuses an entry that inflates past its declared size", async () => {
    const lying = zipBytes([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "word/document.xml", data: Buffer.alloc(200_000, 0x20), declaredSize: 1000 },
    ]);
    expect(await failure(lying)).toBe("MALFORMED");
  });

  it("refuses a cut file, broken XML and a zip without the Word parts", async () => {
    const whole = sampleDocumentDocx(PROVINCE_PLAN_12_KH_TU);
    expect(await failure(whole.subarray(0, Math.floor(whole.length / 2)))).toBe("MALFORMED");
    expect(await failure(docxFromDocumentXml("<w:document><w:body><w:p>broken"))).toBe("MALFORMED");
    expect(await failure(zipBytes([{ name: "word/document.xml", data: Buffer.from("<a/>") }]))).toBe(
      "MALFORMED",
    );
  });

  it("refuses a zip that is not a Word document (a workbook, an archive)", async () => {
    expect(await failure(zipBombBytes(1))).toBe("UNSUPPORTED");
    expect(await failure(zipBytes([{ name: "readme.txt", data: Buffer.from("hello") }]))).toBe("UNSUPPORTED");
  });
});

describe("readTextFile: PDF", () => {
  it("reads the text layer and counts the pages", async () => {
    const file = await readTextFile(await sampleDocumentPdf(PROVINCE_PLAN_12_KH_TU), MAX);
    expect(file.kind).toBe("pdf");
    expect(file.mediaType).toBe("application/pdf");
    expect(file.hasTextLayer).toBe(true);
    expect(file.pageCount).toBe(2);
    expect(file.text).toContain("Số 12-KH/TU");
    expect(file.text).toContain("Bắc Ninh, ngày 05 tháng 02 năm 2026");
    expect(file.text).toContain("Nguyễn Văn Hùng");
  });

  it("accepts a scanned PDF without a text layer, with a note", async () => {
    const file = await readTextFile(await scannedPdfBytes(3), MAX);
    expect(file).toMatchObject({ kind: "pdf", hasTextLayer: false, pageCount: 3, text: "" });
    expect(file.notes).toEqual(["NO_TEXT_LAYER"]);
  });

  it("treats a few stray characters on many pages as no text layer", async () => {
    const pages = Array.from({ length: 40 }, () => "x").flatMap((x) => [x, ...Array(60).fill("")]);
    const file = await readTextFile(await textPdfBytes(pages), MAX);
    expect(file.pageCount).toBeGreaterThan(1);
    expect(file.hasTextLayer).toBe(false);
  });

  it("reads the text of the first pages only of a PDF longer than the cap", async () => {
    const pdf = await textPdfBytes(
      [1, 2, 3].flatMap((page) => [
        ...(page > 1 ? [{ newPage: true } as const] : []),
        `Trang ${page}: nội dung kế hoạch thực hiện Kết luận số 21-KL/TW`,
      ]),
    );
    const whole = await pdfText(pdf);
    expect(whole).toMatchObject({ pageCount: 3, pagesRead: 3, hasTextLayer: true });
    const capped = await pdfText(pdf, 2);
    expect(capped).toMatchObject({ pageCount: 3, pagesRead: 2 });
    expect(capped.text).toContain("Trang 2");
    expect(capped.text).not.toContain("Trang 3");
  });

  it("says a password-protected PDF is encrypted", async () => {
    expect(await failure(await encryptedPdfBytes())).toBe("ENCRYPTED");
  });

  it("refuses a damaged PDF", async () => {
    const whole = await sampleDocumentPdf(PROVINCE_PLAN_12_KH_TU);
    expect(await failure(Buffer.from("%PDF-1.7\n1 0 obj garbage\n%%EOF"))).toBe("MALFORMED");
    expect(await failure(whole.subarray(0, 400))).toBe("MALFORMED");
  });

  it("finds a PDF header after a few leading bytes", async () => {
    const pdf = await textPdfBytes(["Văn bản"]);
    const file = await readTextFile(Buffer.concat([Buffer.from("\r\n  "), pdf]), MAX);
    expect(file.kind).toBe("pdf");
  });
});

describe("readTextFile: .txt", () => {
  it("reads UTF-8 with and without a byte order mark, and UTF-16 with one", async () => {
    const utf8 = Buffer.from(SENTENCE, "utf8");
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SENTENCE, "utf16le")]);
    const utf16be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(SENTENCE, "utf16le").swap16()]);
    for (const bytes of [utf8, withBom, utf16le, utf16be]) {
      const file = await readTextFile(bytes, MAX);
      expect(file).toMatchObject({
        kind: "txt",
        text: SENTENCE,
        hasTextLayer: true,
        mediaType: "text/plain; charset=utf-8",
      });
    }
  });

  it("normalises NFD, Windows line breaks and control characters", async () => {
    const file = await readTextFile(
      Buffer.from(`${SENTENCE.normalize("NFD")}  \r\n\r\n\r\n\r\nB\u0007ản`, "utf8"),
      MAX,
    );
    expect(file.text).toBe(`${SENTENCE}\n\nBản`);
  });

  it("converts TCVN3 and VNI files to Unicode", async () => {
    expect((await readTextFile(bytesOf(encodeTcvn3(SENTENCE)), MAX)).text).toBe(SENTENCE);
    const vni = await readTextFile(bytesOf(encodeVni(SENTENCE)), MAX);
    expect(vni).toMatchObject({ text: SENTENCE, legacyEncoding: "vni" });
  });

  it("refuses 8-bit text in an unknown code page, and text of white space only", async () => {
    expect(await failure(Buffer.from("naïve façade résumé déjà vu, Café crème", "latin1"))).toBe(
      "UNKNOWN_ENCODING",
    );
    expect(await failure(Buffer.from(" \r\n\t \n"))).toBe("EMPTY");
  });

  it("refuses UTF-16 that does not decode", async () => {
    expect(await failure(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41]))).toBe("MALFORMED");
  });
});

describe("readTextFile: images and refused formats", () => {
  it("accepts PNG and JPEG as attachments without text", async () => {
    const png = await readTextFile(pngBytes(), MAX);
    expect(png).toMatchObject({ kind: "image", mediaType: "image/png", text: "", hasTextLayer: null });
    expect(png.notes).toEqual([]);
    const jpeg = await readTextFile(
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100)]),
      MAX,
    );
    expect(jpeg.mediaType).toBe("image/jpeg");
  });

  it("refuses an old binary .doc or .xls, RTF, executables, other images and binary noise", async () => {
    expect(await failure(oleBytes())).toBe("UNSUPPORTED");
    expect(await failure(Buffer.from("{\\rtf1\\ansi Kế hoạch}"))).toBe("UNSUPPORTED");
    expect(await failure(Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)]))).toBe("UNSUPPORTED");
    expect(await failure(Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(200)]))).toBe(
      "UNSUPPORTED",
    );
    expect(await failure(Buffer.from("GIF89a\u0000\u0001"))).toBe("UNSUPPORTED");
    expect(await failure(Buffer.from([0x01, 0x02, 0x00, 0x03, 0x04, 0x05]))).toBe("UNSUPPORTED");
  });

  it("refuses a web page, Word XML or MHTML saved under a document's name", async () => {
    for (const text of [
      "<!DOCTYPE html><html><body>Kế hoạch</body></html>",
      "\ufeff  <html xmlns:w='urn:schemas-microsoft-com:office:word'><body>Kế hoạch</body></html>",
      '<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument/>',
      "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\nKế hoạch",
    ]) {
      expect(await failure(Buffer.from(text, "utf8")), text.slice(0, 20)).toBe("UNSUPPORTED");
    }
    // Plain text that merely mentions markup is still text.
    expect((await readTextFile(Buffer.from("Ghi chú: <html> là thẻ mở đầu.", "utf8"), MAX)).kind).toBe("txt");
  });

  it("refuses an empty file and one over the size cap", async () => {
    expect(await failure(Buffer.alloc(0))).toBe("EMPTY");
    expect(await failure(Buffer.from(SENTENCE), 10)).toBe("TOO_LARGE");
  });
});

describe("readStreamAtMost", () => {
  it("returns the bytes of a stream within the cap", async () => {
    const bytes = await readStreamAtMost(Readable.from([Buffer.from("ab"), Buffer.from("cd")]), 4);
    expect(bytes.toString()).toBe("abcd");
  });

  it("refuses a stream past the cap and one its source truncated", async () => {
    await expect(
      readStreamAtMost(Readable.from([Buffer.alloc(3), Buffer.alloc(3)]), 5),
    ).rejects.toMatchObject({
      reason: "TOO_LARGE",
    });
    const truncated = Object.assign(Readable.from([Buffer.alloc(3)]), { truncated: true });
    await expect(readStreamAtMost(truncated, 5)).rejects.toMatchObject({ reason: "TOO_LARGE" });
  });
});

describe("tidyText", () => {
  it("keeps tabs and single blank lines, drops trailing spaces", () => {
    expect(tidyText("a\tb  \n\n\n\nc\u00a0\fd")).toBe("a\tb\n\nc\nd");
  });
});
