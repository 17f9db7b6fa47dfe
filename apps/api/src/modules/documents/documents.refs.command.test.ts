import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extractReferences } from "@namro/domain";
import { afterAll, describe, expect, it } from "vitest";
import {
  oleBytes,
  PROVINCE_PLAN_12_KH_TU,
  pngBytes,
  sampleDocumentDocx,
  sampleDocumentPdf,
  sampleDocumentText,
  sampleDocumentTxt,
  scannedPdfBytes,
} from "../../../test/document-fixtures.ts";
import { referenceTable, runRefsCommand } from "./documents.refs.command.ts";

const dir = mkdtempSync(join(tmpdir(), "namro-refs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileOf(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function run(path: string, json = false) {
  const out: string[] = [];
  const error: string[] = [];
  const code = await runRefsCommand(path, { json }, { out: (l) => out.push(l), error: (l) => error.push(l) });
  return { code, out, error };
}

const FIELDS = [
  "text",
  "start",
  "end",
  "system",
  "type",
  "number",
  "issuer",
  "date",
  "plenum",
  "term",
  "congress",
];

describe("namro refs", () => {
  it("prints exactly the reference fields as JSON, with offsets into the file's text", async () => {
    const text = sampleDocumentText(PROVINCE_PLAN_12_KH_TU);
    const { code, out, error } = await run(
      fileOf("plan.txt", sampleDocumentTxt(PROVINCE_PLAN_12_KH_TU)),
      true,
    );
    expect(code).toBe(0);
    expect(error).toEqual([]);
    const parsed = JSON.parse(out.join("\n")) as Record<string, unknown>[];
    expect(parsed).toEqual(extractReferences(text));
    for (const reference of parsed) {
      expect(Object.keys(reference)).toEqual(FIELDS);
      expect(text.slice(reference.start as number, reference.end as number)).toBe(reference.text);
    }
    expect(parsed.find((r) => r.number === "30/2020")).toMatchObject({
      system: "state",
      type: "NĐ",
      issuer: "CP",
    });
  });

  it("reads .docx and PDF files the same way", async () => {
    const docx = JSON.parse(
      (await run(fileOf("plan.docx", sampleDocumentDocx(PROVINCE_PLAN_12_KH_TU)), true)).out.join(""),
    );
    const pdf = JSON.parse(
      (await run(fileOf("plan.pdf", await sampleDocumentPdf(PROVINCE_PLAN_12_KH_TU)), true)).out.join(""),
    );
    const symbols = (refs: { type: string; number: string | null; issuer: string | null }[]) =>
      refs.map((r) => `${r.number}-${r.type}/${r.issuer}`);
    expect(symbols(docx)).toEqual(symbols(pdf));
    expect(symbols(docx)).toContain("21-KL/TW");
  });

  it("prints a table with a header, one row per reference and a count", async () => {
    const { code, out } = await run(fileOf("plan2.docx", sampleDocumentDocx(PROVINCE_PLAN_12_KH_TU)));
    expect(code).toBe(0);
    expect(out[0]?.split(/\s+/)).toEqual(FIELDS);
    expect(out.at(-1)).toBe("13 trích dẫn (13 references)");
    expect(out.some((line) => /^Chỉ thị 05-CT\/TW\s+\d+\s+\d+\s+party\s+CT\s+05\s+TW$/.test(line))).toBe(
      true,
    );
  });

  it("keeps table columns aligned and long quotes short", () => {
    const references = extractReferences(sampleDocumentText(PROVINCE_PLAN_12_KH_TU));
    const lines = referenceTable(references);
    const startColumn = Array.from(lines[0] ?? "")
      .join("")
      .indexOf("start");
    for (const [i, line] of lines.slice(2, -1).entries()) {
      // Columns are counted in characters: the start offset sits under its header on every row.
      const fromStart = Array.from(line).slice(startColumn).join("");
      expect(fromStart.startsWith(`${references[i]?.start} `)).toBe(true);
      expect(Array.from(line.slice(0, line.indexOf("  "))).length).toBeLessThanOrEqual(60);
    }
    expect(lines.some((line) => line.includes("…"))).toBe(true);
  });

  it("exits 1 with a clear message for files it cannot read", async () => {
    for (const [name, bytes, says] of [
      ["cu.doc", oleBytes(), ".docx"],
      ["rong.txt", Buffer.alloc(0), "Tệp rỗng"],
      ["anh.png", pngBytes(), "ảnh"],
    ] as const) {
      const { code, out, error } = await run(fileOf(name, bytes));
      expect(code, name).toBe(1);
      expect(out).toEqual([]);
      expect(error.join("\n")).toContain(says);
    }
    const missing = await run(join(dir, "khong-co.txt"));
    expect(missing).toMatchObject({ code: 1, error: [expect.stringContaining("không tìm thấy tệp")] });
  });

  it("says a scanned PDF has no text and prints no reference", async () => {
    const { code, out, error } = await run(fileOf("scan.pdf", await scannedPdfBytes(1)), true);
    expect(code).toBe(0);
    expect(JSON.parse(out.join(""))).toEqual([]);
    expect(error[0]).toContain("không có lớp chữ");
  });
});
